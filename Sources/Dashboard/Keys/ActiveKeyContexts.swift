import TerminalUI

/// Where the user is, as the key table's contexts: what the footer hints at, what `?` shows
/// first, in the order ``DashboardState/front`` gives.
extension DashboardState {
    var activeKeyContexts: [KeyContext] {
        switch front {
        case .tooSmall, .screen(.firstRun): return []
        case .overlay(.help): return [.help]
        case .overlay(.confirmation): return [.dialog]
        case .screen(.form(let form)): return form.isEditingEventFilter ? [.filter] : form.focus.keyContexts
        case .screen(.deliveries(let deliveries)):
            if deliveries.isEditingSearch { return [.deliverySearch] }
            if deliveries.typePicker != nil {
                return deliveries.isEditingTypeFilter ? [.filter] : [.eventTypePicker]
            }
            return deliveries.showingDetail ? [.deliveryDetail] : [.deliveries]
        case .screen(.endpoints): return isEditingFilter ? [.filter] : [.endpoints, .lists]
        }
    }
}

extension FormField {
    /// Where the user is while this field has the focus: what the footer and `?` show.
    var keyContexts: [KeyContext] {
        switch self {
        case .url, .name, .save, .cancel: [.form]
        case .secret: [.secret, .form]
        case .format, .organization: [.choice, .form]
        case .events: [.picker, .form]
        }
    }

    /// Where its keys are looked up: its contexts, then text editing in a text field or the
    /// keys that work everywhere (`?`, `q`) elsewhere.
    var dispatchContexts: [KeyContext] { keyContexts + (isTextField ? [.textField] : [.global]) }
}
