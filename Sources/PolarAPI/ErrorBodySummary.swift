import FoundationEssentials
import TextTools

/// A short account of an error body for a message: its first line of text, or for an HTML
/// page (a proxy's 502, a load balancer's 500) its title without the markup.
enum ErrorBodySummary {
    /// The longest summary, in characters; a longer one is cut and ends with "…".
    static let maxCharacters = 200
    /// Only the start of a body is looked at: a title or a first line is near the top.
    static let scannedCharacters = 64 * 1024

    /// What follows an HTML page's title in a summary.
    static let htmlMark = " (an HTML page)"

    /// The summary of `text` (the body as text, already redacted); `contentType` is the
    /// answer's `Content-Type`, if any.
    static func summary(of text: String, contentType: String?) -> String {
        let trimmed = String(text.prefix(scannedCharacters)).trimmingWhitespaceAndNewlines()
        if isHTML(trimmed, contentType: contentType) {
            let title = htmlSummary(trimmed)
            return title.isEmpty ? "an HTML page" : shortened(title) + htmlMark
        }
        let firstLine = trimmed.prefix(while: { !$0.isNewline })
        return shortened(firstLine.trimmingWhitespace())
    }

    private static func isHTML(_ text: String, contentType: String?) -> Bool {
        if let contentType, contentType.lowercased().contains("html") { return true }
        guard text.hasPrefix("<") else { return false }
        let start = text.prefix(1024).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<title", "<h1"].contains { start.contains($0) }
    }

    /// The page's `<title>`, else its first `<h1>`, else its first line of text.
    private static func htmlSummary(_ html: String) -> String {
        for tag in ["title", "h1"] {
            if let inner = element(tag, in: html) {
                let text = plainText(inner)
                if !text.isEmpty { return text }
            }
        }
        var body = html
        for tag in ["script", "style", "head"] {
            while let range = elementRange(tag, in: body) { body.removeSubrange(range) }
        }
        return plainText(body).split(separator: "  ").first.map(String.init) ?? ""
    }

    /// The content of the first `<tag …>…</tag>`, if any.
    private static func element(_ tag: String, in html: String) -> String? {
        guard let open = html.rangeIgnoringASCIICase(of: "<\(tag)"),
            let openEnd = html[open.upperBound...].firstIndex(of: ">"),
            let close = html.rangeIgnoringASCIICase(of: "</\(tag)", in: openEnd..<html.endIndex)
        else { return nil }
        return String(html[html.index(after: openEnd)..<close.lowerBound])
    }

    /// The range of the first `<tag …>…</tag>` element, closing tag included.
    private static func elementRange(_ tag: String, in html: String) -> Range<String.Index>? {
        guard let open = html.rangeIgnoringASCIICase(of: "<\(tag)"),
            let close = html.rangeIgnoringASCIICase(of: "</\(tag)", in: open.upperBound..<html.endIndex),
            let closeEnd = html[close.upperBound...].firstIndex(of: ">")
        else { return nil }
        return open.lowerBound..<html.index(after: closeEnd)
    }

    /// Markup removed, a few entities decoded, runs of white space made one space; block
    /// boundaries become a double space so the first block can be picked out.
    private static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text += "  "
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text += character.isNewline ? "  " : String(character)
            }
        }
        let entities = [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
            ("&amp;", "&"),
        ]
        for (entity, replacement) in entities { text = text.replacing(entity, with: replacement) }
        var collapsed = ""
        var spaces = 0
        for character in text {
            if character == " " || character == "\t" {
                spaces += 1
                continue
            }
            if !collapsed.isEmpty, spaces > 0 { collapsed += spaces > 1 ? "  " : " " }
            spaces = 0
            collapsed.append(character)
        }
        return collapsed
    }

    private static func shortened(_ text: String) -> String {
        text.count > maxCharacters ? String(text.prefix(maxCharacters - 1)) + "…" : text
    }
}
