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
        self.init(status: status, body: Array(json.serialized().utf8), isJSON: true, headers: headers)
    }

    /// An API object in the server's key order.
    static func encoded(_ value: some PolarJSONWritable, status: Int = 200) -> HTTPAnswer {
        var body: [UInt8] = []
        value.writeJSON(pretty: false, indent: 0, into: &body)
        return HTTPAnswer(status: status, body: body, isJSON: true)
    }

    static let noContent = HTTPAnswer(status: 204, body: [], isJSON: false)

    /// Starlette's answer to an unhandled exception.
    static let internalError = HTTPAnswer(
        status: 500, body: Array("Internal Server Error".utf8), isJSON: false,
        headers: [("content-type", "text/plain; charset=utf-8")])
}
