/// A question waiting for `y` or `n`. The default answer is always no.
struct Confirmation: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case delete(endpointID: String)
        case resetSecret(endpointID: String)
        case setEnabled(endpointID: String, enabled: Bool)
        /// `B`: send the failed events in view to the browser's endpoint again.
        case redeliverFailed(events: [RedeliveryBatch.Event], skippedArchived: Int, endpointName: String)
        /// Leave a form that has changes.
        case discardForm
        /// Quit from a form that has changes.
        case quitWithChanges
    }

    var kind: Kind
    /// True when ←/→ moved the focus to the yes button.
    var yesFocused = false

    init(_ kind: Kind) { self.kind = kind }
}
