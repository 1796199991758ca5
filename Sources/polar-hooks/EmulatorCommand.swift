import ArgumentParser
import Dispatch
import FoundationEssentials
import PolarEmulator
import TextTools

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `polar-hooks emulator`: a local Polar API for webhooks, for trying the dashboard and CLI
/// without a Polar account and for tests.
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run a local Polar-compatible API for webhook endpoints and deliveries.",
        discussion: """
            Serves Polar's webhook API (endpoints, deliveries, redelivery) and GET /v1/organizations/ \
            on http://HOST:PORT, with Polar's validation, error bodies and Polar-Version handling. \
            Events are delivered as signed Standard Webhooks POSTs with Polar's retries.

            The first line printed is "Polar emulator listening on http://HOST:PORT"; the tokens follow. \
            Trigger an event with: curl -X POST http://HOST:PORT/_emulator/trigger -d '{"type":"order.paid"}'

            Webhooks go only to loopback addresses unless --deliver-external is given; other deliveries \
            are recorded as failed without sending anything. Stop with Ctrl-C.
            """)

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8787

    @Flag(help: "Start empty instead of with demo endpoints and deliveries.")
    var noSampleData = false

    @Option(help: ArgumentHelp("Add N generated endpoints to Acme Demo (for benchmarks).", valueName: "N"))
    var seedEndpoints = 0

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(
            "Keep state in this JSON file: loaded at start, rewritten after each change.",
            valueName: "FILE"))
    var statePath: String?

    @Option(help: ArgumentHelp("Allow N requests per minute per token, then answer 429.", valueName: "N"))
    var rateLimit: Int?

    @Option(
        help: ArgumentHelp(
            "Fail this share of API requests (0 to 1): 500, 503, dropped connection or a slow answer.",
            valueName: "P"))
    var faultRate = 0.0

    @Option(
        name: .customLong("latency-ms"),
        help: ArgumentHelp("Delay every API answer by N milliseconds.", valueName: "N"))
    var latencyMilliseconds = 0

    @Flag(
        name: .customLong("allow-insecure-urls"),
        help: "Accept http:// and localhost or private endpoint URLs (for local listeners).")
    var allowInsecureURLs = false

    @Flag(
        name: .customLong("deliver-external"),
        help: "Also send webhooks to non-loopback hosts (off: recorded as failed, nothing sent).")
    var deliverExternally = false

    @Option(
        help: ArgumentHelp(
            "Multiply Polar's retry delays (2 s, 4 s, … up to 20 min) by F; e.g. 0.001 spends an event's 10 attempts in about a second.",
            valueName: "F"))
    var retryScale = 1.0

    @Option(
        help: ArgumentHelp(
            "Make up about RATE events a minute (each of a type some enabled endpoint subscribes to) and deliver them; 0 or off for none.",
            valueName: "RATE"))
    var traffic = "off"

    @Option(help: ArgumentHelp("Seed the made-up traffic, for a repeatable sequence.", valueName: "N"))
    var trafficSeed: UInt64?

    /// `--traffic` as events per minute: a number, or `off`.
    var trafficPerMinute: Double? {
        traffic.lowercased() == "off" ? 0 : Double(traffic).flatMap { $0.isFinite ? $0 : nil }
    }

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535.")
        }
        guard (0...1).contains(faultRate) else {
            throw ValidationError("--fault-rate must be between 0 and 1.")
        }
        guard seedEndpoints >= 0 else { throw ValidationError("--seed-endpoints cannot be negative.") }
        guard latencyMilliseconds >= 0 else {
            throw ValidationError("--latency-ms cannot be negative.")
        }
        if let rateLimit, rateLimit < 1 { throw ValidationError("--rate-limit must be at least 1.") }
        guard retryScale >= 0, retryScale.isFinite else {
            throw ValidationError("--retry-scale must be a number of 0 or more (1 is Polar's real schedule).")
        }
        guard let rate = trafficPerMinute, (0...6000).contains(rate) else {
            throw ValidationError("--traffic must be a number of events per minute from 0 to 6000, or off.")
        }
    }

    func run() async throws {
        let options = EmulatorOptions(
            host: host, port: port, sampleData: !noSampleData, seedEndpoints: seedEndpoints,
            statePath: statePath,
            rateLimitPerMinute: rateLimit, faultRate: faultRate, latencyMilliseconds: latencyMilliseconds,
            allowInsecureURLs: allowInsecureURLs, deliverExternally: deliverExternally,
            retryDelayScale: retryScale, trafficPerMinute: trafficPerMinute ?? 0, trafficSeed: trafficSeed)
        let emulator: PolarEmulator
        do {
            emulator = try PolarEmulator(options: options)
        } catch {
            throw EmulatorCommandError(message: error.description)
        }
        // Catch the signals before serving, so an early Ctrl-C still shuts down cleanly.
        let signals = TerminationSignals()
        let baseURL: String
        do {
            baseURL = try await emulator.start()
        } catch {
            throw EmulatorCommandError(message: "\(error)")
        }
        var lines = [
            "Polar emulator listening on \(baseURL)",
            "Tokens (send as Authorization: Bearer <token>):",
            "  \(EmulatorTokens.organization)  organization token for Acme Demo (webhooks:read, webhooks:write)",
            "  \(EmulatorTokens.user)  personal token seeing Acme Demo and Side Project (organization_id required on create)",
            "  \(EmulatorTokens.readOnly)  organization token for Acme Demo, webhooks:read only (writes get 403)",
            "Admin: POST \(baseURL)/_emulator/trigger {\"type\":\"order.paid\"}, GET /_emulator/health, POST /_emulator/reset",
        ]
        if let rate = trafficPerMinute, rate > 0 {
            lines.append(
                "Making up about \(String(groupingThousandsOf: rate)) events a minute for the enabled endpoints (--traffic)."
            )
        }
        lines.append("Press Ctrl-C to stop.")
        // Unbuffered, so a script reading the first line sees it at once.
        Console.out(lines.joined(separator: "\n") + "\n")
        let signal = await signals.wait()
        await emulator.stop()
        throw TerminationSignals.exit(after: signal ?? SIGINT)
    }
}

/// A message for the user when the emulator cannot start.
struct EmulatorCommandError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
