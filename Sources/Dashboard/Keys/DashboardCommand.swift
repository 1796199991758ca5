/// What a key asks the dashboard to do. The key table maps keys to these.
enum DashboardCommand: Hashable, Sendable {
    // Everywhere
    case help, quit, quitNow, redraw, suspend
    // Lists
    case up, down, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case filter, open, back, nextPane, reload
    // Endpoints
    case new, edit, delete, toggleEnabled, resetSecret, showSecret, copySecret, deliveries,
        organization
    // Deliveries
    case statusFilter, httpClassFilter, eventTypeFilter, search, redeliver, redeliverAllFailed
    // Form
    case nextField, previousField, save, activate, cancel
    case editText
    case cycleForward, cycleBackward
    case generateSecret, toggleSecretVisibility
    // Event picker
    case pickerUp, pickerDown, toggleItem, toggleAll, pickerFilter, fold
    // Dialogs
    case yes, no, switchButton
}
