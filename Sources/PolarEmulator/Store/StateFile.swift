import FoundationEssentials
import PolarAPI
import PolarJSON
import SystemIO

/// The optional JSON file the emulator keeps its state in.
struct StateFile: Sendable {
    let path: String

    /// The stored state, nil when the file does not exist yet.
    func load() throws(EmulatorError) -> StoreSnapshot? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data: [UInt8]
        do {
            data = try FileReader.read(path)
        } catch {
            throw .unreadableStateFile(path: path, reason: error.reason)
        }
        let snapshot: StoreSnapshot
        do {
            snapshot = try PolarCoding.decoder.decode(StoreSnapshot.self, from: data)
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
        do {
            try PrivateFile.replace(path, with: Array(data))
        } catch {
            throw StateFileWriteError(reason: error.reason)
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
