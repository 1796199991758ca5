/// How Polar turns an endpoint secret into the HMAC key (CONTRACT.md §5.2).
///
/// Polar changed key derivation on 2026-09-08: endpoints whose secret was generated
/// afterwards sign the Standard Webhooks way, older ones keep the legacy derivation.
public enum SigningScheme: String, Sendable, Codable, CaseIterable {
    /// Key = base64-decode of the part after `whsec_` (what a stock Standard Webhooks library does).
    case standard
    /// Key = UTF-8 bytes of the whole secret string, including the `whsec_` prefix.
    case legacy
}
