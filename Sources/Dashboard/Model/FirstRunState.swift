import TerminalUI

/// The screen shown when no token is configured: paste one, or try the demo.
struct FirstRunState: Hashable, Sendable {
    enum Focus: Hashable, Sendable { case token, demo }

    /// The pasted token; drawn masked, never echoed.
    var token = TextField()
    var focus: Focus = .token
    /// Why the last attempt failed, in words (the token is kept for another try).
    var error: String?
    var connecting: RequestID?

    init() {}
}
