/// Why a ``WebhookListener`` could not start.
public enum ListenerError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidOption(String)
    case cannotListen(host: String, port: Int, reason: String)
    case alreadyRunning
    /// A stopped listener has ended its feed; a new one is needed.
    case stopped

    public var description: String {
        switch self {
        case .invalidOption(let message): message
        case .cannotListen(let host, let port, let reason): "Cannot listen on \(host):\(port): \(reason)"
        case .alreadyRunning: "The listener is already running."
        case .stopped: "The listener was stopped; start a new one."
        }
    }
}
