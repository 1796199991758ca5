import ArgumentParser
import PolarAPI

extension WebhookFormat: ExpressibleByArgument {
    /// Only the formats this version knows; any string would decode from the API.
    public init?(argument: String) {
        guard let format = Self.allCases.first(where: { $0.rawValue == argument }) else { return nil }
        self = format
    }
}

extension DeliveryFilter.HTTPCodeClass: ExpressibleByArgument {}
