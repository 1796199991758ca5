import Foundation
import PolarAPI
import TerminalText
import Testing

@testable import polar_hooks

/// `health`'s text, JSON and exit-status threshold on hand-made histories.
@Suite struct HealthOutputTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static func endpoint(
        _ id: String, name: String?, url: String = "https://example.com/hooks", enabled: Bool = true
    ) -> WebhookEndpoint {
        WebhookEndpoint(
            createdAt: now.addingTimeInterval(-86_400 * 30), modifiedAt: nil, id: id, url: url, name: name,
            apiVersion: .v2026_04, format: .raw, secret: "whsec_x", organizationId: "org", events: ["order.paid"],
            enabled: enabled, usesStandardWebhookSignature: true)
    }

    /// Events `secondsAgo` old (newest last), each with one attempt that answered `code`.
    static func history(_ events: [(secondsAgo: Double, code: Int?, pending: Bool)]) -> DeliveryHistory {
        let deliveries = events.enumerated().map { index, event in
            let at = now.addingTimeInterval(-event.secondsAgo)
            let succeeded = event.code.map { (200..<300).contains($0) } ?? false
            return WebhookDelivery(
                createdAt: at, modifiedAt: nil, id: "delivery-\(index)", succeeded: succeeded, httpCode: event.code,
                response: succeeded ? "ok" : "Internal \u{1B}[31mServer Error\nTraceback…",
                webhookEvent: WebhookEvent(
                    createdAt: at, modifiedAt: nil, id: "event-\(index)", lastHttpCode: event.code,
                    succeeded: event.pending ? nil : succeeded, skipped: false, apiVersion: .v2026_04,
                    payload: "{}", type: "order.paid", isArchived: false))
        }
        return DeliveryHistory(deliveries)
    }

    static var rows: [HealthText.Row] {
        let failing = endpoint("11111111-1111-4111-8111-111111111111", name: "Orders")
        let disabled = endpoint(
            "22222222-2222-4222-8222-222222222222", name: nil, url: "https://b.example/hook", enabled: false)
        let quiet = endpoint("33333333-3333-4333-8333-333333333333", name: "Quiet")
        let failingHistory = history([
            (7200, 200, false), (600, 500, false), (300, 502, false), (90, nil, false), (20, 500, true),
        ])
        return [
            HealthText.Row(
                endpoint: failing, health: EndpointHealth(endpoint: failing, history: failingHistory, now: now)),
            HealthText.Row(
                endpoint: disabled,
                health: EndpointHealth(endpoint: disabled, history: history([(3 * 86_400, 200, false)]), now: now)),
            HealthText.Row(endpoint: quiet, health: nil),
        ]
    }

    @Test func theTableSaysStateStreakLastDeliveryLastSuccessAndTheDayAndNamesTheLastFailure() {
        #expect(
            HealthText.table(Self.rows, now: Self.now).rendered(color: false) == """
                NAME                    STATE                      FAILED IN A ROW  LAST DELIVERY  LAST SUCCESS  24H OK/FAILED/PENDING  ID
                Orders                  failing 3/10 · 1 retrying  3                500, 20 s ago  2 h ago       1/3/1                  11111111-1111-4111-8111-111111111111
                https://b.example/hook  disabled                   0                200, 3 d ago   3 d ago       0/0/0                  22222222-2222-4222-8222-222222222222
                Quiet                   waiting                                                                                         33333333-3333-4333-8333-333333333333

                Orders: last failure 500, 20 s ago: Internal �[31mServer Error
                """)
    }

    @Test func theJSONKeysComeInTheDocumentedOrderWithPolarsTimestamps() throws {
        let row = Self.rows[0]
        let health = try #require(row.health)
        let line = HealthJSON.object(row.endpoint, health).serialized()
        #expect(
            line
                == #"{"id":"11111111-1111-4111-8111-111111111111","name":"Orders","url":"https://example.com/hooks","#
                + #""enabled":true,"state":"failing","consecutive_failures":3,"#
                + #""last_delivery_at":"2027-01-15T07:59:40Z","last_http_code":500,"#
                + #""last_success_at":"2027-01-15T06:00:00Z","succeeded_24h":1,"failed_24h":3,"pending_24h":1}"#)
        let positions = HealthJSON.keys.compactMap { line.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == HealthJSON.keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func absentValuesAreNullAndTheArrayHasAnObjectALine() throws {
        let row = Self.rows[1]
        let health = try #require(row.health)
        let object = HealthJSON.object(row.endpoint, health)
        #expect(object["name"] == .null)
        #expect(object["state"] == "disabled")
        let idle = HealthJSON.object(
            row.endpoint, EndpointHealth(endpoint: row.endpoint, history: DeliveryHistory([]), now: Self.now))
        #expect(idle["last_delivery_at"] == .null)
        #expect(idle["last_http_code"] == .null)
        #expect(idle["last_success_at"] == .null)
        #expect(HealthJSON.array([]) == "[]")
        #expect(HealthJSON.array([object, idle]) == "[\n  \(object.serialized()),\n  \(idle.serialized())\n]")
    }

    @Test(arguments: [
        (HealthThreshold.failing, [EndpointHealth.State.failing, .autoDisabled]),
        (.autoDisabled, [.autoDisabled]),
        (.disabled, [.autoDisabled, .disabled]),
    ])
    func eachThresholdTripsOnExactlyItsStates(threshold: HealthThreshold, tripping: [EndpointHealth.State]) {
        for state in EndpointHealth.State.allCases {
            #expect(threshold.isTripped(by: state) == tripping.contains(state), "\(threshold) \(state)")
        }
    }

    @Test func theSummaryForStderrNamesTheEndpointsThatTripped() {
        let tripped = [Self.rows[0]]
        #expect(
            HealthCommand.summary(tripped, of: 3, threshold: .failing)
                == "1 of 3 endpoints is failing or auto-disabled: Orders (failing 3/10 · 1 retrying)")
    }

    @Test func relativeTimesUseTheLargestUnitThatReadsWell() {
        let now = Self.now
        #expect(RelativeTime.ago(now.addingTimeInterval(5), now: now) == "just now")
        #expect(RelativeTime.ago(now.addingTimeInterval(-59), now: now) == "59 s ago")
        #expect(RelativeTime.ago(now.addingTimeInterval(-61), now: now) == "1 min ago")
        #expect(RelativeTime.ago(now.addingTimeInterval(-47 * 3600), now: now) == "47 h ago")
        #expect(RelativeTime.ago(now.addingTimeInterval(-49 * 3600), now: now) == "2 d ago")
    }

    @Test func styledTextIsCutIntoLinesAndToAWidthKeepingStyles() {
        let text = StyledText("ab\ncd", style: .red) + StyledText("ef\u{1B}gh")
        #expect(text.lines.map { $0.rendered(color: false) } == ["ab", "cdef\u{FFFD}gh"])
        #expect(text.lines[1].rendered(color: true) == "\u{1B}[31mcd\u{1B}[0mef\u{FFFD}gh")
        #expect(text.lines[1].truncated(to: 4).rendered(color: false) == "cde…")
        #expect(text.lines[1].truncated(to: 40).rendered(color: false) == "cdef\u{FFFD}gh")
    }

    @Test func aWatchFetchesNeverFetchedEndpointsFirstAndNoMoreThanAllowed() {
        var monitor = HealthMonitor(budget: RefreshBudget(perMinute: 20), interval: 15)
        let endpoints = (1...5).map { Self.endpoint("id-\($0)", name: "E\($0)") }
        monitor.replaceEndpoints(endpoints)
        #expect(monitor.due(3, now: Self.now) == ["id-1", "id-2", "id-3"])
        for id in ["id-1", "id-2", "id-3"] {
            monitor.record(
                HistoryRefresh(history: DeliveryHistory([]), unreadable: [], startedOver: true, requests: 1), for: id,
                roundStart: Self.now)
        }
        #expect(monitor.due(3, now: Self.now.addingTimeInterval(1)) == ["id-4", "id-5"])
        #expect(monitor.due(10, now: Self.now.addingTimeInterval(15)) == ["id-4", "id-5", "id-1", "id-2", "id-3"])
        monitor.replaceEndpoints(Array(endpoints.prefix(2)))
        #expect(monitor.rows(now: Self.now).map(\.endpoint.id) == ["id-1", "id-2"])
        #expect(monitor.histories.keys.sorted() == ["id-1", "id-2"])
    }

    @Test func aWatchNamesUnreadableItemsOnceAndForgetsThemWhenTheHistoryStartsOver() {
        var monitor = HealthMonitor(budget: RefreshBudget(perMinute: 20), interval: 15)
        let orders = Self.endpoint("id-1", name: "Orders")
        monitor.replaceEndpoints(
            [orders],
            unreadable: [UnreadableItem(id: "bad-endpoint", page: 1, index: 1, problem: "expected a string at id")])
        let bad = UnreadableItem(id: "bad-delivery", page: 1, index: 0, problem: "expected true or false at succeeded")
        monitor.record(
            HistoryRefresh(history: DeliveryHistory([]), unreadable: [bad], startedOver: true, requests: 1),
            for: "id-1",
            roundStart: Self.now)
        // Each fetch reads the newest second again: the same delivery is not counted twice.
        var again = bad
        again.index = 3
        monitor.record(
            HistoryRefresh(history: DeliveryHistory([]), unreadable: [again], startedOver: false, requests: 1),
            for: "id-1",
            roundStart: Self.now)
        #expect(
            monitor.warnings == [
                "1 endpoint could not be read (a newer Polar, or a damaged answer); it is left out: "
                    + "bad-endpoint: expected a string at id",
                "1 delivery of Orders could not be read (a newer Polar, or a damaged answer); it is left out: "
                    + "bad-delivery: expected true or false at succeeded",
            ])
        monitor.record(
            HistoryRefresh(history: DeliveryHistory([]), unreadable: [], startedOver: true, requests: 1), for: "id-1",
            roundStart: Self.now)
        monitor.replaceEndpoints([orders])
        #expect(monitor.warnings.isEmpty)
    }
}
