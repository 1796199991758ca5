import ArgumentParser
import FoundationEssentials
import PolarAPI
import TerminalText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `polar-hooks health`: how each endpoint's deliveries are going, for people and monitors.
struct HealthCommand: PolarAPICommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "How each endpoint's deliveries are going, and how close Polar is to disabling it.",
        discussion: """
            Polar disables an endpoint once its last 10 completed events have all failed. For each \
            endpoint this reads its newest deliveries (one request per endpoint, at most 4 at once) \
            and says: ok, failing N/10 (N failed events in a row), auto-disabled (disabled by Polar \
            after 10), disabled (by someone), or idle (no deliveries in 24 hours); with the last \
            delivery, the last success, and the events of the last 24 hours that succeeded, failed \
            or are still pending.

            With --json, prints a JSON array with one object per endpoint, keys always in this \
            order: id, name, url, enabled, state, consecutive_failures, last_delivery_at, \
            last_http_code, last_success_at, succeeded_24h, failed_24h, pending_24h.

            With --watch, fetches again every SECONDS (default 15), only the newer deliveries, \
            spending at most --refresh-budget N requests a minute (default 20, the dashboard's option; \
            a 429 halves it); on a terminal the table is redrawn in place; with --json it prints one \
            JSON line for each endpoint whose object changed (every endpoint the first time). When \
            Polar cannot be reached it says so and tries again at the next round.

            Exit status: 0 when no selected endpoint trips --fail-on; 5 when one does; 1 API or \
            network error, 2 usage, 3 authentication, 4 an --endpoint that does not exist. --watch \
            runs until Ctrl-C (status 130; 143 after SIGTERM).

            Examples:
              polar-hooks health
              polar-hooks health --json --fail-on auto-disabled
              polar-hooks health --endpoint ID --watch 30
              polar-hooks health --watch --json --refresh-budget 60
            """)

    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp("Only this endpoint (repeatable); it must exist.", valueName: "endpoint-id"),
        completion: .endpointIDs)
    var endpointIDs: [String] = []

    @Option(
        name: .customLong("org"),
        help: ArgumentHelp("Only endpoints of this organization (env POLAR_ORGANIZATION_ID).", valueName: "id"))
    var organizationID: String?

    @Option(
        defaultAsFlag: HealthCommand.defaultInterval, parsing: .next,
        help: ArgumentHelp(
            "Keep watching, fetching again every SECONDS (default \(HealthCommand.defaultInterval)).",
            valueName: "seconds"))
    var watch: Int?

    @Option(
        help: ArgumentHelp(
            "Which states make the exit status 5. " + HealthThreshold.helpText, valueName: "state"))
    var failOn: HealthThreshold?

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    static let defaultInterval = 15

    func validate() throws {
        if let watch, !(1...86_400).contains(watch) {
            throw ValidationError("--watch takes a number of seconds from 1 to 86400.")
        }
        if watch != nil, failOn != nil {
            throw ValidationError(
                "--fail-on sets the exit status of a single check; --watch runs until Ctrl-C. Leave one out.")
        }
    }

    func run() async throws {
        var ids: [String] = []
        for text in endpointIDs {
            let id = try IdentifierValidator.validate(text, what: "endpoint ID")
            if !ids.contains(id) { ids.append(id) }
        }
        let context = try makeContext(output: output, organizationID: organizationID)
        let organizations = context.settings.organizationID.map { [$0] } ?? []
        if let watch {
            try await HealthWatchRun(
                context: context, organizations: organizations, endpointIDs: ids, interval: watch,
                budget: root.refreshBudget
            ).run()
            return
        }
        let report = try await context.withClient { client in
            try await Self.check(HealthSource(client: client, organizationIDs: organizations, endpointIDs: ids))
        }
        for warning in report.warnings { context.console.warn(warning) }
        let rows = report.rows
        let now = Date()
        if context.printsJSON {
            let objects = rows.compactMap { row in row.health.map { HealthJSON.object(row.endpoint, $0) } }
            context.console.printJSON(HealthJSON.array(objects))
        } else {
            context.console.print(rows.isEmpty ? "No webhook endpoints." : HealthText.table(rows, now: now))
        }
        let threshold = failOn ?? .failing
        let tripped = rows.filter { row in row.health.map { threshold.isTripped(by: $0.state) } ?? false }
        guard tripped.isEmpty else {
            context.console.note(Self.summary(tripped, of: rows.count, threshold: threshold))
            throw ExitCode(ExitStatus.unhealthy)
        }
    }

    /// Every selected endpoint and its health, and what could not be read on the way.
    struct Report {
        var rows: [HealthText.Row]
        /// Endpoints or deliveries that could not be read, in words for stderr.
        var warnings: [String]
    }

    /// The list, then each endpoint's newest deliveries.
    static func check(_ source: HealthSource) async throws -> Report {
        let listing = try await source.endpoints(requireEveryID: true)
        let endpoints = listing.endpoints ?? []
        let fetched = await source.histories(endpoints.map(\.id), from: [:])
        let now = Date()
        var warnings = [HealthText.unreadableEndpoints(listing.unreadable)].compactMap { $0 }
        var rows: [HealthText.Row] = []
        for (endpoint, fetched) in zip(endpoints, fetched.results) {
            let refresh = try fetched.refresh.get()
            rows.append(
                HealthText.Row(
                    endpoint: endpoint, health: EndpointHealth(endpoint: endpoint, history: refresh.history, now: now)))
            if let warning = HealthText.unreadableDeliveries(refresh.unreadable, of: endpoint) {
                warnings.append(warning)
            }
        }
        return Report(rows: rows, warnings: warnings)
    }

    /// `2 of 5 endpoints are failing or auto-disabled: Orders (failing 3/10), …` for stderr.
    static func summary(_ tripped: [HealthText.Row], of total: Int, threshold: HealthThreshold) -> String {
        let named = tripped.prefix(5).map { row in
            HealthText.displayName(row.endpoint) + (row.health.map { " (\($0.label))" } ?? "")
        }
        let more = tripped.count > 5 ? ", and \(tripped.count - 5) more" : ""
        return "\(tripped.count) of \(total) endpoint\(total == 1 ? "" : "s") \(tripped.count == 1 ? "is" : "are") "
            + "\(threshold.words): " + named.joined(separator: ", ") + more
    }
}
