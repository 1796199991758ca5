import TerminalUI

/// The screen shown when no token is configured: paste one, or try the demo.
public struct FirstRunState: Hashable, Sendable {
    public enum Focus: Hashable, Sendable { case token, demo }

    /// The pasted token; drawn masked, never echoed.
    public var token = TextField()
    public var focus: Focus = .token
    /// Why the last attempt failed, in words (the token is kept for another try).
    public var error: String?
    public var connecting: RequestID?

    public init() {}
}
