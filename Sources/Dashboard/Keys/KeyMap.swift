import TerminalUI

/// The one key table: dispatch, the footer hints and the `?` screen all read it.
/// Keys are characters, not physical keys, so they work on any keyboard layout.
enum KeyMap {
    typealias Binding = KeyBinding<DashboardCommand>
    typealias Section = KeySection<KeyContext, DashboardCommand>

    static let table = KeyTable<KeyContext, DashboardCommand>([
        Section(
            .global, title: "Everywhere",
            bindings: [
                Binding(.help, keys: [.character("?")], label: "?", summary: "this help", hint: "help"),
                Binding(
                    .quit, keys: [.character("q")], label: "q",
                    summary: "quit (a form with changes asks first)", hint: "quit"),
            ]),
        Section(
            .always, title: "Always",
            bindings: [
                Binding(
                    .quitNow, keys: [.control("c")], label: "Ctrl-C",
                    summary: "quit at once, terminal restored"),
                Binding(.redraw, keys: [.control("l")], label: "Ctrl-L", summary: "redraw the screen"),
                Binding(
                    .suspend, keys: [.control("z")], label: "Ctrl-Z", summary: "suspend (fg to come back)"),
            ]),
        Section(
            .endpoints, title: "Endpoints",
            bindings: [
                Binding(.new, keys: [.character("n")], label: "n", summary: "new endpoint", hint: "new"),
                Binding(
                    .edit, keys: [.character("e")], label: "e", summary: "edit the endpoint", hint: "edit"),
                Binding(
                    .delete, keys: [.character("d")], label: "d", summary: "delete (asks first)",
                    hint: "delete"),
                Binding(
                    .toggleEnabled, keys: [.character("t")], label: "t",
                    summary: "enable or disable (asks first)", hint: "on/off"),
                Binding(
                    .resetSecret, keys: [.character("R")], label: "R",
                    summary: "reset the signing secret (asks first)", hint: "reset secret"),
                Binding(
                    .showSecret, keys: [.character("s")], label: "s", summary: "show or hide the secret"),
                Binding(
                    .copySecret, keys: [.character("y")], label: "y", summary: "copy the secret (OSC 52)"),
                Binding(
                    .deliveries, keys: [.character("D")], label: "D",
                    summary: "deliveries of the endpoint", hint: "deliveries"),
                Binding(
                    .organization, keys: [.character("o")], label: "o",
                    summary: "next organization (personal tokens)"),
            ]),
        Section(
            .lists, title: "Lists",
            bindings: [
                Binding(.down, keys: [.character("j"), .down], label: "j/k ↓/↑", summary: "move"),
                Binding(.up, keys: [.character("k"), .up], label: "k ↑", summary: ""),
                Binding(
                    .top, keys: [.character("g"), .home], label: "g/G Home/End", summary: "first / last"),
                Binding(.bottom, keys: [.character("G"), .end], label: "G End", summary: ""),
                Binding(.pageDown, keys: [.pageDown], label: "PgDn/PgUp", summary: "page down / up"),
                Binding(.pageUp, keys: [.pageUp], label: "PgUp", summary: ""),
                Binding(
                    .halfPageDown, keys: [.control("d")], label: "Ctrl-d/Ctrl-u",
                    summary: "half a page down / up"),
                Binding(.halfPageUp, keys: [.control("u")], label: "Ctrl-u", summary: ""),
                Binding(
                    .filter, keys: [.character("/")], label: "/", summary: "filter, Esc clears",
                    hint: "filter"),
                Binding(.open, keys: [.enter], label: "Enter", summary: "open the detail"),
                Binding(
                    .back, keys: [.escape], label: "Esc", summary: "back · clear filter · cancel request"),
                Binding(.nextPane, keys: [.tab], label: "Tab", summary: "next pane"),
                Binding(.reload, keys: [.character("r")], label: "r", summary: "reload"),
            ]),
        Section(
            .filter, title: "Filter",
            bindings: [
                Binding(
                    .open, keys: [.enter, .down], label: "Enter ↓",
                    summary: "keep the filter, back to the list", hint: "keep"),
                Binding(.back, keys: [.escape], label: "Esc", summary: "clear the filter", hint: "clear"),
                Binding(.editText, keys: [], label: "typing", summary: "narrows the list as you type"),
            ]),
        Section(
            .deliveries, title: "Deliveries",
            bindings: [
                Binding(
                    .statusFilter, keys: [.character("f")], label: "f",
                    summary: "status: all / succeeded / failed", hint: "status"),
                Binding(
                    .httpClassFilter, keys: [.character("c")], label: "c",
                    summary: "HTTP class: all / 2xx / 3xx / 4xx / 5xx", hint: "class"),
                Binding(
                    .eventTypeFilter, keys: [.character("T")], label: "T",
                    summary: "event types: pick the types to show", hint: "types"),
                Binding(
                    .search, keys: [.character("/")], label: "/",
                    summary: "search delivery id, event id or HTTP code", hint: "search"),
                Binding(.open, keys: [.enter], label: "Enter", summary: "the delivery's detail", hint: "detail"),
                Binding(
                    .redeliver, keys: [.character("r")], label: "r", summary: "redeliver the event",
                    hint: "redeliver"),
                Binding(
                    .redeliverAllFailed, keys: [.character("B")], label: "B",
                    summary: "redeliver every failed event in view (asks first)", hint: "redeliver failed"),
                Binding(.back, keys: [.escape], label: "Esc", summary: "back to the endpoints", hint: "back"),
                // `r` redelivers here, so reloading takes Ctrl-R (k9s's refresh key).
                Binding(
                    .reload, keys: [.control("r")], label: "Ctrl-R", summary: "reload (new attempts show up)",
                    hint: "reload"),
            ]),
        Section(
            .deliveryDetail, title: "Delivery detail",
            bindings: [
                Binding(.down, keys: [.character("j"), .down], label: "j/k ↓/↑", summary: "scroll"),
                Binding(.up, keys: [.character("k"), .up], label: "k ↑", summary: ""),
                Binding(
                    .redeliver, keys: [.character("r")], label: "r", summary: "redeliver the event",
                    hint: "redeliver"),
                Binding(.back, keys: [.escape], label: "Esc", summary: "back to the deliveries", hint: "back"),
            ]),
        Section(
            .deliverySearch, title: "Delivery search",
            bindings: [
                Binding(.open, keys: [.enter], label: "Enter", summary: "search on the server", hint: "search"),
                Binding(.back, keys: [.escape], label: "Esc", summary: "clear the search", hint: "clear"),
                Binding(.editText, keys: [], label: "typing", summary: "the text to look for"),
            ]),
        Section(
            .eventTypePicker, title: "Event type filter",
            bindings: [
                Binding(.pickerDown, keys: [.character("j"), .down], label: "j/k ↓/↑", summary: "move"),
                Binding(.pickerUp, keys: [.character("k"), .up], label: "k ↑", summary: ""),
                Binding(
                    .toggleItem, keys: [.character(" ")], label: "Space",
                    summary: "toggle the type or the whole group", hint: "toggle"),
                Binding(
                    .toggleAll, keys: [.character("a")], label: "a", summary: "all / none (none shows every type)",
                    hint: "all"),
                Binding(
                    .pickerFilter, keys: [.character("/")], label: "/", summary: "narrow the types by text",
                    hint: "filter"),
                Binding(.open, keys: [.enter], label: "Enter", summary: "apply the filter", hint: "apply"),
                Binding(.back, keys: [.escape], label: "Esc", summary: "cancel, filter unchanged", hint: "cancel"),
            ]),
        Section(
            .form, title: "Form",
            bindings: [
                Binding(
                    .nextField, keys: [.tab, .down], label: "Tab ↓", summary: "next field", hint: "next"),
                Binding(
                    .previousField, keys: [.backTab, .up], label: "Shift-Tab ↑", summary: "previous field"),
                Binding(
                    .save, keys: [.control("s")], label: "Ctrl-S", summary: "save from any field",
                    hint: "save"),
                Binding(
                    .activate, keys: [.enter], label: "Enter", summary: "press [Save] or [Cancel]; next field"
                ),
                Binding(
                    .cancel, keys: [.escape], label: "Esc", summary: "cancel (asks when something changed)",
                    hint: "cancel"),
            ]),
        Section(
            .textField, title: "Text field",
            bindings: [
                Binding(
                    .editText, keys: [.left, .right, .home, .end], label: "←/→ Home/End",
                    summary: "move the cursor"),
                Binding(
                    .editText, keys: [.control("a"), .control("e")], label: "Ctrl-A/Ctrl-E",
                    summary: "to the start / end"),
                Binding(
                    .editText, keys: [.backspace, .delete], label: "Bksp/Delete",
                    summary: "delete a character"),
                Binding(
                    .editText, keys: [.control("u"), .control("k")], label: "Ctrl-U/Ctrl-K",
                    summary: "delete to the start / end"),
                Binding(.editText, keys: [.control("w")], label: "Ctrl-W", summary: "delete a word"),
                Binding(.editText, keys: [], label: "paste", summary: "inserts the text (bracketed paste)"),
            ]),
        Section(
            .choice, title: "Choice field",
            bindings: [
                Binding(
                    .cycleForward, keys: [.right, .character(" "), .character("l")], label: "←/→ Space",
                    summary: "cycle the choices", hint: "change"),
                Binding(.cycleBackward, keys: [.left, .character("h")], label: "←", summary: ""),
            ]),
        Section(
            .secret, title: "Secret field",
            bindings: [
                Binding(
                    .generateSecret, keys: [.control("g")], label: "Ctrl-G",
                    summary: "generate a strong secret", hint: "generate"),
                Binding(
                    .toggleSecretVisibility, keys: [.control("r")], label: "Ctrl-R",
                    summary: "show or hide the secret", hint: "show"),
            ]),
        Section(
            .picker, title: "Event picker",
            bindings: [
                Binding(.pickerDown, keys: [.character("j"), .down], label: "j/k ↓/↑", summary: "move"),
                Binding(.pickerUp, keys: [.character("k"), .up], label: "k ↑", summary: ""),
                Binding(
                    .toggleItem, keys: [.character(" ")], label: "Space",
                    summary: "toggle the event or the whole group", hint: "toggle"),
                Binding(
                    .toggleAll, keys: [.character("a")], label: "a", summary: "all / none", hint: "all"),
                Binding(
                    .pickerFilter, keys: [.character("/")], label: "/", summary: "filter events by text",
                    hint: "filter"),
                Binding(
                    .fold, keys: [.enter], label: "Enter", summary: "fold or unfold the group", hint: "fold"),
            ]),
        Section(
            .dialog, title: "Dialogs",
            bindings: [
                Binding(
                    .yes, keys: [.character("y"), .character("Y")], label: "y", summary: "yes", hint: "yes"),
                Binding(
                    .no, keys: [.character("n"), .character("N"), .escape], label: "n/Esc",
                    summary: "no (the default)", hint: "no"),
                Binding(
                    .activate, keys: [.enter], label: "Enter", summary: "the focused answer (No unless moved)"
                ),
                Binding(
                    .switchButton, keys: [.left, .right, .tab], label: "←/→ Tab",
                    summary: "move between answers"),
            ]),
        Section(
            .help, title: "Help",
            bindings: [
                Binding(
                    .back, keys: [.escape, .character("?"), .character("q")], label: "Esc ? q",
                    summary: "close", hint: "close"),
                Binding(.down, keys: [.character("j"), .down, .pageDown], label: "j/k", summary: "scroll"),
                Binding(.up, keys: [.character("k"), .up, .pageUp], label: "k", summary: ""),
            ]),
    ])

    /// The command for `key` in `contexts`, searched in order.
    static func command(for key: Key, in contexts: [KeyContext]) -> DashboardCommand? {
        table.command(for: key, in: contexts)
    }
}
