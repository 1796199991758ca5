import FoundationEssentials
import TerminalUI

/// The status line's message and when it goes away. Errors stay until the next key.
struct StatusMessage: Hashable, Sendable {
    var line: StatusLine
    /// nil: stays until the next key.
    var expiresAt: Date?

    /// How long an ordinary message stays.
    static let lifetime: TimeInterval = 4

    static func info(_ text: String, now: Date) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .info), expiresAt: now + lifetime)
    }

    static func success(_ text: String, now: Date) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .success), expiresAt: now + lifetime)
    }

    /// Something to notice that goes away by itself, a little later than news.
    static func warning(_ text: String, now: Date) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .warning), expiresAt: now + 3 * lifetime)
    }

    static func error(_ text: String) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .error), expiresAt: nil)
    }

    /// A message that must be read (e.g. a secret shown once): stays until the next key.
    static func sticky(_ text: String, kind: StatusLine.Kind = .warning) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: kind), expiresAt: nil)
    }
}
