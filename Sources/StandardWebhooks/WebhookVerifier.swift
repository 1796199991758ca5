import Crypto
import FoundationEssentials
import TextTools

/// Checks incoming webhooks against an endpoint secret, accepting either of Polar's key derivations.
///
/// Mirrors the official SDK's `validate_event`: the legacy key is tried first, then the standard one;
/// the timestamp may differ from the clock by at most `tolerance` in either direction; any `v1,` entry
/// of a space-separated list may match.
public struct WebhookVerifier: Sendable {
    /// Each key's HMAC with the key already absorbed: a copy per webhook costs less than keying
    /// a new one (the listener verifies thousands a second).
    private let keys: [(scheme: SigningScheme, hmac: HMAC<SHA256>)]
    private let toleranceSeconds: Double
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - secret: the endpoint secret as Polar shows it (`whsec_…`) or a merchant-supplied one.
    ///   - tolerance: the allowed clock skew in either direction.
    ///   - now: the clock, injectable for tests.
    public init(
        secret: String, tolerance: Duration = .seconds(300),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        // A secret that is not base64 simply has no standard key; it can still verify as legacy.
        // The SDK tries the legacy key first; the order cannot change the outcome (a signature
        // matches one key at most), so the key the secret's shape suggests goes first and an
        // honest webhook costs one HMAC.
        let candidates: [SigningScheme] =
            WebhookSecret.isStandardFormat(secret) ? [.standard, .legacy] : [.legacy, .standard]
        self.keys = candidates.compactMap { scheme in
            guard let key = try? SigningKey.derive(from: secret, scheme: scheme) else { return nil }
            return (scheme: scheme, hmac: HMAC<SHA256>(key: key))
        }
        let parts = tolerance.components
        self.toleranceSeconds = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        self.now = now
    }

    /// Verifies one delivery and returns the key derivation that matched.
    public func verify(
        id: String,
        timestamp: String,
        signatureHeader: String,
        body: some Collection<UInt8>
    ) throws(WebhookVerificationError) -> SigningScheme {
        guard let seconds = Self.plainInteger(timestamp) ?? Int(timestamp.trimmingWhitespace()) else {
            throw .malformedTimestamp(timestamp)
        }
        try checkFreshness(of: seconds)

        let entries = SignatureHeader.versionOneSignatures(in: signatureHeader)
        guard !entries.isEmpty else { throw .noVersionOneSignature }
        // An entry that is not valid base64 cannot match; it is skipped like in the official SDK.
        let offered = entries.compactMap { Data(base64Encoded: String($0)).map { [UInt8]($0) } }

        // The signed content uses the timestamp as a plain integer, as the reference implementations do.
        // One contiguous message, one update: each update costs swift-crypto a generic walk.
        var message = Array("\(id).\(seconds).".utf8)
        message.append(contentsOf: body)
        for (scheme, keyed) in keys {
            var hmac = keyed
            hmac.update(data: message)
            let expected = [UInt8](hmac.finalize())
            // Compare against every entry without stopping early, so timing says nothing about which matched.
            var matched = false
            for candidate in offered where ConstantTime.isEqual(expected, candidate) {
                matched = true
            }
            if matched { return scheme }
        }
        throw .noMatchingSignature
    }

    /// True when `lowercased()` would leave `name` as it is.
    private static func isLowercaseASCII(_ name: String) -> Bool {
        name.utf8.allSatisfy { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
    }

    /// `text` when it is only ASCII digits (what Polar sends), without Foundation's trimming;
    /// nil sends anything else the slow way, so both read the same.
    private static func plainInteger(_ text: String) -> Int? {
        var value = 0
        var digits = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 18 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Verifies one delivery given its headers; header names are matched case-insensitively.
    public func verify(
        headers: [String: String],
        body: some Collection<UInt8>
    ) throws(WebhookVerificationError) -> SigningScheme {
        // Headers usually arrive named in lower case already (HTTP/2, Polar, the listener), so
        // they are copied only when a name is not.
        var lowercased = headers
        if !headers.keys.allSatisfy(Self.isLowercaseASCII) {
            lowercased = [:]
            for (name, value) in headers {
                lowercased[name.lowercased()] = value
            }
        }
        // An empty value counts as missing, as in the official SDK.
        func value(_ name: String) throws(WebhookVerificationError) -> String {
            guard let value = lowercased[name], !value.isEmpty else { throw .missingHeader(name) }
            return value
        }
        let id = try value("webhook-id")
        let timestamp = try value("webhook-timestamp")
        let signature = try value("webhook-signature")
        return try verify(id: id, timestamp: timestamp, signatureHeader: signature, body: body)
    }

    private func checkFreshness(of timestamp: Int) throws(WebhookVerificationError) {
        // Whole seconds, as the reference implementation floors the clock.
        let current = now().timeIntervalSince1970.rounded(.down)
        let skew = current - Double(timestamp)
        let tolerance = Int(toleranceSeconds)
        if skew > toleranceSeconds {
            throw .timestampTooOld(ageSeconds: Int(skew), toleranceSeconds: tolerance)
        }
        if -skew > toleranceSeconds {
            throw .timestampTooNew(aheadSeconds: Int(-skew), toleranceSeconds: tolerance)
        }
    }
}
