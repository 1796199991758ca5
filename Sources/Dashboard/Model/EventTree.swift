import PolarAPI
import TerminalUI

/// Builds the event picker from Polar's catalog: groups as Polar's dashboard shows them,
/// plus an "Other" group for types an endpoint has that this build does not know.
enum EventTree {
    static func make(checked: [WebhookEventType]) -> CheckTree {
        var groups = WebhookEventCatalog.groups.map { group in
            CheckTree.Group(
                id: group.prefix, title: group.name,
                items: group.entries.map {
                    CheckTree.Item(id: $0.type.rawValue, label: $0.type.rawValue, detail: $0.summary)
                })
        }
        let unknown = checked.filter { !$0.isKnown }
        if !unknown.isEmpty {
            groups.append(
                CheckTree.Group(
                    id: "_other", title: "Other",
                    items: unknown.map {
                        CheckTree.Item(
                            id: $0.rawValue, label: $0.rawValue, detail: "Not in this build's catalog.")
                    }))
        }
        // Folded at first: twelve group rows fit a short terminal; Enter opens one.
        return CheckTree(
            groups: groups, checked: Set(checked.map(\.rawValue)), folded: Set(groups.map(\.id)))
    }

    /// The deliveries browser's `T` picker: the same groups, open, since Enter there applies.
    static func typeFilter(checked: [WebhookEventType]) -> CheckTree {
        CheckTree(groups: make(checked: checked).groups, checked: Set(checked.map(\.rawValue)))
    }

    /// The checked types in the API's order (catalog order, then unknown ones).
    static func types(in tree: CheckTree) -> [WebhookEventType] {
        let known = WebhookEventCatalog.allTypes.filter { tree.checked.contains($0.rawValue) }
        let knownSet = Set(known.map(\.rawValue))
        let other = tree.checkedIDs.filter { !knownSet.contains($0) }.map(
            WebhookEventType.init(rawValue:))
        return known + other
    }
}
