/// The fields of the endpoint form, in Tab order.
enum FormField: Int, CaseIterable, Hashable, Sendable, Comparable {
    case url, name, format, secret, organization, events, save, cancel

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The label beside the field.
    var label: String {
        switch self {
        case .url: "URL"
        case .name: "Name"
        case .format: "Format"
        case .secret: "Secret"
        case .organization: "Org"
        case .events: "Events"
        case .save: "Save"
        case .cancel: "Cancel"
        }
    }

    /// The body field a server validation issue names (`loc` after "body").
    init?(apiField: String) {
        let head = apiField.split(separator: ".").first.map(String.init) ?? apiField
        switch head {
        case "url": self = .url
        case "name": self = .name
        case "format": self = .format
        case "secret": self = .secret
        case "organization_id": self = .organization
        case "events": self = .events
        default: return nil
        }
    }

    var isTextField: Bool { self == .url || self == .name || self == .secret }
}
