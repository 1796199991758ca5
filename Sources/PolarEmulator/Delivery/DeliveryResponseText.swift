import FoundationEssentials
import NIOHTTP1
import TextTools

/// What Polar stores in a delivery's `response` (CONTRACT.md §3): the receiver's body, decoded
/// as httpx decodes it, without NUL characters, cut to 2048 characters; and for a failed
/// attempt without a body, the text of the error httpx 0.28 raises.
enum DeliveryResponseText {
    static let limit = 2048

    /// The stored body: nil for an empty one (a body of NULs only gives "").
    static func body(_ bytes: [UInt8], contentType: String?) -> String? {
        guard !bytes.isEmpty else { return nil }
        var scalars = String.UnicodeScalarView()
        if isLatin1(contentType) {
            scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        } else {
            scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        }
        // Python slices code points, not grapheme clusters.
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.lazy.filter { $0 != "\u{0}" }.prefix(limit))
        return String(kept)
    }

    /// httpx's `raise_for_status` message for a status that is not 2xx.
    ///
    /// The reason phrase is the standard one for the code: the HTTP client the emulator uses
    /// does not keep the phrase the receiver sent (httpx quotes it as sent), so a receiver with
    /// a non-standard phrase reads differently here.
    static func statusError(code: Int, url: String, location: String?) -> String {
        let kind =
            switch code / 100 {
            case 1: "Informational response"
            case 3: "Redirect response"
            case 4: "Client error"
            case 5: "Server error"
            default: "Invalid status code"
            }
        let phrase = HTTPResponseStatus(statusCode: code).reasonPhrase
        var text = "\(kind) '\(code) \(phrase)' for url '\(url)'\n"
        if [301, 302, 303, 307, 308].contains(code), let location {
            text += "Redirect location: '\(location)'\n"
        }
        return text + "For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/\(code)"
    }

    /// httpx's texts for failures without an HTTP answer, as `str(error)` gives them.
    enum NetworkFailure {
        /// `ConnectError` when nothing listens (anyio's wording).
        static let refused = "All connection attempts failed"
        /// `RemoteProtocolError` for a connection closed before any answer.
        static let disconnected = "Server disconnected without sending a response."
        /// `ConnectTimeout` and `ReadTimeout` carry no message at all.
        static let timedOut = ""
        /// `ConnectError` for a host name that does not resolve (glibc's wording).
        static let unknownHost = "[Errno -2] Name or service not known"

        /// `RemoteProtocolError` for a body cut short.
        static func incompleteBody(received: Int, expected: Int?) -> String {
            guard let expected else {
                return "peer closed connection without sending complete message body (incomplete chunked read)"
            }
            return
                "peer closed connection without sending complete message body (received \(received) bytes, expected \(expected))"
        }
    }

    private static func isLatin1(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingWhitespace().lowercased()
            }
            if pair.count == 2, pair[0] == "charset" {
                let charset = pair[1].trimming(Set("\"'".unicodeScalars))
                return ["iso-8859-1", "latin-1", "latin1", "l1", "iso8859-1"].contains(charset)
            }
        }
        return false
    }
}
