#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole buffers to a file descriptor, the way every writer in the program needs:
/// short writes continue where they stopped, and a signal (`EINTR`) or a full non-blocking
/// descriptor (`EAGAIN`) does not lose the rest.
public enum FileDescriptorWriter {
    /// Writes every byte; returns the `errno` of the failure that stopped it, or nil.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                // 0 bytes for a non-empty buffer would loop forever; treat it as a failure.
                return written < 0 ? errno : EIO
            }
        }
        return nil
    }
}
