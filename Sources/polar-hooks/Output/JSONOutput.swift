import PolarAPI

/// Writes API objects as the API's own JSON (pretty, Polar's timestamp format).
enum JSONOutput {
    static func text(_ value: some Encodable) throws(CLIError) -> String {
        do {
            let data = try PolarJSON.encoder(pretty: true).encode(value)
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw .failure("could not encode the result as JSON: \(error)")
        }
    }
}
