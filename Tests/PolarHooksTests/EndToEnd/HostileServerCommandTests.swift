import Foundation
import Hummingbird
import TestSupport
import Testing

/// The commands against a server that puts terminal escape sequences in its error bodies
/// (issue 7, item 1): what reaches stderr is the server's words without a single control
/// character, so no title change, screen clear or clipboard write can happen.
@Suite struct HostileServerCommandTests {
    /// An OSC title change, a screen clear, an OSC 52 clipboard write and a C1 CSI.
    static let hostile = "boom\u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{9B}31mred"

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A server answering every request with `status` and `body`.
    static func withServer<T>(
        status: HTTPResponse.Status, body: String, contentType: String = "application/json",
        _ run: (String) async throws -> T
    ) async throws -> T {
        let router = Router()
        router.get("/**") { _, _ -> Response in
            Response(
                status: status, headers: [.contentType: contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        let server = try await LocalServer.start(router, label: "hostile-polar")
        return try await withCleanup(of: server, { try await run($0.baseURL) }) { await $0.stop() }
    }

    static func run(_ arguments: [String], against url: String) async throws -> CommandResult {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        return try await PolarHooksBinary.run(
            arguments,
            environment: [
                "HOME": home.path, "XDG_CONFIG_HOME": home.path, "POLAR_API_URL": url,
                "POLAR_ACCESS_TOKEN": "polar_oat_hostile", "PATH": "/usr/bin:/bin",
            ])
    }

    static func expectClean(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = result.stdout + result.stderr
        #expect(
            !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
            "a control character reached the terminal: \(result.stderr.debugDescription)",
            sourceLocation: sourceLocation)
        #expect(result.stderr.contains("error: "), "\(result)", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        (HTTPResponse.Status.unprocessableContent, #"{"detail":[{"loc":["query","limit"],"msg":MSG,"type":"x"}]}"#),
        (.notFound, #"{"error":"ResourceNotFound","detail":MSG}"#),
        (.unauthorized, #"{"error":"invalid_token","error_description":MSG}"#),
        (.internalServerError, "<html><title>MSG</title></html>"),
    ])
    func errorBodiesReachStderrWithoutEscapeSequences(status: HTTPResponse.Status, template: String) async throws {
        let isHTML = template.hasPrefix("<")
        let body = template.replacingOccurrences(of: "MSG", with: isHTML ? Self.hostile : Self.jsonString(Self.hostile))
        try await Self.withServer(status: status, body: body, contentType: isHTML ? "text/html" : "application/json") {
            url in
            for arguments in [
                ["endpoints", "list"], ["endpoints", "get", "0b0b0b0b-0000-4000-8000-000000000000"],
            ] {
                let result = try await Self.run(arguments, against: url)
                #expect(result.status != 0, "\(arguments): \(result)")
                Self.expectClean(result)
            }
        }
    }
}
