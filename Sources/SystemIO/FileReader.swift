#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files and streams, with failures in the system's words (`No such file or
/// directory`), as the rest of the program reports them.
public enum FileReader {
    /// Every byte of the file at `path`.
    public static func read(_ path: String) throws(FileSystemError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(.read, path: path, code: errno) }
        defer { close(descriptor) }
        switch readAll(from: descriptor) {
        case .success(let bytes): return bytes
        case .failure(let error): throw FileSystemError(.read, path: path, reason: error.reason)
        }
    }

    /// Every byte until the end of `descriptor` (standard input: until the writer closes it),
    /// or the `errno` of the failure that stopped the reading.
    public static func readAll(from descriptor: Int32) -> Result<[UInt8], Errno> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[..<count]
            } else if count == 0 {
                return .success(bytes)
            } else if errno != EINTR {
                return .failure(Errno(code: errno))
            }
        }
    }

    /// An `errno` value as an error.
    public struct Errno: Error, Sendable, Equatable {
        public let code: Int32
        public var reason: String { FileSystemError.reason(code) }
    }
}

/// The C library's `read(2)`, which `FileReader.read(_:)` hides inside the enum.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
