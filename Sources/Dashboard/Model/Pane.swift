/// Which pane has the keys: the endpoint list or the detail beside (or instead of) it.
enum Pane: Hashable, Sendable {
    case list, detail
}
