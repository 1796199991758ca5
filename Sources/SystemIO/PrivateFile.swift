#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files only their owner may read: the config file with its tokens, the emulator's state
/// with its endpoint secrets.
public enum PrivateFile {
    /// Why a write failed, in the system's words.
    public struct WriteError: Error, Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "could not write \(path): \(reason)" }
    }

    /// Replaces `path` atomically with `bytes`, mode 0600: a private temporary file beside it
    /// is written, flushed to disk and renamed over it, so a reader sees the old file or the
    /// new one, never half of one, and a crash never leaves a truncated file behind.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(WriteError) {
        let temporary = path + ".\(getpid()).tmp"
        // O_NOFOLLOW: a link planted at the temporary name must not redirect the write.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure(path) }
        var failed = FileDescriptorWriter.writeAll(bytes, to: descriptor)
        // An old temporary file keeps its old mode bits through O_CREAT; set them again.
        if failed == nil, fchmod(descriptor, 0o600) != 0 || fsync(descriptor) != 0 { failed = errno }
        close(descriptor)
        if let failed {
            unlink(temporary)
            throw WriteError(path: path, reason: reason(failed))
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates `path` with `bytes`, mode 0600, failing if anything already has that name.
    /// Returns false when the name is taken (so the caller can pick another).
    public static func create(_ path: String, with bytes: [UInt8]) throws(WriteError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw failure(path)
        }
        let failed = FileDescriptorWriter.writeAll(bytes, to: descriptor)
        let closed = close(descriptor) == 0 ? nil : errno
        if let problem = failed ?? closed {
            // A cut-short file would later read as damaged: leave none behind.
            unlink(path)
            throw WriteError(path: path, reason: reason(problem))
        }
        return true
    }

    private static func failure(_ path: String) -> WriteError { WriteError(path: path, reason: reason(errno)) }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}
