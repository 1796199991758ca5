import PolarAPI
import TerminalText

/// The catalog as text: a heading per group, then each type and its meaning.
enum EventTypesText {
    static func render() -> StyledText {
        let width = WebhookEventCatalog.entries.map { $0.type.rawValue.count }.max() ?? 0
        var text = StyledText()
        for group in WebhookEventCatalog.groups {
            if !text.pieces.isEmpty { text += "\n\n" }
            text += .styled(group.name, .bold)
            for entry in group.entries {
                let name = entry.type.rawValue
                text += "\n  " + name + String(repeating: " ", count: width - name.count) + "  " + entry.summary
            }
        }
        return text
    }
}
