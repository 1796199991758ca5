import Foundation
import PolarAPI
import Testing

@testable import polar_hooks

@Suite struct TextTableTests {
    @Test func alignsColumnsWithoutTrailingSpaces() {
        var table = TextTable(headers: ["ID", "NAME", "URL"])
        table.append(["1", "Orders", "https://a.example/"])
        table.append(["22", "", "https://bb.example/"])
        #expect(
            table.render().rendered(color: false) == """
                ID  NAME    URL
                1   Orders  https://a.example/
                22          https://bb.example/
                """)
    }

    @Test func wideCharactersCountTwoColumns() {
        var table = TextTable(headers: ["NAME", "X"])
        table.append(["日本", "a"])
        table.append(["abc", "b"])
        let lines = table.render().rendered(color: false).split(separator: "\n").map(String.init)
        #expect(lines[1] == "日本  a")
        #expect(lines[2] == "abc   b")
    }

    @Test func controlCharactersFromTheNetworkAreNeutralised() {
        var table = TextTable(headers: ["NAME"])
        table.append(["evil\u{1B}[2Jname\nnext"])
        let text = table.render().rendered(color: false)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("evil\u{FFFD}[2Jname↵next"))
    }

    @Test func longCellsAreCutWithAnEllipsis() {
        var table = TextTable(headers: ["URL"])
        table.maximumColumnWidth = 10
        table.append([TextTable.Cell(String(repeating: "x", count: 30))])
        #expect(table.render().rendered(color: false).split(separator: "\n")[1] == "xxxxxxxxx…")
    }

    @Test func coloursOnlyWhenAsked() {
        var table = TextTable(headers: ["STATUS"])
        table.append([TextTable.Cell("enabled", color: .green)])
        #expect(!table.render().rendered(color: false).contains("\u{1B}"))
        #expect(table.render().rendered(color: true).contains("\u{1B}[32menabled\u{1B}[0m"))
    }

    @Test func secretsAreMasked() {
        #expect(SecretMask.masked("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=") == "whsec_••••")
        #expect(SecretMask.masked("my-own-secret-of-at-least-32-characters") == "••••")
        #expect(SecretMask.display("whsec_abc", reveal: true) == "whsec_abc")
    }
}

@Suite struct EndpointTextTests {
    let endpoint = WebhookEndpoint(
        createdAt: Date(timeIntervalSince1970: 1_800_000_000), modifiedAt: nil,
        id: "8f0e6a3c-2f6b-4a53-9c1e-5d6f7a8b9c0d", url: "https://example.com/hooks", name: "Orders",
        apiVersion: .v2026_04, format: .raw,
        secret: "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        organizationId: "1dbfc517-0bbf-4301-9ba8-555ca42b9737",
        events: ["order.paid", "refund.created"],
        enabled: true, usesStandardWebhookSignature: true)

    @Test func detailsMaskTheSecretUnlessAsked() {
        let masked = EndpointText.details(endpoint, showSecret: false).plain
        #expect(!masked.contains(endpoint.secret))
        #expect(masked.contains("Secret        whsec_••••"))
        #expect(masked.contains("Events (2)    order.paid\n              refund.created"))
        #expect(EndpointText.details(endpoint, showSecret: true).plain.contains(endpoint.secret))
    }

    @Test func tableShowsSecretsOnlyWhenAsked() {
        #expect(!EndpointText.table([endpoint], showSecret: false).plain.contains("whsec_"))
        #expect(
            EndpointText.table([endpoint], showSecret: true).plain.contains(endpoint.secret))
    }

    @Test func aSecretTheServerReplacedIsReported() {
        #expect(SecretOutcome.warning(sent: nil, endpoint: endpoint) == nil)
        #expect(SecretOutcome.warning(sent: endpoint.secret, endpoint: endpoint) == nil)
        #expect(
            SecretOutcome.warning(sent: "my-own-secret-0123456789abcdefghijkl", endpoint: endpoint)?
                .contains("did not keep the secret") == true)
    }
}
