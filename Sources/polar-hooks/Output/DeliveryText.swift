import PolarAPI
import TerminalText

/// Deliveries as a table: when, how the receiver answered, which event.
enum DeliveryText {
    static func table(_ deliveries: [WebhookDelivery]) -> StyledText {
        var table = TextTable(headers: [
            "TIME (UTC)", "RESULT", "HTTP", "EVENT TYPE", "EVENT ID", "DELIVERY ID",
        ])
        for delivery in deliveries {
            table.append([
                TextTable.Cell(TimeText.short(delivery.createdAt)),
                delivery.succeeded
                    ? TextTable.Cell("ok", color: .green) : TextTable.Cell("failed", color: .red),
                TextTable.Cell(delivery.httpCode.map(String.init) ?? "-"),
                TextTable.Cell(delivery.webhookEvent.type.rawValue),
                TextTable.Cell(delivery.webhookEvent.id),
                TextTable.Cell(delivery.id),
            ])
        }
        return table.render()
    }
}
