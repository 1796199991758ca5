import PolarAPI
import PolarJSON

extension WebhookEvent {
    /// The event as the server writes it, for answers that add fields to it.
    var serverJSON: JSONValue {
        var bytes: [UInt8] = []
        PolarJSONWriter.write(self, into: &bytes)
        // The writer's own output always parses; the fallback only keeps the type total.
        return (try? JSONParser.parse(bytes)) ?? .null
    }
}
