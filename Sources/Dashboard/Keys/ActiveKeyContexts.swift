import TerminalUI

/// Where the user is, as the key table's contexts: what the footer hints at, what `?` shows
/// first. The order is the order of precedence.
extension DashboardState {
    var activeKeyContexts: [KeyContext] {
        if help != nil { return [.help] }
        if confirmation != nil { return [.dialog] }
        if let form {
            if form.isEditingEventFilter { return [.filter] }
            switch form.focus {
            case .url, .name: return [.form]
            case .secret: return [.secret, .form]
            case .format, .organization: return [.choice, .form]
            case .events: return [.picker, .form]
            case .save, .cancel: return [.form]
            }
        }
        if let deliveries {
            if deliveries.isEditingSearch { return [.deliverySearch] }
            if deliveries.typePicker != nil { return deliveries.isEditingTypeFilter ? [.filter] : [.eventTypePicker] }
            return deliveries.showingDetail ? [.deliveryDetail] : [.deliveries]
        }
        if isEditingFilter { return [.filter] }
        return [.endpoints, .lists]
    }
}
