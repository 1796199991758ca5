#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Folders, made the way `mkdir -p` makes them.
public enum Directory {
    /// Why a folder could not be made.
    public struct CreateError: Error, Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "could not create \(path): \(reason)" }
    }

    /// Makes `path` and any missing parents; the new folders get `mode` (less the umask).
    /// A folder that is already there is fine; a file in the way is an error.
    public static func create(_ path: String, mode: mode_t) throws(CreateError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode) != 0, errno != EEXIST {
                throw CreateError(path: path, reason: FileReader.reason(errno))
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw CreateError(path: path, reason: FileReader.reason(errno)) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw CreateError(path: path, reason: FileReader.reason(EEXIST))
        }
    }
}
