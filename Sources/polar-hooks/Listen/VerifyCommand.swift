import ArgumentParser
import FoundationEssentials
import StandardWebhooks
import SystemIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `polar-hooks verify`: check a saved webhook's signature offline.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a webhook's signature offline, with both of Polar's key derivations.",
        discussion: """
            Give the body exactly as received (--body FILE, or on stdin) and its webhook-id, \
            webhook-timestamp and webhook-signature headers (--header 'name: value', repeated, or \
            --headers FILE: 'name: value' lines, such as a captured request; its request line and \
            anything after the first blank line are skipped). 'listen --json' prints all three \
            for each webhook. Says which key matched: the Standard Webhooks \
            key (base64 of the part after whsec_; secrets created or reset since 2026-09-08) or the \
            legacy key (the secret's UTF-8 bytes; older and merchant-supplied secrets). Or give \
            --request FILE: a whole webhook as 'listen --save' keeps it (checked whatever its age).

            Exit status: 0 the signature verifies, 1 it does not, 2 usage or unreadable input.
            """)

    @Option(
        name: .customLong("request"),
        help: ArgumentHelp(
            "A whole saved request (headers, blank line, body), as 'listen --save' writes them; its age is not checked.",
            valueName: "file"))
    var requestFile: String?

    @Option(help: ArgumentHelp("The body exactly as received; - reads stdin.", valueName: "file"))
    var body = "-"

    @Option(
        name: .customLong("header"),
        help: ArgumentHelp("A header of the webhook, as 'name: value' (repeat for each).", valueName: "header"))
    var headerLines: [String] = []

    @Option(
        name: .customLong("headers"),
        help: ArgumentHelp("A file of 'name: value' lines, such as a captured request.", valueName: "file"))
    var headersFile: String?

    @Flag(help: "Verify a webhook older (or newer) than the 5 minutes a receiver allows.")
    var ignoreTimestamp = false

    @OptionGroup(title: "Signing secret (else env POLAR_WEBHOOK_SECRET)") var secretOptions: WebhookSecretOptions
    @OptionGroup(title: "Connection (for --endpoint)") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func validate() throws {
        if requestFile != nil, body != "-" || headersFile != nil || !headerLines.isEmpty {
            throw ValidationError(
                "--request holds the headers and the body; give it alone, without --body, --header or --headers.")
        }
    }

    func run() async throws {
        let (headers, bodyBytes) = try readWebhook()
        guard let secret = try await secretOptions.resolve(connection: connection, parent: root.connection) else {
            throw CLIError.usage(
                "no signing secret: give --endpoint ID, set \(WebhookSecretOptions.environmentVariable), or --secret")
        }
        // A saved request is checked later by design, so its age is no reason to refuse it.
        let tolerance: Duration =
            ignoreTimestamp || requestFile != nil ? .seconds(100 * 365 * 86_400) : .seconds(300)
        let verifier = WebhookVerifier(secret: secret.secret, tolerance: tolerance)
        let console = Console.current()
        do {
            let scheme = try verifier.verify(headers: headers, body: bodyBytes)
            console.print("✓ The signature verifies with \(secret.source) (\(ListenFeedLine.schemeName(scheme))).")
        } catch {
            var message = "the signature does not verify with \(secret.source): \(error)"
            if case .timestampTooOld = error {
                message += " (add --ignore-timestamp to check a saved webhook)"
            }
            throw CLIError.failure(message)
        }
    }

    /// The webhook's headers and exact body, from --request or from --header/--headers and --body.
    private func readWebhook() throws(CLIError) -> (headers: [String: String], body: [UInt8]) {
        if let requestFile {
            let request = try CapturedRequest.parse(Array(try Self.readData(requestFile, what: "request")))
            try Self.requireSigningHeaders(in: request.headers) { _ in "the request file \(requestFile) lacks it" }
            return request
        }
        var headers = try HeaderLines.parse(headerLines)
        if let headersFile {
            // Split on any line break: HTTP uses CRLF, which Swift counts as one Character.
            let lines = try Self.read(headersFile, what: "headers").split(whereSeparator: \.isNewline)
            let fromFile = try HeaderLines.parse(lines.map(String.init))
            headers.merge(fromFile) { given, _ in given }
        }
        try Self.requireSigningHeaders(in: headers) { "give it with --header '\($0): …' or --headers FILE" }
        return (headers, try readBody())
    }

    private static func requireSigningHeaders(in headers: [String: String], hint: (String) -> String)
        throws(CLIError)
    {
        for name in ["webhook-id", "webhook-timestamp", "webhook-signature"] where headers[name] == nil {
            throw .usage("no \(name) header: \(hint(name))")
        }
    }

    private func readBody() throws(CLIError) -> [UInt8] {
        if body == "-" {
            guard isatty(STDIN_FILENO) == 0 else {
                throw .usage("give the body with --body FILE or pipe it in; standard input is a terminal")
            }
            switch FileReader.readAll(from: STDIN_FILENO) {
            case .success(let bytes): return bytes
            case .failure(let error): throw .usage("cannot read the body from standard input: \(error.reason)")
            }
        }
        return try Self.readData(body, what: "body")
    }

    private static func readData(_ path: String, what: String) throws(CLIError) -> [UInt8] {
        do {
            return try FileReader.read(path)
        } catch {
            throw .usage("cannot read the \(what) file \(path): \(error.reason)")
        }
    }

    private static func read(_ path: String, what: String) throws(CLIError) -> String {
        String(decoding: try readData(path, what: what), as: UTF8.self)
    }
}
