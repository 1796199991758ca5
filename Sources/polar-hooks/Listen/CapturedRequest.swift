import FoundationEssentials
import WebhookListener

/// A webhook saved whole, as the HTTP request that carried it: the request line, the headers,
/// a blank line and the body byte for byte. `listen --save` writes it; `verify --request` reads it.
enum CapturedRequest {
    /// The body is already whole (not chunked), so the framing headers are written for it anew.
    static let framingHeaders: Set<String> = ["content-length", "transfer-encoding"]

    static func bytes(of webhook: ReceivedWebhook) -> [UInt8] {
        var head = "POST \(webhook.path) HTTP/1.1\r\n"
        for header in webhook.headers where !framingHeaders.contains(header.name.lowercased()) {
            head += "\(header.name): \(header.value)\r\n"
        }
        head += "Content-Length: \(webhook.body.count)\r\n\r\n"
        return Array(head.utf8) + webhook.body
    }

    /// The headers and the exact body of a saved request.
    /// - Throws: when there is no blank line between the headers and the body.
    static func parse(_ bytes: [UInt8]) throws(CLIError) -> (headers: [String: String], body: [UInt8]) {
        guard let (headEnd, bodyStart) = separator(in: bytes) else {
            throw .usage("the request file has no blank line between the headers and the body")
        }
        // Lines end at LF bytes only: a header value may hold other line separators (U+2028 …),
        // and those must not turn into lines of their own.
        let lines = bytes[..<headEnd].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        let headers = try HeaderLines.parse(lines)
        return (headers, Array(bytes[bodyStart...]))
    }

    /// Where the headers end and the body starts: the first CRLF CRLF, or LF LF for a file
    /// written by hand.
    private static func separator(in bytes: [UInt8]) -> (Int, Int)? {
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var index = 0
        while index < bytes.count {
            if bytes[index] == lf {
                if index + 1 < bytes.count, bytes[index + 1] == lf { return (index, index + 2) }
                if index + 2 < bytes.count, bytes[index + 1] == cr, bytes[index + 2] == lf { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }
}
