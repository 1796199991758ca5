import ArgumentParser
import FoundationEssentials
import PolarAPI
import TerminalText
import TextTools
import WebhookListener

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `polar-hooks listen`: take webhooks on this machine, verify them, and forward them.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Receive webhooks here, verify their signatures, and forward them to your server.",
        discussion: """
            Listens on http://HOST:PORT and prints a line for each webhook: its type, whether the \
            signature verifies (Standard Webhooks or Polar's legacy key), and what became of it. \
            With a secret, a webhook that does not verify is answered 401 and not forwarded, as \
            your server should; without one, nothing is checked.

            With --forward-to, verified webhooks are sent on to your server byte for byte with \
            the headers Polar sends (webhook-*, content-type, user-agent) and no others: the \
            signature does not cover headers, so an Authorization or Cookie header added by \
            anyone on the way stays here. --forward-header NAME passes one more. Your server's \
            answer (status and body) goes back to Polar.

            Repeats: the same webhook-id and webhook-timestamp within 5 minutes is the same \
            signed request again (a replay; Polar never sends one): it is answered 200, marked \
            'duplicate' and not forwarded or saved. The same webhook-id with a new timestamp is \
            Polar sending the event again (a redelivery you asked for, or a retry): it is \
            forwarded like the first, and marked 'redelivery'. Only verified webhooks are \
            compared.

            Each client is held to limits (see the options below): a connection that is slow to \
            send its headers or body, or idle too long, is closed; a body larger than the limit \
            is refused with 413 before it is read; beyond the connection limit, the connection \
            waiting longest for a request makes room.

            Polar sends webhooks only to public https:// URLs, so put a tunnel in front of this \
            port, or try it with the built-in emulator: 'polar-hooks emulator --allow-insecure-urls' \
            accepts http://127.0.0.1 endpoints.

            With --json, each webhook is one line of JSON on stdout (the banner goes to stderr). \
            Stop with Ctrl-C.
            """)

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8788

    @Option(help: ArgumentHelp("Take webhooks only at this path, like /webhooks (default: any).", valueName: "path"))
    var path: String?

    @Option(
        name: .customLong("forward-to"),
        help: ArgumentHelp("Send verified webhooks on to this URL and relay its answer.", valueName: "url"))
    var forwardURL: String?

    @Option(
        name: .customLong("forward-header"),
        help: ArgumentHelp(
            "Forward this request header too (repeat for each); by default only Polar's are.", valueName: "name"))
    var forwardHeaders: [String] = []

    @Flag(help: "Print each webhook's body under its line.")
    var showBody = false

    @Option(
        name: .customLong("save"),
        help: ArgumentHelp(
            "Save each webhook whole (headers and exact body) in this folder, for 'verify --request'; with a secret, only those that verify.",
            valueName: "folder"))
    var saveFolder: String?

    @OptionGroup(title: "Signing secret (else env POLAR_WEBHOOK_SECRET)") var secretOptions: WebhookSecretOptions
    @Flag(help: "Print each webhook as one line of JSON (the banner goes to stderr).")
    var json = false

    @Flag(help: "No colours, even on a terminal (also env NO_COLOR).")
    var noColor = false

    @OptionGroup(title: "Limits on each client") var limits: ListenLimitOptions
    @OptionGroup(title: "Connection (for --endpoint)") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535.") }
        if let path, !path.hasPrefix("/") { throw ValidationError("--path must start with /, like /webhooks.") }
        if !forwardHeaders.isEmpty, forwardURL == nil {
            throw ValidationError("--forward-header needs --forward-to.")
        }
    }

    func run() async throws {
        let archive = try saveFolder.map { (path) throws(CLIError) in try WebhookArchive(path: path) }
        if let warning = archive?.exposure { Console.current().warn(warning) }
        let secret = try await secretOptions.resolve(connection: connection, parent: root.connection)
        let listener: WebhookListener
        do {
            listener = try WebhookListener(
                options: ListenerOptions(
                    host: host, port: port, path: path, secret: secret?.secret, forwardURL: forwardURL,
                    forwardHeaders: forwardHeaders, limits: limits.limits))
        } catch {
            throw CLIError.usage(error.description)
        }
        let signals = TerminationSignals()
        let url: String
        do {
            url = try await listener.start()
        } catch {
            throw CLIError.failure(error.description)
        }
        let console = Console.current(noColor: noColor)
        if let kept = listener.connectionLimit, kept < limits.maxConnections {
            console.warn(
                "at most \(kept) connections at once, not \(limits.maxConnections): "
                    + "this process may not open more files (ulimit -n)")
        }
        printBanner(url: url, secret: secret, console: console)
        let feed = Task { await printFeed(listener.webhooks, archive: archive, console: console) }
        let signal = await signals.wait()
        await listener.stop()
        var tally = await feed.value
        tally.unreported = listener.unreportedCount
        console.note(tally.summary)
        throw TerminationSignals.exit(after: signal ?? SIGINT)
    }

    private func printBanner(url: String, secret: WebhookSecretOptions.Resolved?, console: Console) {
        // With --json, stdout carries only webhooks; the banner goes to stderr.
        let say: (String) -> Void = json ? { console.note($0) } : { console.print($0) }
        say("Listening for webhooks on \(url)")
        if let secret {
            say("Verifying signatures with \(secret.source).")
        } else {
            say("Not verifying signatures: give --endpoint ID, or set \(WebhookSecretOptions.environmentVariable).")
        }
        if let forwardURL {
            let extra = forwardHeaders.isEmpty ? "" : " and " + forwardHeaders.joined(separator: ", ")
            say("Forwarding verified webhooks to \(forwardURL) (with Polar's headers\(extra)).")
        }
        if let saveFolder {
            say("Saving each webhook in \(saveFolder) (check one again: polar-hooks verify --request FILE).")
        }
        if secret == nil, !Self.isLoopback(host) {
            console.warn(
                "listening on \(host) without a secret: anyone who can reach this port can send webhooks that are not checked"
                    + (forwardURL == nil ? "" : " and are forwarded"))
        }
        if let endpoint = secret?.endpoint { adviseOnEndpoint(endpoint, listenerURL: url, console: console) }
        say("Times are UTC.")
        say("Press Ctrl-C to stop.")
    }

    /// Says when the endpoint's URL cannot be reaching this listener: a local URL on another
    /// port or path gets the command that fixes it; a public one must lead here through a tunnel.
    private func adviseOnEndpoint(_ endpoint: WebhookEndpoint, listenerURL: String, console: Console) {
        let id = Sanitizer.clean(endpoint.id)
        if !endpoint.enabled { console.warn("endpoint \(id) is disabled: Polar sends it nothing") }
        guard let target = URLComponents(string: endpoint.url), let here = URLComponents(string: listenerURL),
            let targetHost = target.host
        else { return }
        let shownURL = Sanitizer.clean(endpoint.url)
        guard Self.isLoopback(targetHost) else {
            console.note(
                "Polar sends endpoint \(id)'s webhooks to \(shownURL); for them to arrive here, "
                    + "that address must lead to port \(here.port ?? port) of this machine (a tunnel, a proxy).")
            return
        }
        let targetPort = target.port ?? (target.scheme == "https" ? 443 : 80)
        let pathDiffers = path.map { target.path != $0 } ?? false
        guard targetPort != here.port || pathDiffers else { return }
        var local = here
        if let host = local.host, !Self.isLoopback(host) { local.host = "127.0.0.1" }
        let suggestion = local.string ?? listenerURL
        console.warn(
            "endpoint \(id) sends its webhooks to \(shownURL), not here; point it here with: "
                + "polar-hooks endpoints update \(id) --url \(suggestion) --allow-insecure-url")
    }

    /// Whether `--save` keeps this webhook: everything without a secret, else what verified,
    /// never a duplicate (a replay must not fill the disk).
    static func keeps(_ webhook: ReceivedWebhook) -> Bool {
        if webhook.recurrence == .duplicate { return false }
        return switch webhook.verification {
        case .verified, .notChecked: true
        case .failed: false
        }
    }

    /// Loopback names and addresses; not 0.0.0.0 or ::, which take connections from anywhere.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimming(Set("[]".unicodeScalars)).lowercased()
        return bare == "localhost" || bare.hasPrefix("127.") || bare == "::1"
    }

    /// What arrived, for the line printed at the end.
    struct Tally {
        var received = 0
        var verified = 0
        var refused = 0
        var duplicates = 0
        /// Answered but not printed: they came faster than the output took them.
        var unreported = 0

        var summary: String {
            guard received + unreported > 0 else { return "Stopped. No webhooks arrived." }
            var parts = ["\(received) webhook\(received == 1 ? "" : "s")"]
            if verified > 0 { parts.append("\(verified) verified") }
            if refused > 0 { parts.append("\(refused) refused") }
            if duplicates > 0 { parts.append("\(duplicates) duplicate\(duplicates == 1 ? "" : "s")") }
            var summary = "Stopped. " + parts.joined(separator: ", ") + "."
            if unreported > 0 {
                summary +=
                    " \(unreported) more were answered but not printed: they came faster than the output took them."
            }
            return summary
        }
    }

    /// Prints the webhooks as they come; all that are waiting go out in one write, so a feed
    /// that falls behind catches up rather than making a write per line.
    private func printFeed(_ webhooks: ReceivedWebhooks, archive: WebhookArchive?, console: Console) async -> Tally {
        var tally = Tally()
        for await batch in webhooks.batches {
            var lines: [StyledText] = []
            var jsonLines: [String] = []
            for webhook in batch {
                tally.received += 1
                switch webhook.verification {
                case .verified: tally.verified += 1
                case .failed: tally.refused += 1
                case .notChecked: break
                }
                if webhook.recurrence == .duplicate { tally.duplicates += 1 }
                // With a secret, only what verifies is kept, so nobody can fill the disk by posting.
                if let archive, Self.keeps(webhook), case .failure(let error) = archive.save(webhook) {
                    console.warn(error.message)
                }
                if json {
                    jsonLines.append(ListenFeedLine.json(webhook))
                    continue
                }
                lines.append(ListenFeedLine.line(webhook))
                if showBody { lines.append(StyledText(String(decoding: webhook.body, as: UTF8.self) + "\n")) }
            }
            if json { console.printJSON(lines: jsonLines) } else { console.print(lines: lines) }
        }
        return tally
    }
}
