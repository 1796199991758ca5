import FoundationEssentials
import PolarAPI
import TerminalText
import TextTools

/// The human-readable forms of endpoints: a list table and a detail block.
enum EndpointText {
    static func table(_ endpoints: [WebhookEndpoint], showSecret: Bool) -> StyledText {
        var headers = ["ID", "STATUS", "FORMAT", "EVENTS", "NAME", "URL"]
        if showSecret { headers.insert("SECRET", at: 4) }
        var table = TextTable(headers: headers)
        for endpoint in endpoints {
            var row: [TextTable.Cell] = [
                TextTable.Cell(endpoint.id),
                status(endpoint),
                TextTable.Cell(endpoint.format.rawValue),
                TextTable.Cell(String(endpoint.events.count)),
                TextTable.Cell(endpoint.name ?? ""),
                TextTable.Cell(endpoint.url),
            ]
            if showSecret { row.insert(TextTable.Cell(endpoint.secret), at: 4) }
            table.append(row)
        }
        table.maximumColumnWidth = 60
        return table.render()
    }

    static func status(_ endpoint: WebhookEndpoint) -> TextTable.Cell {
        endpoint.enabled
            ? TextTable.Cell("enabled", color: .green) : TextTable.Cell("disabled", color: .red)
    }

    /// Label/value lines, then the subscribed events one per line.
    static func details(_ endpoint: WebhookEndpoint, showSecret: Bool) -> StyledText {
        var fields: [(String, String)] = [
            ("ID", endpoint.id),
            ("Name", endpoint.name ?? ""),
            ("URL", endpoint.url),
            ("Status", endpoint.enabled ? "enabled" : "disabled"),
            ("Format", endpoint.format.rawValue),
            ("API version", endpoint.apiVersion.rawValue),
            ("Organization", endpoint.organizationId),
            (
                "Signing",
                endpoint.usesStandardWebhookSignature
                    ? "Standard Webhooks (base64-decoded secret)" : "legacy (UTF-8 bytes of the secret)"
            ),
            (
                "Secret",
                showSecret
                    ? endpoint.secret : SecretMask.masked(endpoint.secret) + "  (--show-secret to see it)"
            ),
            ("Created", TimeText.short(endpoint.createdAt) + " UTC"),
        ]
        if let modified = endpoint.modifiedAt {
            fields.append(("Modified", TimeText.short(modified) + " UTC"))
        }
        let eventLines =
            endpoint.events.isEmpty
            ? ["(none: this endpoint receives nothing)"] : endpoint.events.map(\.rawValue)
        fields.append(("Events (\(endpoint.events.count))", eventLines[0]))
        let labelWidth = fields.map { $0.0.count }.max() ?? 0
        var lines = fields.map { label, value in
            label.padded(toLength: labelWidth) + "  "
                + Sanitizer.clean(value)
        }
        let indent = String(repeating: " ", count: labelWidth + 2)
        lines += eventLines.dropFirst().map { indent + Sanitizer.clean($0) }
        let text = lines.map {
            $0.hasSuffix(" ") ? String($0.reversed().drop(while: { $0 == " " }).reversed()) : $0
        }
        return StyledText(text.joined(separator: "\n"))
    }
}
