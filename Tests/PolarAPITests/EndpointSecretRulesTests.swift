import Foundation
import Testing

@testable import PolarAPI

/// The one place the form, the commands and the emulator learn what secret Polar accepts.
@Suite struct EndpointSecretRulesTests {
    @Test func generatedSecretsAreStandardAndDistinct() {
        let first = EndpointSecretRules.generate()
        #expect(first.hasPrefix("whsec_"))
        #expect(Data(base64Encoded: String(first.dropFirst(6)))?.count == 32)
        #expect(EndpointSecretRules.problem(with: first) == nil)
        #expect(EndpointSecretRules.generate() != first)
    }

    @Test func theMinimumIsThirtyTwoCharacters() {
        #expect(EndpointSecretRules.problem(with: String(repeating: "a", count: 31)) == "needs 32+ characters, has 31")
        #expect(EndpointSecretRules.problem(with: String(repeating: "a", count: 32)) == nil)
    }

    @Test(arguments: [
        "with space " + String(repeating: "a", count: 30), "tab\t" + String(repeating: "a", count: 30),
        "é" + String(repeating: "a", count: 32),
    ])
    func onlyPrintableASCII(_ secret: String) {
        #expect(EndpointSecretRules.problem(with: secret) == "must be printable ASCII without spaces")
    }
}
