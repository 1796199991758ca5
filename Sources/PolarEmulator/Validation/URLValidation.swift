import Foundation
import PolarAPI
import PolarJSON

/// Polar's webhook URL rules (CONTRACT.md §2.3): pydantic's `HttpsUrl` parsing and normalising,
/// then the server's IDNA and "no localhost or private IP" validators. The host rules and IP
/// classification are PolarAPI's (shared with the CLI and dashboard); the pydantic-style 422
/// items and the normalised URL are the emulator's own.
struct URLValidation: Sendable {
    /// Also accept `http://` and loopback or private hosts.
    var allowInsecure: Bool

    static let maxLength = WebhookURLRules.maximumLength
    static let privateHostMessage = "Webhook URLs cannot point to localhost or private IP addresses."
    static let idnaMessage =
        "Invalid webhook URL: the hostname contains characters not allowed in domain names."

    /// The normalised URL, or the first rule it breaks.
    func validate(_ value: JSONValue, loc: [JSONValue]) -> Result<String, ValidationItem> {
        guard case .string(let original) = value else {
            return .failure(
                ValidationItem(
                    type: "url_type", loc: loc, msg: "URL input should be a string or URL", input: value))
        }
        func parsing(_ reason: String) -> Result<String, ValidationItem> {
            .failure(
                ValidationItem(
                    type: "url_parsing", loc: loc, msg: "Input should be a valid URL, \(reason)",
                    input: value,
                    ctx: ["error": .string(reason)]))
        }
        let trimmed = original.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.unicodeScalars.count > Self.maxLength {
            return .failure(
                ValidationItem(
                    type: "url_too_long", loc: loc,
                    msg: "URL should have at most \(Self.maxLength) characters",
                    input: value, ctx: ["max_length": .int(Self.maxLength)]))
        }
        let text = trimmed.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        if text.isEmpty { return parsing("input is empty") }
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII,
            first.isLetter,
            text[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            )
        else { return parsing("relative URL without a base") }
        let scheme = text[..<colon].lowercased()
        let allowed = allowInsecure ? ["http", "https"] : ["https"]
        let special = ["http", "https", "ws", "wss", "ftp"].contains(scheme)
        guard special else { return .failure(schemeError(loc: loc, input: value, allowed: allowed)) }

        var rest = text[text.index(after: colon)...]
        while let next = rest.first, next == "/" || next == "\\" { rest = rest.dropFirst() }
        let authorityEnd = rest.firstIndex { "/\\?#".contains($0) } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let tail = rest[authorityEnd...]
        var userinfo = ""
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        var hostPart = authority
        var portText: Substring? = nil
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return parsing("invalid IPv6 address")
            }
            hostPart = authority[...close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                return parsing("invalid IPv6 address")
            }
        } else if let portColon = authority.lastIndex(of: ":") {
            hostPart = authority[..<portColon]
            portText = authority[authority.index(after: portColon)...]
        }
        var port: Int? = nil
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(portText.prefix(6)),
                number <= 65535
            else { return parsing("invalid port number") }
            port = number
        }
        if hostPart.isEmpty { return parsing("empty host") }

        let host: WebhookURLHost
        switch WebhookURLHost.parse(String(hostPart)) {
        case .failure(let reason): return parsing(reason.text)
        case .success(let parsed): host = parsed
        }

        guard allowed.contains(scheme) else {
            return .failure(schemeError(loc: loc, input: value, allowed: allowed))
        }

        if !host.isValidIDNA {
            return .failure(.valueError(loc, message: Self.idnaMessage, input: value))
        }
        if !allowInsecure, host.isLocalOrPrivate {
            return .failure(.valueError(loc, message: Self.privateHostMessage, input: value))
        }

        let defaultPort = scheme == "https" ? 443 : 80
        var result = scheme + "://"
        if !userinfo.isEmpty { result += Self.percentEncode(userinfo, keeping: "%:") + "@" }
        result += host.serialized
        if let port, port != defaultPort { result += ":\(port)" }
        result += Self.normalisedTail(tail)
        return .success(result)
    }

    private func schemeError(loc: [JSONValue], input: JSONValue, allowed: [String]) -> ValidationItem {
        let expected = ValidationItem.expectedList(allowed)
        return ValidationItem(
            type: "url_scheme", loc: loc, msg: "URL scheme should be \(expected)", input: input,
            ctx: ["expected_schemes": .string(expected)])
    }

    // MARK: Path, query, fragment

    /// Backslashes become slashes, an empty path becomes `/`, and characters a URL cannot hold
    /// are percent-encoded, as the WHATWG parser does.
    static func normalisedTail(_ tail: Substring) -> String {
        var path = tail
        var query: Substring? = nil
        var fragment: Substring? = nil
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let question = path.firstIndex(of: "?") {
            query = path[path.index(after: question)...]
            path = path[..<question]
        }
        var result =
            path.isEmpty
            ? "/"
            : percentEncode(
                path.replacingOccurrences(of: "\\", with: "/"), keeping: "%/?#[]@!$&'()*+,;=:|^")
        if let query {
            result += "?" + percentEncode(String(query), keeping: "%/?[]@!$&'()*+,;=:{}|^`\\")
        }
        if let fragment {
            result += "#" + percentEncode(String(fragment), keeping: "%/?#[]@!$&'()*+,;=:{}|^\\")
        }
        return result
    }

    private static func percentEncode(_ text: String, keeping extra: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            let isPlain =
                byte < 0x80 && byte > 0x20 && byte != 0x7F
                && (CharacterSet.alphanumerics.contains(scalar) || "-._~".unicodeScalars.contains(scalar)
                    || extra.unicodeScalars.contains(scalar))
            if isPlain {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
