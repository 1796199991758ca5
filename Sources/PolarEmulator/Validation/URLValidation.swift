import Foundation

/// Polar's webhook URL rules (CONTRACT.md §2.3): pydantic's `HttpsUrl` parsing and normalising,
/// then the server's IDNA and "no localhost or private IP" validators.
struct URLValidation: Sendable {
  /// Also accept `http://` and loopback or private hosts.
  var allowInsecure: Bool

  static let maxLength = 2083
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

    let host: Host
    switch Self.parseHost(String(hostPart)) {
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

  private func schemeError(loc: [JSONValue], input: JSONValue, allowed: [String]) -> ValidationItem
  {
    let expected = ValidationItem.expectedList(allowed)
    return ValidationItem(
      type: "url_scheme", loc: loc, msg: "URL scheme should be \(expected)", input: input,
      ctx: ["expected_schemes": .string(expected)])
  }

  // MARK: Host

  struct Host {
    var serialized: String
    var isValidIDNA: Bool
    var isLocalOrPrivate: Bool
  }

  struct HostError: Error {
    let text: String
  }

  private static let forbiddenHostCharacters = Set(" #%/:<>?@[\\]^|")

  static func parseHost(_ raw: String) -> Result<Host, HostError> {
    if raw.hasPrefix("[") {
      guard raw.hasSuffix("]"),
        let bytes = IPAddressRules.parseIPv6(String(raw.dropFirst().dropLast()))
      else {
        return .failure(HostError(text: "invalid IPv6 address"))
      }
      return .success(
        Host(
          serialized: "[" + IPAddressRules.formatIPv6(bytes) + "]", isValidIDNA: true,
          isLocalOrPrivate: !IPAddressRules.isGlobal(ipv6: bytes)))
    }
    let decoded = raw.removingPercentEncoding ?? raw
    if decoded.contains(where: {
      forbiddenHostCharacters.contains($0) || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
    }) {
      return .failure(HostError(text: "invalid domain character"))
    }
    let lowered = decoded.lowercased()
    var labels = lowered.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let trailingDot = labels.count > 1 && labels.last == ""
    if trailingDot { labels.removeLast() }
    var validIDNA = true
    var asciiLabels: [String] = []
    for label in labels {
      if label.isEmpty {
        validIDNA = false
        asciiLabels.append(label)
        continue
      }
      if label.unicodeScalars.allSatisfy(\.isASCII) {
        let ldh = label.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "-") }
        if !ldh || label.hasPrefix("-") || label.hasSuffix("-") || label.count > 63 {
          validIDNA = false
        }
        asciiLabels.append(label)
      } else {
        let allowed = label.unicodeScalars.allSatisfy {
          $0.isASCII
            ? (CharacterSet.alphanumerics.contains($0) || $0 == "-")
            : (CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0)
              || CharacterSet.nonBaseCharacters.contains($0))
        }
        guard allowed, let encoded = Punycode.encodeLabel(label) else {
          validIDNA = false
          asciiLabels.append(label)
          continue
        }
        if encoded.count > 63 { validIDNA = false }
        asciiLabels.append(encoded)
      }
    }
    let asciiHost = asciiLabels.joined(separator: ".") + (trailingDot ? "." : "")
    if let ipv4 = IPAddressRules.parseIPv4(asciiHost) {
      switch ipv4 {
      case .failure: return .failure(HostError(text: "invalid IPv4 address"))
      case .success(let bytes):
        return .success(
          Host(
            serialized: IPAddressRules.formatIPv4(bytes), isValidIDNA: true,
            isLocalOrPrivate: !IPAddressRules.isGlobal(ipv4: bytes)))
      }
    }
    let isLocalhost = asciiHost == "localhost" || asciiHost == "localhost."
    return .success(
      Host(serialized: asciiHost, isValidIDNA: validIDNA, isLocalOrPrivate: isLocalhost))
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
