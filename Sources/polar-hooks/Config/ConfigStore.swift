import Foundation

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
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
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
    func load() throws(CLIError) -> ConfigFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return ConfigFile() }
            throw .failure("cannot read the config file \(path): \(String(cString: strerror(errno)))")
        }
        if info.st_mode & 0o077 != 0 {
            throw .usage(
                "the config file \(path) holds tokens but other users can read it; fix it with: chmod 600 \(path)"
            )
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .failure("cannot read the config file \(path): \(error.localizedDescription)")
        }
        do {
            return try ConfigFile(toml: text)
        } catch {
            throw .usage("\(error.message) (\(path))")
        }
    }

    /// Replaces the file atomically with mode 0600, creating its directory with mode 0700.
    func save(_ config: ConfigFile) throws(CLIError) {
        try makeDirectory()
        let data = Array(config.tomlText.utf8)
        let temporaryPath = directoryPath + "/.config.toml.\(getpid()).tmp"
        let descriptor = open(
            temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw writeError() }
        var written = 0
        var failed = false
        while written < data.count {
            let result = data[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            written += result
        }
        // The umask could have widened nothing, but an old temp file could have other bits.
        if fchmod(descriptor, 0o600) != 0 || fsync(descriptor) != 0 { failed = true }
        let error = failed ? writeError() : nil
        close(descriptor)
        if let error {
            unlink(temporaryPath)
            throw error
        }
        guard rename(temporaryPath, path) == 0 else {
            let error = writeError()
            unlink(temporaryPath)
            throw error
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
            try FileManager.default.createDirectory(
                atPath: directoryPath, withIntermediateDirectories: true, attributes: nil)
        } catch {
            throw .failure("cannot create \(directoryPath): \(error.localizedDescription)")
        }
        guard chmod(directoryPath, 0o700) == 0 else { throw writeError() }
    }

    private func writeError() -> CLIError {
        .failure("cannot write the config file \(path): \(String(cString: strerror(errno)))")
    }
}
