import Foundation
import TerminalUI

/// The status line's message and when it goes away. Errors stay until the next key.
public struct StatusMessage: Hashable, Sendable {
    public var line: StatusLine
    /// nil: stays until the next key.
    public var expiresAt: Date?

    /// How long an ordinary message stays.
    public static let lifetime: TimeInterval = 4

    public static func info(_ text: String, now: Date) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .info), expiresAt: now + lifetime)
    }

    public static func success(_ text: String, now: Date) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .success), expiresAt: now + lifetime)
    }

    public static func error(_ text: String) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: .error), expiresAt: nil)
    }

    /// A message that must be read (e.g. a secret shown once): stays until the next key.
    public static func sticky(_ text: String, kind: StatusLine.Kind = .warning) -> StatusMessage {
        StatusMessage(line: StatusLine(text, kind: kind), expiresAt: nil)
    }
}
