import FoundationEssentials
import PolarAPI
import PolarJSON

/// Routes under `/_emulator/` for tests and demos: no token, no version, no faults.
struct AdminRoutes: Sendable {
    let store: EmulatorStore
    let worker: DeliveryWorker
    let initialState: @Sendable () -> StoreSnapshot
    let counters: TrafficCounters

    /// `GET /_emulator/health`: counts, the deliveries still being attempted, and what the
    /// `/v1` requests met (requests, 429s, faults by kind).
    func health(_ request: AdminRequest) async -> HTTPAnswer {
        let counts = await store.counts()
        let fields: [(String, JSONValue)] = [
            ("status", "ok"), ("endpoints", .int(counts.endpoints)), ("events", .int(counts.events)),
            ("deliveries", .int(counts.deliveries)), ("active_deliveries", .int(worker.activeCount)),
        ]
        return HTTPAnswer(status: 200, json: .object(fields + counters.healthFields))
    }

    /// `POST /_emulator/reset`: back to the data the emulator started with.
    func reset(_ request: AdminRequest) async -> HTTPAnswer {
        await worker.cancelAll()
        await store.replace(with: initialState())
        return HTTPAnswer(status: 200, json: ["status": "ok"])
    }

    /// `POST /_emulator/trigger` with `{"type": "order.paid", "organization_id": "…"}`: one event per matching enabled
    /// endpoint, each delivered in the background; answers with the events.
    func trigger(_ request: AdminRequest) async -> HTTPAnswer {
        let pairs: [(String, JSONValue)]
        switch JSONBody.object(request.body, required: true) {
        case .failure(let failure): return failure.answer
        case .success(let value): pairs = value ?? []
        }
        let body = JSONValue.object(pairs)
        var errors: [ValidationItem] = []
        var type: WebhookEventType? = nil
        switch body["type"] {
        case nil: errors.append(.missing(["body", "type"], input: body))
        case .string(let text)? where WebhookEventType(rawValue: text).isKnown:
            type = WebhookEventType(rawValue: text)
        case let value?:
            errors.append(
                .enumError(
                    ["body", "type"], values: WebhookEventCatalog.entries.map(\.type.rawValue), input: value))
        }
        var organizationId: String? = nil
        if let value = body["organization_id"], !value.isNull {
            switch UUIDValidation.uuid4(value, loc: ["body", "organization_id"]) {
            case .valid(let id) where EmulatorOrganizations.all.contains { $0.id == id }:
                organizationId = id
            case .valid:
                errors.append(
                    .valueError(
                        ["body", "organization_id"], message: "Organization not found.", input: value))
            case .invalid(let item): errors.append(item)
            }
        }
        guard errors.isEmpty, let type else { return APIFailure.requestValidation(errors).answer }
        let created = await store.createEvents(type: type, organizationId: organizationId)
        for record in created { worker.start(eventId: record.event.id) }
        var items: [JSONValue] = []
        for record in created {
            guard case .object(var pairs) = record.event.serverJSON else { continue }
            pairs.append(("endpoint_id", .string(record.endpointId)))
            pairs.append(("organization_id", .string(record.organizationId)))
            items.append(.object(pairs))
        }
        return HTTPAnswer(status: 200, json: .array(items))
    }
}
