import Foundation
import TerminalUI

/// Draws the whole screen for `state` at `size` (the state's own size unless given). Pure:
/// the same state always gives the same canvas, which is what the snapshot tests compare.
public func render(_ state: DashboardState, size: Size? = nil) -> Canvas {
    var state = state
    if let size { state.size = size }
    var canvas = Canvas(size: state.size)
    let layout = Layout(size: state.size)
    if layout.isTooSmall {
        TooSmallView.draw(into: &canvas, size: state.size)
        return canvas
    }
    if let firstRun = state.firstRun {
        FirstRunView.draw(firstRun, state: state, into: &canvas)
        return canvas
    }
    HeaderView.draw(state, into: &canvas, in: layout.header)
    if let form = state.form {
        FormView.draw(form, state: state, into: &canvas, in: layout.form)
    } else if let deliveries = state.deliveries {
        if deliveries.showingDetail {
            DeliveryDetailView.draw(deliveries, state: state, into: &canvas, in: layout.body)
        } else {
            DeliveriesView.draw(deliveries, state: state, into: &canvas, in: layout.body)
        }
    } else if state.isWide {
        EndpointListView.draw(state, into: &canvas, in: layout.list)
        EndpointDetailView.draw(state, into: &canvas, in: layout.detail)
    } else if state.showingDetail {
        EndpointDetailView.draw(state, into: &canvas, in: layout.detail)
    } else {
        EndpointListView.draw(state, into: &canvas, in: layout.list)
    }
    if let confirmation = state.confirmation {
        canvas.drawDialog(DialogText.dialog(for: confirmation, state: state), in: layout.body)
    }
    if let help = state.help {
        canvas.drawHelpOverlay(help, in: layout.body)
    }
    FooterView.draw(state, into: &canvas, hints: layout.footer, status: layout.status)
    return canvas
}
