import Foundation
import PolarAPI
import PolarJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The optional JSON file the emulator keeps its state in.
struct StateFile: Sendable {
    let path: String

    /// The stored state, nil when the file does not exist yet.
    func load() throws(EmulatorError) -> StoreSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableStateFile(path: path, reason: error.localizedDescription)
        }
        let snapshot: StoreSnapshot
        do {
            snapshot = try PolarCoding.decoder.decode(StoreSnapshot.self, from: Array(data))
        } catch {
            throw .corruptStateFile(path: path, reason: Self.describe(error))
        }
        guard snapshot.format == StoreSnapshot.formatName else {
            throw .corruptStateFile(path: path, reason: "unknown format \"\(snapshot.format)\"")
        }
        return snapshot
    }

    /// Writes atomically: a private temporary file beside the target, then a rename.
    func save(_ snapshot: StoreSnapshot) throws {
        let data = try PolarCoding.answerEncoder.encode(snapshot)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else {
            throw StateFileWriteError(reason: String(cString: strerror(errno)))
        }
        var written = 0
        let ok = data.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress?.advanced(by: written), raw.count - written)
                if result <= 0 { return false }
                written += result
            }
            return true
        }
        fsync(descriptor)
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StateFileWriteError(reason: reason)
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            if let failure = context.underlyingError as? JSONParser.Failure { return "not JSON: \(failure)" }
            return context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty
            ? "the top level"
            : keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

struct StateFileWriteError: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
