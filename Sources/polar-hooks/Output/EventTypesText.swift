import PolarAPI

/// The catalog as text: a heading per group, then each type and its meaning.
enum EventTypesText {
    static func render(color: Bool) -> String {
        let width = WebhookEventCatalog.entries.map { $0.type.rawValue.count }.max() ?? 0
        var lines: [String] = []
        for group in WebhookEventCatalog.groups {
            if !lines.isEmpty { lines.append("") }
            lines.append(color ? ANSIColor.bold(group.name) : group.name)
            for entry in group.entries {
                let name = entry.type.rawValue
                lines.append(
                    "  " + name + String(repeating: " ", count: width - name.count) + "  " + entry.summary)
            }
        }
        return lines.joined(separator: "\n")
    }
}
