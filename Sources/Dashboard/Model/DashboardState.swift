import FoundationEssentials
import PolarAPI
import TerminalUI

/// Everything the dashboard shows. `update` changes it; `render` draws it. No I/O, no clock:
/// the time is `now`, moved on by ``Action/tick(_:)``.
struct DashboardState: Sendable {
    var size: Size
    var now: Date
    /// For "created" and "modified" times; UTC in tests.
    var timeZone: DisplayTimeZone
    var environment: PolarEnvironment
    var tokenKind: TokenKind

    var organizations: [Organization] = []
    /// `o` narrows the list to one organization (user tokens).
    var organizationFilter: String?

    var endpoints: [WebhookEndpoint] = []
    /// Indices into `endpoints` that pass the filter, in list order.
    private(set) var visible: [Int] = []
    /// What the server said the total is, while pages are still arriving.
    var totalCount: Int?
    /// True once the first load finished (an empty list then means "none", not "loading").
    var hasLoaded = false
    /// Why the last load of the list failed, until one succeeds: an empty list then means
    /// "not loaded", never "no endpoints".
    var loadFailure: PolarError?
    /// Items of the last load that could not be read: left out of the list, and said so.
    var unreadableEndpoints: [UnreadableItem] = []
    var list = ScrollList()
    var filter = TextField()
    var isEditingFilter = false
    var focus: Pane = .list
    /// Narrow terminals: the detail pane replaces the list.
    var showingDetail = false
    var detailScroll = 0
    var secretRevealed = false
    /// The endpoint whose secret is shown once after create or reset.
    var freshSecretEndpointID: String?

    /// What fills the body: the first-run screen, the endpoints, a form or the deliveries.
    var screen: Screen = .endpoints
    /// Dialogs and help over the screen; the last is on top and takes the keys.
    var overlays: [Overlay] = []
    var status: StatusMessage?

    var requests: [RequestID: PendingRequest] = [:]
    var nextRequestNumber = 1
    var loadRequest: RequestID?
    /// The next page of the load in flight replaces the list (a reload keeps the old rows
    /// on screen until the new ones arrive).
    var loadReplacesList = false
    /// Say "Loaded N endpoints" when the load ends (a reload the user asked for).
    var announceLoad = false
    /// Background refresh of the list and of delivery health (off in tests unless set).
    var live = LiveRefresh.off
    /// Set when the loop is to end after this frame, and why.
    var quitReason: QuitReason?
    var shouldQuit: Bool { quitReason != nil }

    init(
        size: Size, now: Date, timeZone: DisplayTimeZone = .local, environment: PolarEnvironment,
        tokenKind: TokenKind
    ) {
        self.size = size
        self.now = now
        self.timeZone = timeZone
        self.environment = environment
        self.tokenKind = tokenKind
    }

    /// A state for the first-run screen (no connection yet).
    static func firstRun(size: Size, now: Date, timeZone: DisplayTimeZone = .local)
        -> DashboardState
    {
        var state = DashboardState(
            size: size, now: now, timeZone: timeZone, environment: .sandbox, tokenKind: .unknown)
        state.screen = .firstRun(FirstRunState())
        return state
    }

    /// The endpoint under the cursor.
    var selectedEndpoint: WebhookEndpoint? {
        guard visible.indices.contains(list.selected),
            endpoints.indices.contains(visible[list.selected])
        else {
            return nil
        }
        return endpoints[visible[list.selected]]
    }

    /// Changes the endpoints and recomputes the rows, keeping the selected endpoint selected
    /// (or `selecting` one) — `visible` holds indices, so they must be re-derived together.
    mutating func changeEndpoints(
        selecting id: String? = nil, _ change: (inout [WebhookEndpoint]) -> Void
    ) {
        let keep = id ?? selectedEndpoint?.id
        change(&endpoints)
        visible = []
        refreshVisible(selecting: keep)
    }

    var isWide: Bool { size.width >= 100 }

    /// Whether the request spinner is turning.
    var isBusy: Bool { !requests.isEmpty }

    /// The organization's name, when the token sees one organization (or the list is narrowed).
    var organizationName: String? {
        if let organizationFilter { return organizations.first { $0.id == organizationFilter }?.name }
        if organizations.count == 1 { return organizations[0].name }
        return nil
    }

    func organizationName(id: String) -> String? { organizations.first { $0.id == id }?.name }

    /// Recomputes the visible rows after the endpoints or the filter changed, keeping the
    /// same endpoint selected when it is still there.
    mutating func refreshVisible(selecting id: String? = nil) {
        let keep = id ?? selectedEndpoint?.id
        let needle = filter.text.lowercased()
        visible = endpoints.indices.filter { index in
            let endpoint = endpoints[index]
            if let organizationFilter, endpoint.organizationId != organizationFilter { return false }
            guard !needle.isEmpty else { return true }
            return endpoint.url.lowercased().contains(needle)
                || (endpoint.name?.lowercased().contains(needle) ?? false)
                || endpoint.id.lowercased().contains(needle) || endpoint.format.rawValue.contains(needle)
        }
        let rows = Layout(size: size).listRows
        list.setCount(visible.count, visibleRows: rows)
        if let keep, let position = visible.firstIndex(where: { endpoints[$0].id == keep }) {
            list.select(position, visibleRows: rows)
        }
    }

    /// A fresh id for a background request: not in ``requests``, so no spinner turns and Esc
    /// leaves it alone.
    mutating func makeBackgroundRequest() -> RequestID {
        let id = RequestID(nextRequestNumber)
        nextRequestNumber += 1
        return id
    }

    /// A fresh request id.
    mutating func makeRequest(_ kind: PendingRequest.Kind, label: String) -> RequestID {
        let id = RequestID(nextRequestNumber)
        nextRequestNumber += 1
        requests[id] = PendingRequest(id: id, kind: kind, label: label)
        return id
    }
}
