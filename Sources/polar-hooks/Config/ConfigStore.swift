import FoundationEssentials
import SystemIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `config.toml` lives, and how it is read and written safely.
///
/// The file holds tokens, so it is written with mode 0600 in a 0700 directory, atomically
/// (a temporary file renamed over the old one), and a file others can read is refused.
struct ConfigStore: Sendable {
    let fileURL: URL

    init(fileURL: URL) {
        self.fileURL = fileURL
    }

    /// `$XDG_CONFIG_HOME/polar-hooks/config.toml`, or `~/.config/polar-hooks/config.toml`.
    init(environment: [String: String]) {
        let base: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home =
                environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.homeDirectoryForCurrentUser.path
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(
                ".config", isDirectory: true)
        }
        self.init(
            fileURL: base.appendingPathComponent("polar-hooks", isDirectory: true)
                .appendingPathComponent("config.toml"))
    }

    var path: String { fileURL.path }
    var directoryPath: String { fileURL.deletingLastPathComponent().path }

    /// The parsed file, or an empty configuration when there is none yet.
    ///
    /// A file that holds a token and that other users can read is refused: the token may
    /// already be in other hands. A file without tokens is only settings, whatever its mode.
    func load() throws(CLIError) -> ConfigFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return ConfigFile() }
            throw .failure("cannot read the config file \(path): \(String(cString: strerror(errno)))")
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path)
        } catch {
            throw .failure("cannot read the config file \(path): \(error.reason)")
        }
        // TOML is UTF-8 text; a NUL byte means this is some other kind of file.
        guard let text = String(validating: bytes, as: UTF8.self), !text.utf8.contains(0) else {
            throw .usage("the config file \(path) is not a text file (TOML in UTF-8 expected); move it away or fix it")
        }
        let config: ConfigFile
        do {
            config = try ConfigFile(toml: text)
        } catch {
            throw .usage("\(error.message) (\(path))")
        }
        if info.st_mode & 0o077 != 0, config.holdsTokens {
            throw .usage(
                "the config file \(path) holds tokens but other users can read it; fix it with: chmod 600 \(path)"
            )
        }
        return config
    }

    /// Replaces the file atomically with mode 0600, creating its directory with mode 0700.
    func save(_ config: ConfigFile) throws(CLIError) {
        try makeDirectory()
        do {
            try PrivateFile.replace(path, with: Array(config.tomlText.utf8))
        } catch {
            throw .failure("cannot write the config file \(path): \(error.reason)")
        }
    }

    private func makeDirectory() throws(CLIError) {
        var info = stat()
        if stat(directoryPath, &info) == 0 {
            // Only our own directory is tightened; its parents are the user's business.
            if info.st_mode & 0o077 != 0, chmod(directoryPath, 0o700) != 0 { throw writeError() }
            return
        }
        do {
            try Directory.create(directoryPath, mode: 0o700)
        } catch {
            throw .failure("cannot create \(directoryPath): \(error.reason)")
        }
        guard chmod(directoryPath, 0o700) == 0 else { throw writeError() }
    }

    private func writeError() -> CLIError {
        .failure("cannot write the config file \(path): \(String(cString: strerror(errno)))")
    }
}
