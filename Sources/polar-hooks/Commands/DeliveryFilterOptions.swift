import ArgumentParser
import FoundationEssentials
import PolarAPI

/// Every filter Polar offers on deliveries.
struct DeliveryFilterOptions: ParsableArguments {
    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp("Only deliveries to this endpoint; repeatable.", valueName: "endpoint-id"),
        completion: .endpointIDs)
    var endpointIDs: [String] = []

    @Option(
        help: ArgumentHelp("Only deliveries after this time. " + TimeArgument.help, valueName: "time"))
    var since: String?

    @Option(
        help: ArgumentHelp(
            "Only deliveries before this time (same forms as --since).", valueName: "time"))
    var until: String?

    @Flag(help: "Only deliveries the receiver answered with 2xx.")
    var succeeded = false

    @Flag(help: "Only failed deliveries (not 2xx, or no answer).")
    var failed = false

    @Option(
        help: ArgumentHelp(
            "Text in the delivery ID, event ID or HTTP status (case-insensitive).", valueName: "text"))
    var query: String?

    @Option(
        help: ArgumentHelp("Only deliveries whose HTTP status is in this class.", valueName: "class")
    )
    var httpClass: DeliveryFilter.HTTPCodeClass?

    @Option(
        name: .customLong("event-type"),
        help: ArgumentHelp(
            "Only events of this type; repeatable or comma-separated.", valueName: "type"))
    var eventTypes: [String] = []

    /// The filter, with every value checked before any request.
    func filter(now: Date = Date()) throws(CLIError) -> DeliveryFilter {
        if succeeded, failed { throw .usage("give either --succeeded or --failed, not both") }
        var endpoints: [String] = []
        for id in endpointIDs {
            endpoints.append(try IdentifierValidator.validate(id, what: "endpoint ID"))
        }
        let start = try since.map { (text) throws(CLIError) in
            try TimeArgument.parse(text, option: "--since", now: now)
        }
        let end = try until.map { (text) throws(CLIError) in
            try TimeArgument.parse(text, option: "--until", now: now)
        }
        if let start, let end, start >= end { throw .usage("--since must be earlier than --until") }
        return DeliveryFilter(
            endpointIds: endpoints, start: start, end: end,
            succeeded: succeeded ? true : (failed ? false : nil),
            query: query, httpCodeClass: httpClass,
            eventTypes: try EventTypeValidator.validate(eventTypes, option: "--event-type"))
    }
}
