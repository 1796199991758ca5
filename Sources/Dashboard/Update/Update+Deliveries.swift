import PolarAPI
import TerminalUI

/// `D` on an endpoint: opens its deliveries and loads the first page.
func openDeliveries(_ state: inout DashboardState) -> [Effect] {
    guard let endpoint = requireSelection(&state, verb: "show the deliveries of") else { return [] }
    state.deliveries = DeliveriesState(endpointID: endpoint.id, endpointName: endpoint.displayName)
    return loadDeliveries(&state, page: 1)
}

/// Asks for one page for the current filters; page 1 replaces the rows when it arrives.
func loadDeliveries(_ state: inout DashboardState, page: Int) -> [Effect] {
    guard var browser = state.deliveries else { return [] }
    var effects: [Effect] = []
    // A new filter makes the rows still loading for the old one useless.
    if let previous = browser.loadRequest {
        state.requests[previous] = nil
        effects.append(.cancel(previous))
    }
    let id = state.makeRequest(.loadDeliveries, label: "Loading deliveries")
    browser.loadRequest = id
    if page == 1 { browser.hasLoaded = false }
    state.deliveries = browser
    return effects + [.loadDeliveries(id, browser.filter, page: page)]
}

func handleDeliveriesKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var browser = state.deliveries else { return [] }
    if browser.isEditingSearch { return handleDeliverySearchKey(&state, key) }
    if browser.isEditingTypeFilter { return handleTypeFilterKey(&state, key) }
    if browser.typePicker != nil { return handleTypePickerKey(&state, key) }
    let contexts: [KeyContext] =
        browser.showingDetail ? [.deliveryDetail, .lists, .global] : [.deliveries, .lists, .global]
    guard let command = KeyMap.command(for: key, in: contexts) else { return [] }
    let rows = Layout(size: state.size).deliveryRows
    switch command {
    case .up, .down, .top, .bottom, .pageUp, .pageDown, .halfPageUp, .halfPageDown:
        if browser.showingDetail {
            browser.detailScroll = scrolled(browser.detailScroll, command, page: rows)
            state.deliveries = browser
            return []
        }
        browser.list.move(movement(for: command), visibleRows: rows)
        browser.markSeen()
        state.deliveries = browser
        // The cursor at the last row fetches the next page, if any.
        if browser.list.selected == browser.deliveries.count - 1, browser.hasMore, browser.loadRequest == nil {
            return loadDeliveries(&state, page: browser.page + 1)
        }
    case .statusFilter:
        let all = DeliveriesState.StatusFilter.allCases
        let index = all.firstIndex(of: browser.status).map { ($0 + 1) % all.count } ?? 0
        browser.status = all[index]
        state.deliveries = browser
        return loadDeliveries(&state, page: 1)
    case .httpClassFilter:
        browser.httpClass = DeliveryFilter.HTTPCodeClass.next(after: browser.httpClass)
        state.deliveries = browser
        return loadDeliveries(&state, page: 1)
    case .eventTypeFilter:
        guard !browser.showingDetail else { return [] }
        browser.typePicker = EventTree.typeFilter(checked: browser.eventTypes)
        browser.typeFilter = TextField()
        state.deliveries = browser
    case .redeliverAllFailed:
        guard !browser.showingDetail else { return [] }
        askToRedeliverFailed(&state)
    case .search:
        browser.isEditingSearch = true
        state.deliveries = browser
    case .open:
        guard let delivery = browser.selected else { return [] }
        browser.detail = DeliveryDetailText(delivery)
        browser.detailScroll = 0
        state.deliveries = browser
    case .redeliver:
        return redeliver(&state)
    case .reload:
        guard !browser.showingDetail else { return [] }
        return loadDeliveries(&state, page: 1)
    case .back:
        if browser.showingDetail {
            browser.detail = nil
            state.deliveries = browser
        } else {
            state.deliveries = nil
            // Nobody is waiting for the rows any more: stop the request rather than let it run.
            if let load = browser.loadRequest {
                state.requests[load] = nil
                return [.cancel(load)]
            }
        }
    default:
        return handleGlobalCommand(&state, command)
    }
    return []
}

func handleDeliverySearchKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var browser = state.deliveries else { return [] }
    switch KeyMap.command(for: key, in: [.deliverySearch]) {
    case .open:
        browser.isEditingSearch = false
        state.deliveries = browser
        return loadDeliveries(&state, page: 1)
    case .back:
        browser.isEditingSearch = false
        let hadSearch = !browser.search.isEmpty
        browser.search = TextField()
        state.deliveries = browser
        return hadSearch ? loadDeliveries(&state, page: 1) : []
    default:
        _ = browser.search.handle(key)
        state.deliveries = browser
        return []
    }
}

/// The `T` picker: Space toggles, Enter applies (and loads again when the types changed), Esc
/// leaves the filter as it was.
func handleTypePickerKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var browser = state.deliveries, var picker = browser.typePicker else { return [] }
    let rows = Layout(size: state.size).typePickerRows
    let command = KeyMap.command(for: key, in: [.eventTypePicker, .global])
    switch command {
    case .pickerDown: picker.move(.down, visibleRows: rows)
    case .pickerUp: picker.move(.up, visibleRows: rows)
    case .toggleItem: picker.toggleFocused()
    case .toggleAll: picker.toggleAll()
    case .pickerFilter: browser.isEditingTypeFilter = true
    case .open:
        var types = EventTree.types(in: picker)
        // Every type checked shows what no filter shows; say nothing rather than 42 types.
        if types == WebhookEventCatalog.allTypes {
            types = []
        }
        browser.typePicker = nil
        let changed = types != browser.eventTypes
        browser.eventTypes = types
        state.deliveries = browser
        return changed ? loadDeliveries(&state, page: 1) : []
    case .back:
        browser.typePicker = nil
        state.deliveries = browser
        return []
    default:
        return handleGlobalCommand(&state, command)
    }
    browser.typePicker = picker
    state.deliveries = browser
    return []
}

/// Typing after `/` in the `T` picker narrows its types; Enter keeps the text, Esc clears it.
func handleTypeFilterKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var browser = state.deliveries, var picker = browser.typePicker else { return [] }
    let rows = Layout(size: state.size).typePickerRows
    switch KeyMap.command(for: key, in: [.filter]) {
    case .open:
        browser.isEditingTypeFilter = false
    case .back:
        browser.isEditingTypeFilter = false
        browser.typeFilter = TextField()
        picker.setFilter("", visibleRows: rows)
    default:
        if browser.typeFilter.handle(key) == .changed {
            picker.setFilter(browser.typeFilter.text, visibleRows: rows)
        }
    }
    browser.typePicker = picker
    state.deliveries = browser
    return []
}

/// `B`: asks before sending every failed event in view again, saying how many and where.
func askToRedeliverFailed(_ state: inout DashboardState) {
    guard let browser = state.deliveries else { return }
    if browser.redeliveryBatch != nil {
        state.status = .info("A redelivery of the failed events is still running.", now: state.now)
        return
    }
    let (events, archived) = browser.failedEventsInView
    guard !events.isEmpty else {
        state.status =
            archived > 0
            ? .error(
                "Nothing to redeliver: the \(counted(archived, "failed event")) in view \(archived == 1 ? "is" : "are") "
                    + "archived (payloads are removed after 90 days).")
            : .info("No failed deliveries in view.", now: state.now)
        return
    }
    state.confirmation = Confirmation(
        .redeliverFailed(events: events, skippedArchived: archived, endpointName: browser.endpointName))
}

/// After yes to `B`: one redeliver effect per event, tracked as one batch.
func redeliverAll(_ state: inout DashboardState, _ events: [RedeliveryBatch.Event], skippedArchived: Int)
    -> [Effect]
{
    guard state.deliveries != nil, !events.isEmpty else { return [] }
    var effects: [Effect] = []
    var ids: Set<RequestID> = []
    let label = "Redelivering \(counted(events.count, "failed event"))"
    for event in events {
        let id = state.makeRequest(.redeliver, label: label)
        ids.insert(id)
        effects.append(.redeliver(id, eventID: event.id, eventType: event.type))
    }
    state.deliveries?.redeliveryBatch = RedeliveryBatch(pending: ids, skippedArchived: skippedArchived)
    return effects
}

/// Counts one answer of a `B` batch; false when `id` is not in it. Speaks when the last is in.
func countBatchAnswer(_ state: inout DashboardState, _ id: RequestID, error: PolarError?) -> Bool {
    guard var batch = state.deliveries?.redeliveryBatch, batch.pending.contains(id) else { return false }
    state.requests[id] = nil
    batch.pending.remove(id)
    if let error {
        batch.failed += 1
        if batch.firstError == nil { batch.firstError = error.description }
    } else {
        batch.queued += 1
    }
    if batch.isDone {
        state.deliveries?.redeliveryBatch = nil
        state.status =
            batch.failed == 0 ? .success(batch.summary, now: state.now) : .error(batch.summary)
    } else {
        state.deliveries?.redeliveryBatch = batch
    }
    return true
}

/// `r`: a new delivery of the focused delivery's event. An archived event has no payload
/// left to send, so it is refused here rather than silently accepted by the server.
func redeliver(_ state: inout DashboardState) -> [Effect] {
    // In the detail, the delivery read is the one meant, even when the rows have moved on.
    guard let delivery = state.deliveries?.detail?.delivery ?? state.deliveries?.selected else {
        state.status = .info("No delivery to redeliver.", now: state.now)
        return []
    }
    let event = delivery.webhookEvent
    if event.isArchived || event.payload == nil {
        state.status = .error(
            "Cannot redeliver \(event.type.rawValue): the event is archived (payloads are removed after 90 days).")
        return []
    }
    let id = state.makeRequest(.redeliver, label: "Redelivering \(event.type.rawValue)")
    let seen = state.deliveries?.deliveries.count { $0.webhookEvent.id == event.id } ?? 0
    state.deliveries?.singleAttemptNotes[id] = RedeliveryRule.singleAttemptNote(afterDeliveries: seen)
    return [.redeliver(id, eventID: event.id, eventType: event.type)]
}

func handleDeliveriesResult(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .deliveriesPage(let id, let items, let page, let pagination, let unreadable):
        state.requests[id] = nil
        guard var browser = state.deliveries, browser.loadRequest == id else { return [] }
        browser.loadRequest = nil
        let rows = Layout(size: state.size).deliveryRows
        browser.add(items, replacing: page == 1, visibleRows: rows)
        // An open detail stays open on its own copy of the delivery. While the delivery is still
        // listed the cursor follows it, so Esc comes back to its row, and a newer copy (its event
        // settled since) replaces the old one; its texts are prepared again only then.
        if let open = browser.detail?.delivery,
            let index = browser.deliveries.firstIndex(where: { $0.id == open.id })
        {
            browser.list.select(index, visibleRows: rows)
            if browser.deliveries[index] != open { browser.detail = DeliveryDetailText(browser.deliveries[index]) }
        }
        browser.page = page
        browser.maxPage = pagination.maxPage
        browser.totalCount = pagination.totalCount
        browser.hasLoaded = true
        state.deliveries = browser
        if let summary = UnreadableItem.summary(unreadable, singular: "delivery", plural: "deliveries") {
            state.status = .error(summary)
        }
    case .redelivered(let id, let eventType):
        if countBatchAnswer(&state, id, error: nil) { return [] }
        state.requests[id] = nil
        let note = state.deliveries?.singleAttemptNotes.removeValue(forKey: id)
        state.status = .success(
            "Redelivery queued for \(eventType.rawValue)" + (note.map { ": \($0)" } ?? ""), now: state.now)
    default:
        break
    }
    return []
}

/// A failed deliveries load or `B` redelivery; false when `id` is neither.
func deliveriesLoadFailed(_ state: inout DashboardState, _ id: RequestID, _ error: PolarError) -> Bool {
    if countBatchAnswer(&state, id, error: error) { return true }
    guard var browser = state.deliveries, browser.loadRequest == id else { return false }
    state.requests[id] = nil
    browser.loadRequest = nil
    browser.hasLoaded = true
    state.deliveries = browser
    state.status =
        error == .cancelled
        ? .info("Stopped loading.", now: state.now) : .error("Could not load deliveries: \(error)")
    return true
}

private func scrolled(_ scroll: Int, _ command: DashboardCommand, page: Int) -> Int {
    let next: Int =
        switch command {
        case .up: scroll - 1
        case .down: scroll + 1
        case .top: 0
        case .bottom: 10_000
        case .pageUp, .halfPageUp: scroll - page / 2
        default: scroll + page / 2
        }
    return max(0, min(next, 10_000))
}
