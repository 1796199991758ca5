import Foundation

/// An API object that can write itself as the server writes it: keys in the server's order,
/// Polar's timestamp format, every optional field present (`null` when absent).
public protocol PolarJSONWritable {
    /// Appends the object as JSON. `indent` is the column the object's own closing brace sits at
    /// when `pretty`; its fields go two spaces further in.
    func writeJSON(pretty: Bool, indent: Int, into out: inout [UInt8])
}

/// Writes API objects as JSON by hand, byte by byte.
///
/// Foundation's `JSONEncoder` does not keep key order on Linux and is slow for large lists;
/// this writer keeps the server's order and is cheap enough to stream thousands of objects.
/// Compact output has no spaces (like Starlette's `JSONResponse`); pretty output indents by
/// two spaces and separates keys from values with `" : "`, as `JSONEncoder` does. Strings
/// escape `"`, `\` and control characters; everything else, non-ASCII included, is written as is.
public enum PolarJSONWriter {
    /// Appends a webhook endpoint.
    public static func write(
        _ endpoint: WebhookEndpoint, pretty: Bool = false, indent: Int = 0, into out: inout [UInt8]
    ) {
        var object = ObjectWriter(pretty: pretty, indent: indent, into: &out)
        object.key("created_at", into: &out)
        writeTimestamp(endpoint.createdAt, into: &out)
        object.key("modified_at", into: &out)
        writeTimestamp(endpoint.modifiedAt, into: &out)
        object.key("id", into: &out)
        writeString(endpoint.id, into: &out)
        object.key("url", into: &out)
        writeString(endpoint.url, into: &out)
        object.key("name", into: &out)
        writeString(endpoint.name, into: &out)
        object.key("api_version", into: &out)
        writeString(endpoint.apiVersion.rawValue, into: &out)
        object.key("format", into: &out)
        writeString(endpoint.format.rawValue, into: &out)
        object.key("secret", into: &out)
        writeString(endpoint.secret, into: &out)
        object.key("organization_id", into: &out)
        writeString(endpoint.organizationId, into: &out)
        object.key("events", into: &out)
        writeArray(endpoint.events, pretty: pretty, indent: indent + 2, into: &out) { event, _, out in
            writeString(event.rawValue, into: &out)
        }
        object.key("enabled", into: &out)
        writeBool(endpoint.enabled, into: &out)
        object.key("uses_standard_webhook_signature", into: &out)
        writeBool(endpoint.usesStandardWebhookSignature, into: &out)
        object.close(into: &out)
    }

    /// Appends a webhook event.
    public static func write(_ event: WebhookEvent, pretty: Bool = false, indent: Int = 0, into out: inout [UInt8]) {
        var object = ObjectWriter(pretty: pretty, indent: indent, into: &out)
        object.key("created_at", into: &out)
        writeTimestamp(event.createdAt, into: &out)
        object.key("modified_at", into: &out)
        writeTimestamp(event.modifiedAt, into: &out)
        object.key("id", into: &out)
        writeString(event.id, into: &out)
        object.key("last_http_code", into: &out)
        writeInt(event.lastHttpCode, into: &out)
        object.key("succeeded", into: &out)
        writeBool(event.succeeded, into: &out)
        object.key("skipped", into: &out)
        writeBool(event.skipped, into: &out)
        object.key("api_version", into: &out)
        writeString(event.apiVersion.rawValue, into: &out)
        object.key("payload", into: &out)
        writeString(event.payload, into: &out)
        object.key("type", into: &out)
        writeString(event.type.rawValue, into: &out)
        object.key("is_archived", into: &out)
        writeBool(event.isArchived, into: &out)
        object.close(into: &out)
    }

    /// Appends a delivery attempt with its event.
    public static func write(
        _ delivery: WebhookDelivery, pretty: Bool = false, indent: Int = 0, into out: inout [UInt8]
    ) {
        var object = ObjectWriter(pretty: pretty, indent: indent, into: &out)
        object.key("created_at", into: &out)
        writeTimestamp(delivery.createdAt, into: &out)
        object.key("modified_at", into: &out)
        writeTimestamp(delivery.modifiedAt, into: &out)
        object.key("id", into: &out)
        writeString(delivery.id, into: &out)
        object.key("succeeded", into: &out)
        writeBool(delivery.succeeded, into: &out)
        object.key("http_code", into: &out)
        writeInt(delivery.httpCode, into: &out)
        object.key("response", into: &out)
        writeString(delivery.response, into: &out)
        object.key("webhook_event", into: &out)
        write(delivery.webhookEvent, pretty: pretty, indent: indent + 2, into: &out)
        object.close(into: &out)
    }

    /// Appends a page of a list: `{"items": […], "pagination": {"total_count": …, "max_page": …}}`.
    public static func write<Item: PolarJSONWritable>(
        _ page: ListResource<Item>, pretty: Bool = false, indent: Int = 0, into out: inout [UInt8]
    ) {
        var object = ObjectWriter(pretty: pretty, indent: indent, into: &out)
        object.key("items", into: &out)
        writeArray(page.items, pretty: pretty, indent: indent + 2, into: &out) { item, indent, out in
            item.writeJSON(pretty: pretty, indent: indent, into: &out)
        }
        object.key("pagination", into: &out)
        var pagination = ObjectWriter(pretty: pretty, indent: indent + 2, into: &out)
        pagination.key("total_count", into: &out)
        writeInt(page.pagination.totalCount, into: &out)
        pagination.key("max_page", into: &out)
        writeInt(page.pagination.maxPage, into: &out)
        pagination.close(into: &out)
        object.close(into: &out)
    }

    /// Appends a JSON string literal, quotes included.
    public static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(quote)
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == quote || byte == backslash else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(for: byte, into: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(quote)
    }

    /// Appends a string, or `null`.
    public static func writeString(_ text: String?, into out: inout [UInt8]) {
        if let text { writeString(text, into: &out) } else { out.append(contentsOf: nullLiteral) }
    }

    /// Appends what goes before an array's item: a comma unless it is the first, and in pretty
    /// output a newline and the item's indentation (`indent + 2`, where `indent` is the column of
    /// the array's brackets). For streaming an array without holding it.
    public static func writeArrayItemSeparator(isFirst: Bool, pretty: Bool, indent: Int, into out: inout [UInt8]) {
        if !isFirst { out.append(comma) }
        if pretty { newline(indent: indent + 2, into: &out) }
    }

    /// Appends a newline and `indent` spaces.
    public static func newline(indent: Int, into out: inout [UInt8]) {
        out.append(newlineByte)
        out.append(contentsOf: repeatElement(space, count: indent))
    }

    // MARK: - Pieces

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let comma = UInt8(ascii: ",")
    private static let space = UInt8(ascii: " ")
    private static let newlineByte = UInt8(ascii: "\n")
    private static let nullLiteral = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendEscape(for byte: UInt8, into out: inout [UInt8]) {
        out.append(backslash)
        switch byte {
        case quote, backslash: out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(contentsOf: "u00".utf8)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static func writeTimestamp(_ date: Date?, into out: inout [UInt8]) {
        writeString(date.map(PolarTimestamp.format), into: &out)
    }

    private static func writeInt(_ value: Int?, into out: inout [UInt8]) {
        if let value { out.append(contentsOf: String(value).utf8) } else { out.append(contentsOf: nullLiteral) }
    }

    private static func writeBool(_ value: Bool?, into out: inout [UInt8]) {
        switch value {
        case .some(true): out.append(contentsOf: "true".utf8)
        case .some(false): out.append(contentsOf: "false".utf8)
        case .none: out.append(contentsOf: nullLiteral)
        }
    }

    /// `indent` is the column of the array's closing bracket; items sit two spaces further in
    /// and are handed that column.
    private static func writeArray<Element>(
        _ elements: [Element], pretty: Bool, indent: Int, into out: inout [UInt8],
        item: (Element, Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            writeArrayItemSeparator(isFirst: index == 0, pretty: pretty, indent: indent, into: &out)
            item(element, indent + 2, &out)
        }
        if pretty, !elements.isEmpty { newline(indent: indent, into: &out) }
        out.append(UInt8(ascii: "]"))
    }

    /// Braces, commas and indentation of one object; keys are plain ASCII names.
    private struct ObjectWriter {
        let pretty: Bool
        let indent: Int
        var isEmpty = true

        init(pretty: Bool, indent: Int, into out: inout [UInt8]) {
            self.pretty = pretty
            self.indent = indent
            out.append(UInt8(ascii: "{"))
        }

        mutating func key(_ name: StaticString, into out: inout [UInt8]) {
            if !isEmpty { out.append(PolarJSONWriter.comma) }
            isEmpty = false
            if pretty { PolarJSONWriter.newline(indent: indent + 2, into: &out) }
            out.append(PolarJSONWriter.quote)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(PolarJSONWriter.quote)
            if pretty { out.append(contentsOf: " : ".utf8) } else { out.append(UInt8(ascii: ":")) }
        }

        func close(into out: inout [UInt8]) {
            if pretty, !isEmpty { PolarJSONWriter.newline(indent: indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension WebhookEndpoint: PolarJSONWritable {
    public func writeJSON(pretty: Bool, indent: Int, into out: inout [UInt8]) {
        PolarJSONWriter.write(self, pretty: pretty, indent: indent, into: &out)
    }
}

extension WebhookEvent: PolarJSONWritable {
    public func writeJSON(pretty: Bool, indent: Int, into out: inout [UInt8]) {
        PolarJSONWriter.write(self, pretty: pretty, indent: indent, into: &out)
    }
}

extension WebhookDelivery: PolarJSONWritable {
    public func writeJSON(pretty: Bool, indent: Int, into out: inout [UInt8]) {
        PolarJSONWriter.write(self, pretty: pretty, indent: indent, into: &out)
    }
}

extension ListResource: PolarJSONWritable where Item: PolarJSONWritable {
    public func writeJSON(pretty: Bool, indent: Int, into out: inout [UInt8]) {
        PolarJSONWriter.write(self, pretty: pretty, indent: indent, into: &out)
    }
}
