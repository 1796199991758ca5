import PolarAPI
import PolarJSON

/// A response before it becomes a Hummingbird `Response`: status, extra headers, body bytes.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    /// Whether the body is JSON (adds `content-type: application/json`).
    var isJSON: Bool

    init(status: Int, body: [UInt8], isJSON: Bool, headers: [(String, String)] = []) {
        self.status = status
        self.body = body
        self.isJSON = isJSON
        self.headers = headers
    }

    init(status: Int, json: JSONValue, headers: [(String, String)] = []) {
        var body: [UInt8] = []
        json.write(into: &body)
        self.init(status: status, body: body, isJSON: true, headers: headers)
    }

    /// An API object as Polar writes it: the server's key order, every key, `null` when absent.
    static func encoded(_ value: some Encodable, status: Int = 200) -> HTTPAnswer {
        // Only a type that misuses its encoding containers fails; the server's answer to a bug
        // is a 500.
        guard let body = try? PolarCoding.answerEncoder.encode(value) else { return internalError }
        return HTTPAnswer(status: status, body: body, isJSON: true)
    }

    static let noContent = HTTPAnswer(status: 204, body: [], isJSON: false)

    /// Starlette's answer to an unhandled exception.
    static let internalError = HTTPAnswer(
        status: 500, body: Array("Internal Server Error".utf8), isJSON: false,
        headers: [("content-type", "text/plain; charset=utf-8")])
}
