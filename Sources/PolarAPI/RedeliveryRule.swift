/// How many attempts Polar gives an event it redelivers (CONTRACT.md §2.9, §5.4).
///
/// The cap of 10 attempts counts every delivery the event already has, redeliveries included,
/// so a redelivery does not start a fresh series: an event with 9 or more deliveries gets one
/// attempt, and if that fails it is final.
public enum RedeliveryRule {
    /// `WEBHOOK_MAX_RETRIES`: attempts per event, all deliveries counted.
    public static let maximumAttempts = 10

    /// The attempts a redelivery can make, given the deliveries the event already has.
    public static func attempts(afterDeliveries existing: Int) -> Int {
        max(1, maximumAttempts - max(0, existing))
    }

    /// A sentence for the user when the redelivery is a single attempt, else nil.
    /// `existing` is what the caller saw, which may be fewer than the event really has.
    public static func singleAttemptNote(afterDeliveries existing: Int) -> String? {
        guard attempts(afterDeliveries: existing) == 1 else { return nil }
        return "it already has \(existing) deliveries, so Polar makes one attempt and does not retry it "
            + "(the 10-attempt limit counts every delivery)"
    }
}
