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
    if let previous = browser.loadRequest { state.requests[previous] = nil }
    let id = state.makeRequest(.loadDeliveries, label: "Loading deliveries")
    browser.loadRequest = id
    if page == 1 { browser.hasLoaded = false }
    state.deliveries = browser
    return [.loadDeliveries(id, browser.filter, page: page)]
}

func handleDeliveriesKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    guard var browser = state.deliveries else { return [] }
    if browser.isEditingSearch { return handleDeliverySearchKey(&state, key) }
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
    case .search:
        browser.isEditingSearch = true
        state.deliveries = browser
    case .open:
        guard browser.selected != nil else { return [] }
        browser.showingDetail = true
        browser.detailScroll = 0
        state.deliveries = browser
    case .redeliver:
        return redeliver(&state)
    case .back:
        if browser.showingDetail {
            browser.showingDetail = false
            state.deliveries = browser
        } else {
            if let load = browser.loadRequest { state.requests[load] = nil }
            state.deliveries = nil
        }
    case .help:
        state.help = HelpOverlay(title: "Keys", sections: KeyMap.table.helpSections)
    case .quit:
        state.shouldQuit = true
        return [.quit]
    default:
        break
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

/// `r`: a new delivery of the focused delivery's event. An archived event has no payload
/// left to send, so it is refused here rather than silently accepted by the server.
func redeliver(_ state: inout DashboardState) -> [Effect] {
    guard let delivery = state.deliveries?.selected else {
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
    return [.redeliver(id, eventID: event.id, eventType: event.type)]
}

func handleDeliveriesResult(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    switch action {
    case .deliveriesPage(let id, let items, let page, let pagination):
        state.requests[id] = nil
        guard var browser = state.deliveries, browser.loadRequest == id else { return [] }
        browser.loadRequest = nil
        browser.add(items, replacing: page == 1, visibleRows: Layout(size: state.size).deliveryRows)
        browser.page = page
        browser.maxPage = pagination.maxPage
        browser.totalCount = pagination.totalCount
        browser.hasLoaded = true
        state.deliveries = browser
    case .redelivered(let id, let eventType):
        state.requests[id] = nil
        state.status = .success("Redelivery queued for \(eventType.rawValue)", now: state.now)
    default:
        break
    }
    return []
}

/// A failed deliveries load; false when `id` is not the browser's load.
func deliveriesLoadFailed(_ state: inout DashboardState, _ id: RequestID, _ error: PolarError) -> Bool {
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
