import PolarAPI

/// `--event …` / `--all-events`, checked against the catalog.
enum EventSelection {
    /// The chosen types, or nil when neither option was given (and that is allowed).
    static func resolve(events: [String], allEvents: Bool, required: Bool) throws(CLIError)
        -> [WebhookEventType]?
    {
        if allEvents, !events.isEmpty { throw .usage("give either --event or --all-events, not both") }
        if allEvents { return WebhookEventCatalog.allTypes }
        if events.isEmpty {
            if required {
                throw .usage("choose the events to send with --event TYPE (repeatable) or --all-events")
            }
            return nil
        }
        return try EventTypeValidator.validate(events, option: "--event")
    }
}
