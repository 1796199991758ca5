import Foundation
import Testing

@testable import polar_hooks

@Suite struct ConfigStoreTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "polar-hooks-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func locationFollowsXDGThenHome() {
        #expect(
            ConfigStore(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"]).path
                == "/x/cfg/polar-hooks/config.toml")
        #expect(
            ConfigStore(environment: ["HOME": "/home/u"]).path
                == "/home/u/.config/polar-hooks/config.toml")
        #expect(
            ConfigStore(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]).path
                == "/home/u/.config/polar-hooks/config.toml")
    }

    @Test func missingFileIsAnEmptyConfig() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try ConfigStore(environment: ["XDG_CONFIG_HOME": root.path]).load() == ConfigFile())
    }

    @Test func saveWritesMode0600InA0700DirectoryAndReadsBack() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ConfigStore(environment: ["XDG_CONFIG_HOME": root.path])
        let config = ConfigFile(defaultProfile: "a", profiles: ["a": ConfigFile.Profile(token: "t")])
        try store.save(config)
        #expect(try mode(store.path) == 0o600)
        #expect(try mode(store.directoryPath) == 0o700)
        #expect(try store.load() == config)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directoryPath)
        #expect(leftovers == ["config.toml"])
    }

    @Test func aFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ConfigStore(environment: ["XDG_CONFIG_HOME": root.path])
        try store.save(ConfigFile(profiles: ["a": ConfigFile.Profile(token: "secret-token")]))
        chmod(store.path, 0o640)
        #expect {
            try store.load()
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.message.contains("chmod 600 \(store.path)")
                && !error.message.contains("secret-token")
        }
    }

    /// A file of settings only (the token comes from the environment) holds nothing to steal.
    @Test func aFileWithoutTokensIsReadWhateverItsMode() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ConfigStore(environment: ["XDG_CONFIG_HOME": root.path])
        let config = ConfigFile(defaultProfile: "a", profiles: ["a": ConfigFile.Profile(environment: "sandbox")])
        try store.save(config)
        chmod(store.path, 0o644)
        #expect(try store.load() == config)
    }

    @Test(arguments: [[0x00, 0x01, 0xFF, 0xFE], Array("token = \"a\"\u{0}".utf8), [0xC3, 0x28]] as [[UInt8]])
    func aFileThatIsNotTextIsAUsageErrorInWords(_ bytes: [UInt8]) throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ConfigStore(environment: ["XDG_CONFIG_HOME": root.path])
        try FileManager.default.createDirectory(atPath: store.directoryPath, withIntermediateDirectories: true)
        #expect(
            FileManager.default.createFile(
                atPath: store.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]))
        #expect {
            try store.load()
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.exitStatus == ExitStatus.usage && error.message.contains("is not a text file")
        }
    }
}
