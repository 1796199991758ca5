import FoundationEssentials

/// What Polar's `webhook_event.send` task reads and writes, step by step (CONTRACT.md §2.6,
/// §2.9, §3, §5.3–5.5).
extension EmulatorStore {
    static let maxAttempts = 10
    static let failureThreshold = 10
    /// `WEBHOOK_FIFO_GUARD_MAX_AGE`: earlier events stop holding the queue after this long.
    static let fifoGuardAge: TimeInterval = 60

    /// The checks before an attempt, in the task's order: a disabled endpoint marks the event
    /// skipped; an archived event or (unless redelivering) a succeeded one is left alone;
    /// earlier events of the endpoint without any delivery yet make it wait. The endpoint being
    /// deleted is not checked: its retries and redeliveries are still sent.
    func prepareSend(eventId: String, redeliver: Bool, now: Date = Date()) -> DeliveryPlan {
        guard let record = events[eventId], let endpoint = endpoints[record.endpointId]?.endpoint else {
            return .stop
        }
        guard endpoint.enabled else {
            events[eventId]?.event.skipped = true
            events[eventId]?.event.modifiedAt = now
            persist()
            return .stop
        }
        guard let payload = record.event.payload else { return .stop }
        if record.event.succeeded == true, !redeliver { return .stop }
        let earlier = earlierPendingCount(before: record, now: now)
        if earlier > 0 { return .wait(earlierPending: earlier) }
        if record.event.skipped {
            events[eventId]?.event.skipped = false
            persist()
        }
        return .send(
            DeliveryRequest(
                eventId: eventId, endpointId: endpoint.id, url: endpoint.url, secret: endpoint.secret,
                scheme: endpoint.usesStandardWebhookSignature ? .standard : .legacy, payload: payload,
                apiVersion: record.event.apiVersion))
    }

    /// `count_earlier_pending`: the endpoint's other events created before this one, less than a
    /// minute ago, that have no delivery yet.
    private func earlierPendingCount(before record: EventRecord, now: Date) -> Int {
        let cutoff = now.addingTimeInterval(-Self.fifoGuardAge)
        return undelivered[record.endpointId, default: []].reduce(0) { count, id in
            guard id != record.event.id, let other = events[id]?.event, other.createdAt < record.event.createdAt,
                other.createdAt >= cutoff
            else { return count }
            return count + 1
        }
    }

    /// Records one attempt and says what comes next. The cap counts every delivery the event
    /// has, redeliveries included; an event that succeeded once stays succeeded; an attempt
    /// without an HTTP answer leaves `last_http_code` as it was.
    func record(attempt result: DeliveryResult, eventId: String, endpointId: String, at now: Date = Date())
        -> AttemptOutcome
    {
        deliveries.append(
            DeliveryRecord(
                id: UUID().uuidString.lowercased(), createdAt: now, modifiedAt: nil, succeeded: result.succeeded,
                httpCode: result.httpCode, response: result.response, eventId: eventId, endpointId: endpointId))
        let count = deliveryCounts[eventId, default: 0] + 1
        deliveryCounts[eventId] = count
        undelivered[endpointId]?.remove(eventId)
        defer { persist() }
        guard var event = events[eventId]?.event else { return .finished }
        event.modifiedAt = now
        if let code = result.httpCode { event.lastHttpCode = code }
        if result.succeeded {
            event.succeeded = true
            events[eventId]?.event = event
            return .finished
        }
        guard count >= Self.maxAttempts else {
            events[eventId]?.event = event
            return .retry(deliveries: count)
        }
        if event.succeeded != true { event.succeeded = false }
        events[eventId]?.event = event
        if event.succeeded == false { disableIfFailing(endpointId: endpointId, now: now) }
        return .finished
    }

    /// `on_event_failed`: an enabled endpoint whose last 10 completed events all failed is
    /// disabled, and its pending events are marked skipped (CONTRACT.md §5.5).
    private func disableIfFailing(endpointId: String, now: Date) {
        guard endpoints[endpointId]?.endpoint.enabled == true else { return }
        let completed = events.values.filter { $0.endpointId == endpointId && $0.event.succeeded != nil }
            .sorted { $0.event.createdAt > $1.event.createdAt }
            .prefix(Self.failureThreshold)
        guard completed.count == Self.failureThreshold, completed.allSatisfy({ $0.event.succeeded == false })
        else { return }
        endpoints[endpointId]?.endpoint.enabled = false
        endpoints[endpointId]?.endpoint.modifiedAt = now
        for (id, record) in events
        where record.endpointId == endpointId && record.event.succeeded == nil && !record.event.skipped {
            events[id]?.event.skipped = true
        }
        logger.info("Disabled webhook endpoint \(endpointId) after \(Self.failureThreshold) failed events")
    }
}
