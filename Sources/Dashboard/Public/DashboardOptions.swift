/// How the dashboard uses the terminal.
public struct DashboardOptions: Sendable {
    /// False for NO_COLOR / `--no-color`: attributes only.
    public var color = true
    /// Mouse reporting, off unless asked for (`--mouse`).
    public var mouse = false

    public init(color: Bool = true, mouse: Bool = false) {
        self.color = color
        self.mouse = mouse
    }
}
