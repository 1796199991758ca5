/// How the dashboard uses the terminal and the network while it is open.
public struct DashboardOptions: Sendable {
    /// False for NO_COLOR / `--no-color`: attributes only.
    public var color = true
    /// Mouse reporting, off unless asked for (`--mouse`).
    public var mouse = false
    /// Seconds between background refreshes of the list and of delivery health; 0 turns
    /// background refresh off (`--refresh`).
    public var refreshInterval: Double = 15
    /// Requests a minute background refresh may spend (`--refresh-budget`).
    public var refreshBudget = 20
    /// Ring the terminal bell once when an endpoint starts failing, nears or reaches Polar's
    /// disable threshold (`--bell`).
    public var bell = false

    public init(
        color: Bool = true, mouse: Bool = false, refreshInterval: Double = 15, refreshBudget: Int = 20,
        bell: Bool = false
    ) {
        self.color = color
        self.mouse = mouse
        self.refreshInterval = refreshInterval
        self.refreshBudget = refreshBudget
        self.bell = bell
    }
}
