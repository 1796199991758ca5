/// The type of a webhook event, such as `order.paid`.
///
/// Forward-compatible: Polar adds types over time, so any string decodes. The known types
/// and their meanings live in ``WebhookEventCatalog``.
public struct WebhookEventType: OpenStringValue, Comparable {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The part before the first dot (`order` for `order.paid`).
    public var prefix: Substring { rawValue.split(separator: ".", maxSplits: 1).first ?? rawValue[...] }
    /// The part after the first dot (`paid` for `order.paid`).
    public var action: Substring {
        guard let dot = rawValue.firstIndex(of: ".") else { return rawValue[...] }
        return rawValue[rawValue.index(after: dot)...]
    }
    /// Whether the catalog knows this type.
    public var isKnown: Bool { WebhookEventCatalog.entry(for: self) != nil }
}
