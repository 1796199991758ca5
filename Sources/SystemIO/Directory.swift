#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Folders, made the way `mkdir -p` makes them.
public enum Directory {
    /// Makes `path` and any missing parents; the new folders get `mode` (less the umask).
    /// A folder that is already there is fine; a file in the way is an error.
    public static func create(_ path: String, mode: mode_t) throws(FileSystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, mode) != 0, errno != EEXIST {
                throw FileSystemError(.create, path: path, code: errno)
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw FileSystemError(.create, path: path, code: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw FileSystemError(.create, path: path, code: EEXIST)
        }
    }
}
