/// A question waiting for `y` or `n`. The default answer is always no.
public struct Confirmation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
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

    public var kind: Kind
    /// True when ←/→ moved the focus to the yes button.
    public var yesFocused = false

    public init(_ kind: Kind) { self.kind = kind }
}
