/// A request in flight, for the spinner and for Esc.
struct PendingRequest: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case loadEndpoints, loadOrganizations, create, update, delete, resetSecret, toggle, connect,
            loadDeliveries, redeliver
    }

    let id: RequestID
    let kind: Kind
    /// What the spinner says, e.g. "Deleting Production hook".
    let label: String
}
