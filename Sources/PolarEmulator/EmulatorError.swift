/// Why the emulator cannot start or keep its state, in words for the user.
public enum EmulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The state file exists but is not a state file this emulator wrote. It is left untouched.
    case corruptStateFile(path: String, reason: String)
    /// The state file could not be read.
    case unreadableStateFile(path: String, reason: String)
    /// An option is out of range.
    case invalidOption(String)
    /// The server could not listen.
    case cannotListen(host: String, port: Int, reason: String)
    /// `start()` was called twice.
    case alreadyRunning

    public var description: String {
        switch self {
        case .corruptStateFile(let path, let reason):
            "The state file \(path) is not valid emulator state (\(reason)). It was left untouched; "
                + "move it away or pass another --state file."
        case .unreadableStateFile(let path, let reason):
            "Cannot read the state file \(path): \(reason)"
        case .invalidOption(let message):
            message
        case .cannotListen(let host, let port, let reason):
            "Cannot listen on \(host):\(port): \(reason)"
        case .alreadyRunning:
            "The emulator is already running."
        }
    }
}
