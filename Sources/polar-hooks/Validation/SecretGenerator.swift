import Foundation

/// Makes a signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32
/// bytes from the system's cryptographically secure generator.
enum SecretGenerator {
    /// The shortest secret Polar accepts from a merchant.
    static let minimumLength = 32

    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
    }

    static func validate(_ secret: String) throws(CLIError) -> String {
        guard secret.count >= minimumLength else {
            throw .usage(
                "the secret is \(secret.count) characters long; Polar needs at least \(minimumLength) (or use --generate-secret)"
            )
        }
        guard secret.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw .usage("the secret must be printable ASCII without spaces")
        }
        return secret
    }
}
