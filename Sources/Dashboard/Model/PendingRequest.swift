/// A request in flight, for the spinner and for Esc.
public struct PendingRequest: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case loadEndpoints, loadOrganizations, create, update, delete, resetSecret, toggle, connect,
            loadDeliveries, redeliver
    }

    public let id: RequestID
    public let kind: Kind
    /// What the spinner says, e.g. "Deleting Production hook".
    public let label: String
}
