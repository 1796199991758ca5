import PolarAPI
import PolarJSON

/// Writes API objects as the API's own JSON: the server's key order, every key, Polar's
/// timestamps, indented by the one pretty printer.
enum JSONOutput {
    static func text(_ value: some Encodable) throws(CLIError) -> String {
        var compact: [UInt8] = []
        try encode(value, into: &compact)
        var out: [UInt8] = []
        JSONPrettyPrinter.reindent(compact, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `value` as compact JSON, for ``JSONPrettyPrinter`` to indent.
    static func encode(_ value: some Encodable, into compact: inout [UInt8]) throws(CLIError) {
        do {
            try PolarCoding.answerEncoder.encode(value, into: &compact)
        } catch {
            throw .failure("could not encode the result as JSON: \(error)")
        }
    }
}
