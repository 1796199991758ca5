import TerminalUI

/// The screen and overlay a piece of update code works on, read and written through the
/// ``DashboardState/screen`` and ``DashboardState/overlays`` that hold them. Assigning nil
/// closes the thing (a closed form or browser goes back to the endpoint list).
extension DashboardState {
    /// What takes the keys, what the footer hints at and what is drawn last.
    var front: Front {
        if Layout(size: size).isTooSmall { return .tooSmall }
        if let top = overlays.last { return .overlay(top) }
        return .screen(screen)
    }

    var firstRun: FirstRunState? {
        get { if case .firstRun(let value) = screen { value } else { nil } }
        set {
            if let newValue {
                screen = .firstRun(newValue)
            } else if case .firstRun = screen {
                screen = .endpoints
            }
        }
    }

    var form: EndpointForm? {
        get { if case .form(let value) = screen { value } else { nil } }
        set {
            if let newValue {
                screen = .form(newValue)
            } else if case .form = screen {
                screen = .endpoints
            }
        }
    }

    var deliveries: DeliveriesState? {
        get { if case .deliveries(let value) = screen { value } else { nil } }
        set {
            if let newValue {
                screen = .deliveries(newValue)
            } else if case .deliveries = screen {
                screen = .endpoints
            }
        }
    }

    /// The question on top, if a question is on top.
    var confirmation: Confirmation? {
        get { if case .confirmation(let value)? = overlays.last { value } else { nil } }
        set {
            setTopOverlay(newValue.map { .confirmation($0) }) { if case .confirmation = $0 { true } else { false } }
        }
    }

    /// The help screen, if it is on top.
    var help: HelpOverlay? {
        get { if case .help(let value)? = overlays.last { value } else { nil } }
        set { setTopOverlay(newValue.map { .help($0) }) { if case .help = $0 { true } else { false } } }
    }

    /// Puts `overlay` on top in place of one of its kind already on top, or closes that one.
    private mutating func setTopOverlay(_ overlay: Overlay?, replacing isSameKind: (Overlay) -> Bool) {
        if let top = overlays.last, isSameKind(top) { overlays.removeLast() }
        if let overlay { overlays.append(overlay) }
    }
}
