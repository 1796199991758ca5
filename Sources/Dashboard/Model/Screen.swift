import TerminalUI

/// What fills the body of the dashboard. Exactly one screen shows at a time; dialogs and
/// help are ``Overlay``s drawn over it.
enum Screen: Sendable {
    /// No token yet: paste one, or try the demo.
    case firstRun(FirstRunState)
    /// The endpoint list and its detail pane.
    case endpoints
    /// The create or edit form, over the endpoint list.
    case form(EndpointForm)
    /// `D`: the deliveries browser of one endpoint.
    case deliveries(DeliveriesState)
}

/// Something drawn over the screen that takes the keys until it closes: the last one in
/// ``DashboardState/overlays`` is on top.
enum Overlay: Sendable {
    case confirmation(Confirmation)
    case help(HelpOverlay)
}

/// What is in front, in the one order of precedence that `handleKey`, `activeKeyContexts` and
/// `render` all follow: a terminal too small to draw in, then the overlay on top, then the
/// screen. ``DashboardState/front`` is where that order is written.
enum Front: Sendable {
    case tooSmall
    case overlay(Overlay)
    case screen(Screen)
}

/// Why the loop ended.
enum QuitReason: Hashable, Sendable {
    /// `q`, or yes to a question that quits.
    case quit
    /// Ctrl-C: the program exits as a process interrupted by SIGINT would (status 130).
    case interrupt
}
