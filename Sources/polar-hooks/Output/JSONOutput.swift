import PolarAPI
import PolarJSON

/// Writes API objects as the API's own JSON: the server's key order, every key, Polar's
/// timestamps, indented by the one pretty printer.
enum JSONOutput {
    static func text(_ value: some Encodable) throws(CLIError) -> String {
        var out: [UInt8] = []
        try append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value`, indented as if it sat `level` deep in a document.
    static func append(_ value: some Encodable, level: Int = 0, to out: inout [UInt8]) throws(CLIError) {
        let compact: [UInt8]
        do {
            compact = try PolarCoding.answerEncoder.encode(value)
        } catch {
            throw .failure("could not encode the result as JSON: \(error)")
        }
        JSONPrettyPrinter.reindent(compact, level: level, into: &out)
    }
}
