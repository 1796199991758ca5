import FoundationEssentials
import PolarAPI
import TextTools

/// Datetime parsing the way pydantic reads a query value.
enum TimestampParsing {
    enum Outcome: Equatable {
        case aware(Date)
        case naive
        case invalid(String)
    }

    static func parse(_ raw: String) -> Outcome {
        let text = raw.trimmingWhitespace()
        if text.isEmpty { return .invalid("input is too short") }
        // Unix time: seconds, or milliseconds when too large for seconds (pydantic's rule).
        if let number = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) {
            let seconds = abs(number) > 20_000_000_000 ? number / 1000 : number
            return .aware(Date(timeIntervalSince1970: seconds))
        }
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return .invalid("input is too short") }
        guard isDate(bytes) else { return .invalid("invalid character in year") }
        if bytes.count == 10 { return .naive }
        guard
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t")
                || bytes[10] == UInt8(ascii: " "),
            bytes.count >= 16
        else { return .invalid("unexpected extra characters at the end of the input") }
        // Split off a zone designator, then normalise to the form PolarTimestamp parses.
        var body = String(text.prefix(19))
        var rest = Substring(text.dropFirst(19))
        if text.count == 16 {
            body = String(text.prefix(16)) + ":00"
            rest = ""
        }
        var fraction = ""
        if rest.hasPrefix(".") || rest.hasPrefix(",") {
            let digits = rest.dropFirst().prefix { $0.isNumber }
            guard !digits.isEmpty else { return .invalid("invalid character in second") }
            fraction = "." + digits
            rest = rest.dropFirst(1 + digits.count)
        }
        if rest.isEmpty {
            return PolarTimestamp.parse(body + fraction + "Z") == nil ? .invalid("invalid time") : .naive
        }
        var zone = String(rest)
        if zone == "z" || zone == "Z" {
            zone = "Z"
        } else if zone.count == 3 {
            zone += ":00"
        } else if zone.count == 5, !zone.contains(":") {
            zone = String(zone.prefix(3)) + ":" + zone.suffix(2)
        }
        body.replaceSubrange(
            body.index(body.startIndex, offsetBy: 10)...body.index(body.startIndex, offsetBy: 10),
            with: "T")
        guard let date = PolarTimestamp.parse(body + fraction + zone) else {
            return .invalid("invalid timezone sign")
        }
        return .aware(date)
    }

    private static func isDate(_ bytes: [UInt8]) -> Bool {
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        return digits.allSatisfy { (48...57).contains(bytes[$0]) } && bytes[4] == UInt8(ascii: "-")
            && bytes[7] == UInt8(ascii: "-")
    }
}
