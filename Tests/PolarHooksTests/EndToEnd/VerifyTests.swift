import Foundation
import PolarAPI
import StandardWebhooks
import Testing

/// `polar-hooks verify` on webhooks saved to files.
@Suite struct VerifyTests {
    static let secret = "whsec_" + Data((0..<32).map { UInt8($0 * 3) }).base64EncodedString()
    static let body = #"{"type":"order.paid","data":{"id":"ord_1"}}"#

    /// Writes the body, and a whole captured request (request line, headers, blank line, body)
    /// as the header file, signed with `secret`; their paths.
    static func save(
        in directory: URL, secret: String = secret, scheme: SigningScheme = .standard, body: String = body,
        at timestamp: Int = Int(Date().timeIntervalSince1970)
    ) throws -> (body: String, headers: String) {
        let signer = try WebhookSigner(secret: secret, scheme: scheme)
        let headers = signer.headers(id: "evt_saved", timestamp: timestamp, body: Array(body.utf8))
        let headerText =
            (["POST /hooks HTTP/1.1", "content-type: application/json"]
            + headers.map { "\($0.name): \($0.value)" } + ["", body]).joined(separator: "\r\n")
        let bodyPath = directory.appendingPathComponent("body-\(UUID().uuidString)").path
        let headersPath = directory.appendingPathComponent("headers-\(UUID().uuidString)").path
        try Data(body.utf8).write(to: URL(fileURLWithPath: bodyPath))
        try Data(headerText.utf8).write(to: URL(fileURLWithPath: headersPath))
        return (bodyPath, headersPath)
    }

    @Test func aGoodSignatureVerifiesAndSaysWhichKey() async throws {
        try await EmulatorFixture.with { fixture in
            let saved = try Self.save(in: fixture.home)
            let result = try await fixture.run(
                ["verify", "--body", saved.body, "--headers", saved.headers],
                extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(result.status == 0, "\(result)")
            #expect(
                result.stdout
                    == "✓ The signature verifies with the secret in POLAR_WEBHOOK_SECRET (Standard Webhooks key).\n")
        }
    }

    @Test func aChangedBodyDoesNotVerify() async throws {
        try await EmulatorFixture.with { fixture in
            let saved = try Self.save(in: fixture.home)
            try Data(Self.body.replacingOccurrences(of: "ord_1", with: "ord_2").utf8).write(
                to: URL(fileURLWithPath: saved.body))
            let result = try await fixture.run(
                ["verify", "--body", saved.body, "--headers", saved.headers],
                extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("does not verify"))
            #expect(!result.stderr.contains(Self.secret))
        }
    }

    @Test func anOldWebhookNeedsIgnoreTimestamp() async throws {
        try await EmulatorFixture.with { fixture in
            let saved = try Self.save(in: fixture.home, at: Int(Date().timeIntervalSince1970) - 86_400)
            let arguments = ["verify", "--body", saved.body, "--headers", saved.headers]
            let strict = try await fixture.run(arguments, extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(strict.status == 1)
            #expect(strict.stderr.contains("too old"))
            #expect(strict.stderr.contains("--ignore-timestamp"))
            let relaxed = try await fixture.run(
                arguments + ["--ignore-timestamp"], extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(relaxed.status == 0, "\(relaxed)")
        }
    }

    @Test func theSecretCanComeFromTheEndpointAndALegacyKeyIsNamed() async throws {
        try await EmulatorFixture.with { fixture in
            let merchantSecret = "a-merchant-supplied-secret-of-32-chars-or-more"
            let endpoint = try await fixture.withClient { client in
                try await client.createEndpoint(
                    WebhookEndpointCreate(
                        url: "https://example.com/legacy", format: .raw, events: ["order.paid"],
                        secret: merchantSecret))
            }
            let saved = try Self.save(in: fixture.home, secret: merchantSecret, scheme: .legacy)
            let result = try await fixture.run(
                ["verify", "--body", saved.body, "--headers", saved.headers, "--endpoint", endpoint.id])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("the secret of endpoint \(endpoint.id) (legacy key"))
        }
    }

    @Test func headersGivenOneByOneWorkLikeAFile() async throws {
        try await EmulatorFixture.with { fixture in
            let saved = try Self.save(in: fixture.home)
            let lines = try String(contentsOfFile: saved.headers, encoding: .utf8)
                .split(separator: "\r\n").filter { $0.hasPrefix("webhook-") }.map(String.init)
            #expect(lines.count == 3)
            let result = try await fixture.run(
                ["verify", "--body", saved.body] + lines.flatMap { ["--header", $0] },
                extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test func aWholeRequestFileCarriesHeadersAndTheExactBody() async throws {
        try await EmulatorFixture.with { fixture in
            // A body with blank lines and a trailing newline: only the first blank line separates.
            let body = "{\n\n  \"type\": \"order.paid\"\n}\n"
            let saved = try Self.save(in: fixture.home, body: body)
            let arguments = ["verify", "--request", saved.headers]
            let result = try await fixture.run(arguments, extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(result.status == 0, "\(result)")
            let mixed = try await fixture.run(
                arguments + ["--body", saved.body], extra: ["POLAR_WEBHOOK_SECRET": Self.secret])
            #expect(mixed.status == 2)
            #expect(mixed.stderr.contains("give it alone"))
        }
    }

    @Test func missingPiecesAreUsageErrors() async throws {
        try await EmulatorFixture.with { fixture in
            let saved = try Self.save(in: fixture.home)
            let withSecret = ["POLAR_WEBHOOK_SECRET": Self.secret]
            let cases: [(arguments: [String], environment: [String: String], says: String)] = [
                (["--body", saved.body, "--headers", saved.headers], [:], "no signing secret"),
                (["--body", saved.body, "--header", "webhook-id: x"], withSecret, "no webhook-timestamp header"),
                (
                    ["--body", "/nonexistent/body", "--headers", saved.headers], withSecret,
                    "cannot read the body file /nonexistent/body"
                ),
                (["--body", saved.body, "--header", "webhook-id"], withSecret, "is not a header"),
            ]
            for (arguments, environment, says) in cases {
                let result = try await fixture.run(["verify"] + arguments, extra: environment)
                #expect(result.status == 2, "\(arguments)")
                #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)")
            }
        }
    }
}
