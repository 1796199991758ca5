import ArgumentParser
import Foundation
import PolarAPI

/// `polar-hooks health`: how each endpoint's deliveries are going, for people and monitors.
struct HealthCommand: AsyncParsableCommand {
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
            spending at most --budget requests a minute; on a terminal the table is redrawn in \
            place; with --json it prints one JSON line for each endpoint whose object changed (every \
            endpoint the first time).

            Exit status: 0 when no selected endpoint trips --fail-on; 5 when one does; 1 API or \
            network error, 2 usage, 3 authentication, 4 an --endpoint that does not exist. --watch \
            runs until Ctrl-C (status 130; 143 after SIGTERM).

            Examples:
              polar-hooks health
              polar-hooks health --json --fail-on auto-disabled
              polar-hooks health --endpoint ID --watch 30
            """)

    @Option(
        name: .customLong("endpoint"),
        help: ArgumentHelp("Only this endpoint (repeatable); it must exist.", valueName: "endpoint-id"))
    var endpointIDs: [String] = []

    @Option(
        name: .customLong("org"),
        help: ArgumentHelp("Only endpoints of this organization (env POLAR_ORGANIZATION_ID).", valueName: "id"))
    var organizationID: String?

    @Option(
        name: .customLong("watch"), defaultAsFlag: HealthCommand.defaultInterval, parsing: .next,
        help: ArgumentHelp(
            "Keep watching, fetching again every SECONDS (default \(HealthCommand.defaultInterval)).",
            valueName: "seconds"))
    var watch: Int?

    @Option(
        name: .customLong("budget"),
        help: ArgumentHelp(
            "With --watch: at most this many requests a minute (default \(HealthCommand.defaultBudget)); "
                + "a 429 halves it. Polar allows 500 a minute per token (100 in sandbox).",
            valueName: "requests"))
    var budget: Int?

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "Which states make the exit status 5. " + HealthThreshold.helpText, valueName: "state"))
    var failOn: HealthThreshold?

    @OptionGroup var output: OutputOptions
    @OptionGroup(title: "Connection") var connection: ConnectionOptions
    @ParentCommand var root: PolarHooks

    static let defaultInterval = 15
    static let defaultBudget = 20

    func validate() throws {
        if let watch, !(1...86_400).contains(watch) {
            throw ValidationError("--watch takes a number of seconds from 1 to 86400.")
        }
        if let budget {
            guard watch != nil else { throw ValidationError("--budget applies only to --watch.") }
            guard (1...10_000).contains(budget) else {
                throw ValidationError("--budget takes a number of requests a minute from 1 to 10000.")
            }
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
        let context = try CommandContext(
            connection: connection, parent: root.connection, organizationID: organizationID, output: output)
        let organizations = context.settings.organizationID.map { [$0] } ?? []
        if let watch {
            try await HealthWatchRun(
                context: context, organizations: organizations, endpointIDs: ids, interval: watch,
                budget: budget ?? Self.defaultBudget
            ).run()
            return
        }
        let rows = try await context.withClient { client in
            try await Self.check(HealthSource(client: client, organizationIDs: organizations, endpointIDs: ids))
        }
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

    /// Every selected endpoint and its health: the list, then each one's newest deliveries.
    static func check(_ source: HealthSource) async throws -> [HealthText.Row] {
        let endpoints = try await source.endpoints(requireEveryID: true).endpoints ?? []
        let fetched = await source.histories(endpoints.map(\.id), from: [:])
        let now = Date()
        return try zip(endpoints, fetched).map { endpoint, fetched in
            HealthText.Row(
                endpoint: endpoint,
                health: EndpointHealth(endpoint: endpoint, history: try fetched.history.get(), now: now))
        }
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
