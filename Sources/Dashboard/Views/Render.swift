import FoundationEssentials
import TerminalUI

/// Draws the whole screen for `state` at `size` (the state's own size unless given). Pure:
/// the same state always gives the same canvas, which is what the snapshot tests compare.
func render(_ state: DashboardState, size: Size? = nil) -> Canvas {
    var state = state
    if let size { state.size = size }
    var canvas = Canvas(size: state.size)
    let layout = Layout(size: state.size, wideList: state.live.isOn)
    // Too small: only its notice. Otherwise the screen is drawn first and the overlays over it.
    if case .tooSmall = state.front {
        TooSmallView.draw(into: &canvas, size: state.size)
        return canvas
    }
    if case .firstRun(let firstRun) = state.screen {
        FirstRunView.draw(firstRun, state: state, into: &canvas)
        return canvas
    }
    HeaderView.draw(state, into: &canvas, in: layout.header)
    switch state.screen {
    case .firstRun:
        break
    case .form(let form):
        FormView.draw(form, state: state, into: &canvas, in: layout.form)
    case .deliveries(let deliveries) where deliveries.showingDetail:
        DeliveryDetailView.draw(deliveries, state: state, into: &canvas, in: layout.body)
    case .deliveries(let deliveries):
        DeliveriesView.draw(deliveries, state: state, into: &canvas, in: layout.body)
    case .endpoints where state.isWide:
        EndpointListView.draw(state, into: &canvas, in: layout.list)
        EndpointDetailView.draw(state, into: &canvas, in: layout.detail)
    case .endpoints where state.showingDetail:
        EndpointDetailView.draw(state, into: &canvas, in: layout.detail)
    case .endpoints:
        EndpointListView.draw(state, into: &canvas, in: layout.list)
    }
    for overlay in state.overlays {
        switch overlay {
        case .confirmation(let confirmation):
            canvas.drawDialog(DialogText.dialog(for: confirmation, state: state), in: layout.body)
        case .help(let help):
            canvas.drawHelpOverlay(help, in: layout.body)
        }
    }
    FooterView.draw(state, into: &canvas, hints: layout.footer, status: layout.status)
    return canvas
}
