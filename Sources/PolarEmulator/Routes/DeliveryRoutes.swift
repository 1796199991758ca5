import PolarAPI
import PolarJSON

extension EmulatorAPI {
    /// `GET /v1/webhooks/deliveries`
    func listDeliveries(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        let query = request.query
        var errors: [ValidationItem] = []
        var filter = DeliveryQuery()
        let endpointIds = query.all("endpoint_id")
        for (index, text) in endpointIds.enumerated() {
            let loc: [JSONValue] =
                endpointIds.count == 1 ? ["query", "endpoint_id"] : ["query", "endpoint_id", .int(index)]
            switch UUIDValidation.uuid4(text, loc: loc) {
            case .valid(let id): filter.endpointIds.append(id)
            case .invalid(let item): errors.append(item)
            }
        }
        filter.start = QueryValidation.awareTimestamp(query, "start_timestamp", errors: &errors)
        filter.end = QueryValidation.awareTimestamp(query, "end_timestamp", errors: &errors)
        filter.succeeded = QueryValidation.bool(query, "succeeded", errors: &errors)
        filter.query = query.last("query")
        if let codeClass = query.last("http_code_class") {
            let classes = ["2xx", "3xx", "4xx", "5xx"]
            if let index = classes.firstIndex(of: codeClass) {
                filter.httpCodeClass = index + 2
            } else {
                errors.append(
                    .literalError(["query", "http_code_class"], values: classes, input: .string(codeClass)))
            }
        }
        let types = query.all("event_type")
        for (index, text) in types.enumerated() {
            let type = WebhookEventType(rawValue: text)
            if type.isKnown {
                filter.eventTypes.append(type)
            } else {
                let loc: [JSONValue] =
                    types.count == 1 ? ["query", "event_type"] : ["query", "event_type", .int(index)]
                errors.append(
                    .enumError(
                        loc, values: WebhookEventCatalog.entries.map(\.type.rawValue), input: .string(text)))
            }
        }
        let page = page(query, errors: &errors)
        guard errors.isEmpty else { throw .requestValidation(errors) }
        return .encoded(await store.listDeliveries(caller: request.caller, filter: filter, page: page))
    }

    /// `POST /v1/webhooks/events/{id}/redeliver`: 202 with `null`, whatever happens next (the
    /// worker decides at send time, as Polar's task does: a disabled endpoint marks the event
    /// skipped, an archived event is left alone).
    func redeliver(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        let id = try pathId(request.parameter("id")).get()
        guard await store.canRedeliver(eventId: id, caller: request.caller) else { throw .resourceNotFound }
        worker.start(eventId: id, redeliver: true)
        return HTTPAnswer(status: 202, json: .null)
    }
}
