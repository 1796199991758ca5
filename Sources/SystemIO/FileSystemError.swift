#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file or folder could not be read, written or made, in the system's words
/// (`strerror`'s "No such file or directory"), as the rest of the program reports failures.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done when it failed.
    public enum Operation: String, Sendable {
        case read, write, create
    }

    public let operation: Operation
    public let path: String
    public let reason: String

    public init(_ operation: Operation, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// The failure the `errno` value `code` names.
    init(_ operation: Operation, path: String, code: Int32) {
        self.init(operation, path: path, reason: Self.reason(code))
    }

    public var description: String { "could not \(operation.rawValue) \(path): \(reason)" }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
