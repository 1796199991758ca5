import Foundation
import PolarAPI

/// Shared coders. `JSONEncoder`/`JSONDecoder` are thread-safe for encoding and decoding once set up.
enum EmulatorJSON {
    static let encoder: JSONEncoder = PolarJSON.encoder()
    static let decoder: JSONDecoder = PolarJSON.decoder()
}
