import Foundation
import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct DeliveriesUpdateTests {
    /// The one load effect in `effects`, with its filter.
    func loadFilter(_ effects: [Effect]) -> DeliveryFilter? {
        let filters = effects.compactMap { effect -> DeliveryFilter? in
            if case .loadDeliveries(_, let filter, _) = effect { return filter }
            return nil
        }
        return filters.count == 1 ? filters[0] : nil
    }

    @Test func dOpensTheSelectedEndpointsDeliveriesNewestFirst() {
        var state = Fixtures.state()
        state.press(.character("j"))
        let effects = state.press(.character("D"))
        #expect(loadFilter(effects) == DeliveryFilter(endpointIds: [Fixtures.slack.id]))
        #expect(state.deliveries?.endpointName == "Slack alerts")
        #expect(state.isBusy)
        DeliveryFixtures.answer(&state, effects)
        #expect(!state.isBusy)
        #expect(
            state.deliveries?.deliveries.map(\.id) == [
                DeliveryFixtures.paid.id, DeliveryFixtures.serverError.id, DeliveryFixtures.unreachable.id,
                DeliveryFixtures.archived.id,
            ])
    }

    @Test func fCyclesTheStatusFilterOnTheServer() {
        var state = DeliveryFixtures.browsing()
        let id = Fixtures.production.id
        #expect(loadFilter(state.press(.character("f"))) == DeliveryFilter(endpointIds: [id], succeeded: true))
        #expect(loadFilter(state.press(.character("f"))) == DeliveryFilter(endpointIds: [id], succeeded: false))
        #expect(loadFilter(state.press(.character("f"))) == DeliveryFilter(endpointIds: [id]))
    }

    @Test func cCyclesTheHTTPClassAndKeepsTheStatusFilter() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("f"), .character("f"))
        var classes: [DeliveryFilter.HTTPCodeClass?] = []
        for _ in 0..<5 {
            let filter = loadFilter(state.press(.character("c")))
            #expect(filter?.succeeded == false)
            classes.append(filter?.httpCodeClass)
        }
        #expect(classes == [.success, .redirect, .clientError, .serverError, nil])
    }

    @Test func searchGoesToTheServerOnEnterAndEscClearsIt() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("/"))
        // While typing, letters are text: r does not redeliver, q does not quit.
        #expect(state.type("5rq").isEmpty)
        #expect(state.shouldQuit == false)
        state.press(.backspace, .backspace)
        let effects = state.press(.enter)
        #expect(loadFilter(effects)?.query == "5")
        DeliveryFixtures.answer(&state, effects, with: [DeliveryFixtures.serverError])
        #expect(state.deliveries?.deliveries.count == 1)
        state.press(.character("/"))
        #expect(loadFilter(state.press(.escape))?.query == nil)
    }

    @Test func aStaleLoadIsIgnored() {
        var state = Fixtures.state()
        let first = state.press(.character("D"))
        let second = state.press(.character("f"))
        DeliveryFixtures.answer(&state, first, with: [DeliveryFixtures.archived])
        #expect(state.deliveries?.hasLoaded == false)
        DeliveryFixtures.answer(&state, second, with: [DeliveryFixtures.paid])
        #expect(state.deliveries?.deliveries.map(\.id) == [DeliveryFixtures.paid.id])
        #expect(state.requests.isEmpty)
    }

    @Test func rRedeliversTheFocusedDeliverysEvent() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("j"))
        let effects = state.press(.character("r"))
        guard case .redeliver(let id, let eventID, let type) = effects.first, effects.count == 1 else {
            Issue.record("expected one redeliver effect, got \(effects)")
            return
        }
        #expect(eventID == DeliveryFixtures.serverError.webhookEvent.id)
        #expect(type == "subscription.canceled")
        _ = update(&state, .redelivered(id, eventType: type))
        #expect(state.status?.line.text == "Redelivery queued for subscription.canceled")
        #expect(state.status?.line.kind == .success)
    }

    @Test func redeliveringAnEventWithTenDeliveriesSaysItIsOneAttempt() {
        var state = Fixtures.state()
        let failed = DeliveryFixtures.serverError
        let attempts = (0..<10).map { index in
            var attempt = failed
            attempt.id = "d2b3c4d5-0000-4000-8000-0000000001\(10 + index)"
            attempt.createdAt = failed.createdAt + Double(index)
            return attempt
        }
        DeliveryFixtures.answer(&state, state.press(.character("D")), with: attempts)
        guard case .redeliver(let id, _, let type) = state.press(.character("r")).first else {
            Issue.record("expected a redeliver effect")
            return
        }
        _ = update(&state, .redelivered(id, eventType: type))
        #expect(
            state.status?.line.text
                == "Redelivery queued for subscription.canceled: it already has 10 deliveries, so Polar makes "
                + "one attempt and does not retry it (the 10-attempt limit counts every delivery)")
        #expect(state.deliveries?.singleAttemptNotes.isEmpty == true)
    }

    @Test func polarsNoteOnAFailureIsNotShownAsTheReceiversBody() {
        let state = DeliveryFixtures.browsing()
        let note = DeliveryFixtures.unreachable
        let noteLines = DeliveryDetailView.lines(
            for: note, texts: DeliveryDetailText(note), state: state, width: 80
        ).map(\.text)
        #expect(noteLines.contains("Polar's note on the failure"))
        #expect(noteLines.contains("No HTTP answer came; Polar stored this instead of a body:"))
        #expect(!noteLines.contains("Response"))
        let body = DeliveryFixtures.serverError
        let bodyLines = DeliveryDetailView.lines(
            for: body, texts: DeliveryDetailText(body), state: state, width: 80
        ).map(\.text)
        #expect(bodyLines.contains("Response"))
        #expect(!bodyLines.contains("Polar's note on the failure"))
    }

    @Test func anArchivedEventIsRefusedInWords() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("G"))
        #expect(state.press(.character("r")).isEmpty)
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.line.text.contains("archived") == true)
    }

    @Test func aFailedRedeliverySaysWhy() {
        var state = DeliveryFixtures.browsing()
        guard case .redeliver(let id, _, _) = state.press(.character("r")).first else {
            Issue.record("no redeliver effect")
            return
        }
        _ = update(&state, .failed(id, .notFound(detail: "Not found")))
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.line.text.hasPrefix("Redelivering order.paid failed") == true)
    }

    @Test func aFailedLoadIsReportedAndTheBrowserStays() {
        var state = Fixtures.state()
        let effects = state.press(.character("D"))
        guard case .loadDeliveries(let id, _, _) = effects.first else {
            Issue.record("no load effect")
            return
        }
        _ = update(&state, .failed(id, .network("timed out")))
        #expect(state.deliveries?.hasLoaded == true)
        #expect(state.status?.line.text.hasPrefix("Could not load deliveries") == true)
        #expect(state.requests.isEmpty)
    }

    @Test func enterOpensTheDetailAndEscGoesBackTwice() {
        var state = DeliveryFixtures.browsing()
        state.press(.enter)
        #expect(state.deliveries?.showingDetail == true)
        state.press(.escape)
        #expect(state.deliveries?.showingDetail == false)
        state.press(.escape)
        #expect(state.deliveries == nil)
        #expect(state.selectedEndpoint?.id == Fixtures.production.id)
    }

    @Test func theCursorAtTheEndFetchesTheNextPage() {
        var state = Fixtures.state()
        let effects = state.press(.character("D"))
        for effect in effects {
            guard case .loadDeliveries(let id, _, _) = effect else { continue }
            _ = update(
                &state,
                .deliveriesPage(id, DeliveryFixtures.all, page: 1, pagination: Pagination(totalCount: 250, maxPage: 3)))
        }
        let next = state.press(.character("G"))
        guard case .loadDeliveries(_, _, let page) = next.first else {
            Issue.record("no next page: \(next)")
            return
        }
        #expect(page == 2)
    }

    @Test func theDetailSanitizesAndPrettyPrints() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("j"), .enter)
        let text = render(state).text
        #expect(text.contains("Internal Error"))
        #expect(!text.contains("\u{1B}"))
        state.press(.escape, .character("g"), .enter)
        #expect(state.deliveries?.detail?.deliveryID == DeliveryFixtures.paid.id)
        let paid = render(state).text
        #expect(paid.contains("\"amount\" : 4200") || paid.contains("\"amount\": 4200"))
    }

    @Test func openingTheDetailPreparesItsTextsOnce() {
        var state = DeliveryFixtures.browsing()
        state.press(.enter)
        let detail = state.deliveries?.detail
        #expect(detail?.deliveryID == DeliveryFixtures.paid.id)
        #expect(detail?.payload?.hasPrefix("{\n  \"type\": \"order.paid\",\n  \"data\": {") == true)
        state.press(.escape)
        #expect(state.deliveries?.detail == nil)
        // Not JSON: shown as it came.
        state.press(.character("j"), .character("j"), .enter)
        #expect(state.deliveries?.detail?.payload == "not json")
    }

    @Test func aReloadNeverClosesOrChangesTheOpenDetail() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("j"), .enter)
        let open = state.deliveries?.detail?.deliveryID
        #expect(open == DeliveryFixtures.serverError.id)
        // The same rows again (a reload): the detail and the cursor stay on that delivery.
        var effects = loadDeliveries(&state, page: 1)
        DeliveryFixtures.answer(&state, effects)
        #expect(state.deliveries?.detail?.deliveryID == open)
        #expect(state.deliveries?.selected?.id == open)
        // The same delivery, its event settled since: the detail shows the newer copy.
        var settled = DeliveryFixtures.serverError
        settled.webhookEvent.succeeded = false
        #expect(settled != DeliveryFixtures.serverError)
        effects = loadDeliveries(&state, page: 1)
        DeliveryFixtures.answer(&state, effects, with: [DeliveryFixtures.paid, settled])
        #expect(state.deliveries?.detail?.delivery == settled)
        // Rows without it (a filter that arrived after Enter): the detail stays on its delivery,
        // drawn and redelivered from its own copy, and Esc comes back to the new rows.
        effects = loadDeliveries(&state, page: 1)
        DeliveryFixtures.answer(&state, effects, with: [DeliveryFixtures.paid])
        #expect(state.deliveries?.detail?.deliveryID == open)
        #expect(state.deliveries?.selected?.id == DeliveryFixtures.paid.id)
        let screen = render(state).text
        #expect(screen.contains("Delivery · \(DeliveryFixtures.serverError.webhookEvent.type.rawValue)"))
        #expect(screen.contains(DeliveryFixtures.serverError.id))
        let redelivery = state.press(.character("r"))
        #expect(
            redelivery.contains {
                if case .redeliver(_, let eventID, _) = $0 {
                    eventID == DeliveryFixtures.serverError.webhookEvent.id
                } else {
                    false
                }
            })
        state.press(.escape)
        #expect(state.deliveries?.detail == nil)
        #expect(render(state).text.contains("Deliveries of"))
    }

    @Test func ctrlRReloadsWithTheSameFiltersAndKeepsTheCursorOnItsDelivery() {
        var state = DeliveryFixtures.browsing()
        DeliveryFixtures.answer(&state, state.press(.character("f")))
        state.press(.character("j"))
        let cursor = state.deliveries?.selected?.id
        #expect(cursor != nil)
        let effects = state.press(.control("r"))
        #expect(loadFilter(effects)?.succeeded == true)
        // Too long for the footer beside the others; `?` lists it with the browser's keys.
        let help = KeyMap.table.helpSections(first: [.deliveries]).first
        #expect(help?.entries.contains { $0.keys == "Ctrl-R" } == true)
        // A newer attempt arrives above: the cursor moves down a row with its delivery.
        var newer = DeliveryFixtures.paid
        newer.id = "b2f0c9c1-0000-4000-8000-000000000099"
        newer.createdAt = Date(timeIntervalSince1970: 2_000_000_000)
        DeliveryFixtures.answer(&state, effects, with: [newer] + DeliveryFixtures.all)
        #expect(state.deliveries?.selected?.id == cursor)
        #expect(state.deliveries?.list.selected == 2)
        // Its delivery gone from page 1: the cursor keeps its row rather than jump to the top.
        let again = state.press(.control("r"))
        DeliveryFixtures.answer(&state, again, with: [newer] + DeliveryFixtures.all.filter { $0.id != cursor })
        #expect(state.deliveries?.selected?.id != cursor)
        #expect(state.deliveries?.list.selected == 2)
    }

    @Test func leavingWhileRowsLoadCancelsTheRequestQuietly() {
        var state = Fixtures.state()
        guard case .loadDeliveries(let id, _, _) = state.press(.character("D")).first else {
            Issue.record("no load effect")
            return
        }
        #expect(state.press(.escape) == [.cancel(id)])
        #expect(state.deliveries == nil)
        #expect(!state.isBusy)
        // The cancelled request's answer comes back later and says nothing.
        _ = update(&state, .failed(id, .cancelled))
        #expect(state.status == nil)
    }

    @Test func aNewFilterCancelsTheLoadItReplaces() {
        var state = DeliveryFixtures.browsing()
        guard case .loadDeliveries(let first, _, _) = state.press(.character("f")).first else {
            Issue.record("no load effect")
            return
        }
        let effects = state.press(.character("c"))
        #expect(effects.first == .cancel(first))
        #expect(loadFilter(effects)?.httpCodeClass == .success)
        _ = update(&state, .failed(first, .cancelled))
        #expect(state.status == nil)
        #expect(state.deliveries?.loadRequest != first)
    }

    // MARK: T: event types

    @Test func tPicksEventTypesAndEnterSendsThemToTheServer() {
        var state = DeliveryFixtures.browsing()
        #expect(state.press(.character("T")).isEmpty)
        #expect(state.deliveries?.typePicker != nil)
        // The first group is open: its first two types.
        state.press(.character("j"), .character(" "), .character("j"), .character(" "))
        let expected = WebhookEventCatalog.groups[0].entries.prefix(2).map(\.type)
        let filter = loadFilter(state.press(.enter))
        #expect(filter?.eventTypes == expected)
        #expect(filter?.endpointIds == [Fixtures.production.id])
        #expect(state.deliveries?.typePicker == nil)
        #expect(state.deliveries?.eventTypes == expected)
        #expect(render(state).text.contains("2 types"))
        // The next filter change keeps the types.
        #expect(loadFilter(state.press(.character("f")))?.eventTypes == expected)
    }

    @Test func escLeavesTheTypeFilterAsItWas() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("T"), .character("j"), .character(" "))
        #expect(state.press(.escape).isEmpty)
        #expect(state.deliveries?.typePicker == nil)
        #expect(state.deliveries?.eventTypes == [])
        #expect(state.deliveries != nil)
        // Reopened, nothing is checked; Enter with no change loads nothing.
        state.press(.character("T"))
        #expect(state.deliveries?.typePicker?.checked.isEmpty == true)
        #expect(state.press(.enter).isEmpty)
    }

    @Test func slashInTheTypePickerNarrowsTheTypes() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("T"), .character("/"))
        #expect(state.deliveries?.isEditingTypeFilter == true)
        state.type("refund.cre")
        let visible = state.deliveries?.typePicker?.rows.count ?? 0
        #expect(visible > 0 && visible < 10)
        #expect(render(state).text.contains("/refund.cre"))
        // Enter keeps the text and goes back to the types; Space then checks the focused one.
        state.press(.enter)
        #expect(state.deliveries?.isEditingTypeFilter == false)
        #expect(state.deliveries?.typePicker?.filter == "refund.cre")
        state.press(.character("j"), .character(" "))
        let checked = state.deliveries?.typePicker.map { EventTree.types(in: $0) } ?? []
        #expect(checked == ["refund.created"])
        // Esc while typing clears the text; the check stays.
        state.press(.character("/"), .escape)
        #expect(state.deliveries?.typePicker?.filter == "")
        #expect(state.deliveries?.typePicker.map { EventTree.types(in: $0) } == checked)
        #expect(loadFilter(state.press(.enter))?.eventTypes == checked)
    }

    @Test func helpInTheBrowserStartsWithItsKeys() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("?"))
        #expect(state.help?.sections.first?.title == "Deliveries")
        state.press(.escape, .character("T"), .character("?"))
        #expect(state.help?.sections.first?.title == "Event type filter")
        // Every section is still there, each once.
        #expect(state.help?.sections.count == KeyMap.table.helpSections.count)
    }

    @Test func checkingEveryTypeMeansNoTypeFilter() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("T"), .character("j"), .character(" "), .enter)
        state.press(.character("T"), .character("a"))
        #expect(loadFilter(state.press(.enter))?.eventTypes == [])
    }

    // MARK: B: redeliver all failed in view

    /// The fixtures plus a second failed delivery of the 500's event and a failed archived one.
    func browsingWithDuplicates() -> DashboardState {
        var state = Fixtures.state()
        let retry = WebhookDelivery(
            createdAt: Fixtures.now - 60, modifiedAt: nil, id: "d5-retry", succeeded: false, httpCode: 502,
            response: nil, webhookEvent: DeliveryFixtures.serverError.webhookEvent)
        let archivedFailure = WebhookDelivery(
            createdAt: Fixtures.now - 95 * 86_400, modifiedAt: nil, id: "d6-archived", succeeded: false,
            httpCode: 500, response: nil,
            webhookEvent: DeliveryFixtures.event(
                "e6-archived", "order.updated", at: Fixtures.now - 95 * 86_400, payload: nil))
        let effects = state.press(.character("D"))
        DeliveryFixtures.answer(&state, effects, with: DeliveryFixtures.all + [retry, archivedFailure])
        return state
    }

    func redeliveries(_ effects: [Effect]) -> [(RequestID, String)] {
        effects.compactMap { effect in
            if case .redeliver(let id, let eventID, _) = effect { return (id, eventID) }
            return nil
        }
    }

    @Test func bAsksFirstAndNoIsTheDefault() {
        var state = browsingWithDuplicates()
        #expect(state.press(.character("B")).isEmpty)
        guard case .redeliverFailed(let events, let skipped, let endpoint) = state.confirmation?.kind else {
            Issue.record("no confirmation: \(String(describing: state.confirmation))")
            return
        }
        #expect(
            events.map(\.id) == [
                DeliveryFixtures.serverError.webhookEvent.id, DeliveryFixtures.unreachable.webhookEvent.id,
            ])
        #expect(skipped == 1)
        #expect(endpoint == Fixtures.production.displayName)
        let text = render(state).text
        #expect(text.contains("Redeliver 2 failed events to"))
        #expect(text.contains("1 archived event"))
        // Enter answers the focused button, which is No.
        #expect(state.press(.enter).isEmpty)
        #expect(state.confirmation == nil)
        #expect(!state.isBusy)
        state.press(.character("B"))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.confirmation == nil)
    }

    @Test func yesRedeliversEachFailedEventOnceAndSpeaksOnce() {
        var state = browsingWithDuplicates()
        state.press(.character("B"))
        let sent = redeliveries(state.press(.character("y")))
        #expect(
            sent.map(\.1) == [
                DeliveryFixtures.serverError.webhookEvent.id, DeliveryFixtures.unreachable.webhookEvent.id,
            ])
        #expect(state.isBusy)
        _ = update(&state, .redelivered(sent[0].0, eventType: "subscription.canceled"))
        #expect(state.status == nil)
        _ = update(&state, .redelivered(sent[1].0, eventType: "order.created"))
        #expect(state.status?.line.text == "Redelivery queued for 2 events (1 archived event skipped)")
        #expect(state.status?.line.kind == .success)
        #expect(state.requests.isEmpty)
    }

    @Test func aPartlyFailedBatchSaysHowManyFailedAndWhy() {
        var state = DeliveryFixtures.browsing()
        state.press(.character("B"))
        let sent = redeliveries(state.press(.character("y")))
        #expect(sent.count == 2)
        _ = update(&state, .failed(sent[0].0, .notFound(detail: "Not found")))
        _ = update(&state, .redelivered(sent[1].0, eventType: "order.created"))
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.line.text.hasPrefix("Redelivery queued for 1 of 2 events; 1 failed: ") == true)
        #expect(state.requests.isEmpty)
    }

    @Test func bWithOnlyArchivedFailuresRefusesInWords() {
        var state = Fixtures.state()
        let effects = state.press(.character("D"))
        let archivedFailure = WebhookDelivery(
            createdAt: Fixtures.now - 95 * 86_400, modifiedAt: nil, id: "d6-archived", succeeded: false,
            httpCode: 500, response: nil,
            webhookEvent: DeliveryFixtures.event(
                "e6-archived", "order.updated", at: Fixtures.now - 95 * 86_400, payload: nil))
        DeliveryFixtures.answer(&state, effects, with: [DeliveryFixtures.paid, archivedFailure])
        #expect(state.press(.character("B")).isEmpty)
        #expect(state.confirmation == nil)
        #expect(state.status?.line.text.contains("archived") == true)
    }
}
