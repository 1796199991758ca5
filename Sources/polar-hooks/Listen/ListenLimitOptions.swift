import ArgumentParser
import BackgroundServer
import WebhookListener

/// `listen`'s limits on each client: how long it may take, how many connections it may hold
/// open, how large a body it may send. The defaults suit Polar, which sends a few kilobytes and
/// waits 10 s for an answer.
struct ListenLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds a client has to send a request's headers.", valueName: "seconds"))
    var headerTimeout: Double = Self.defaults.headerTimeout.inSeconds

    @Option(help: ArgumentHelp("Seconds a client has to send a request's body.", valueName: "seconds"))
    var bodyTimeout: Double = Self.defaults.bodyTimeout.inSeconds

    @Option(help: ArgumentHelp("Seconds a kept-alive connection may wait for its next request.", valueName: "seconds"))
    var idleTimeout: Double = Self.defaults.idleTimeout.inSeconds

    @Option(
        help: ArgumentHelp(
            "Connections open at once; beyond it the one waiting longest for a request is closed.", valueName: "count"))
    var maxConnections: Int = Self.defaults.maxConnections

    @Option(
        help: ArgumentHelp(
            "Larger bodies are refused with 413: bytes, or with K or M (1,024-based), like 512K.", valueName: "size"))
    var maxBodySize: String = "1M"

    static let defaults = ListenerOptions.defaultLimits

    func validate() throws {
        for (name, value) in [
            ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout),
        ]
        where !(value > 0 && value <= 86_400) {
            throw ValidationError("\(name) must be more than 0 and at most 86400 seconds.")
        }
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1.") }
        guard Self.bytes(maxBodySize) != nil else {
            throw ValidationError(
                "--max-body-size must be a number of bytes, or with K or M, like 512K (at most 1024M).")
        }
    }

    var limits: ServerLimits {
        ServerLimits(
            headerTimeout: .seconds(headerTimeout), bodyTimeout: .seconds(bodyTimeout),
            idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections,
            maxBodyBytes: Self.bytes(maxBodySize) ?? Self.defaults.maxBodyBytes)
    }

    /// `1048576`, `512K`, `1M` (also `512k`, `1m`, `1MiB`) as bytes; nil for anything else or
    /// more than 1 GiB.
    static func bytes(_ text: String) -> Int? {
        var digits = Substring(text.lowercased())
        var unit = 1
        for (suffix, multiplier) in [("kib", 1024), ("mib", 1024 * 1024), ("k", 1024), ("m", 1024 * 1024)]
        where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            unit = multiplier
            break
        }
        guard let count = Int(digits), count >= 0, count <= (1024 * 1024 * 1024) / unit else { return nil }
        return count * unit
    }
}

extension Duration {
    /// The duration in seconds, with fractions.
    var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
