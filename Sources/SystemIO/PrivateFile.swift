#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Files only their owner may read: the config file with its tokens, the emulator's state
/// with its endpoint secrets.
public enum PrivateFile {
    /// Replaces `path` atomically with `bytes`, mode 0600: a private temporary file beside it
    /// is written, flushed to disk and renamed over it, so a reader sees the old file or the
    /// new one, never half of one, and a crash never leaves a truncated file behind.
    public static func replace(_ path: String, with bytes: [UInt8]) throws(FileSystemError) {
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
            throw FileSystemError(.write, path: path, code: failed)
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates `path` with `bytes`, mode 0600, failing if anything already has that name.
    /// Returns false when the name is taken (so the caller can pick another).
    public static func create(_ path: String, with bytes: [UInt8]) throws(FileSystemError) -> Bool {
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
            throw FileSystemError(.write, path: path, code: problem)
        }
        return true
    }

    private static func failure(_ path: String) -> FileSystemError { FileSystemError(.write, path: path, code: errno) }
}
