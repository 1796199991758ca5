import PolarJSON

/// UUID checks worded like pydantic-core (which quotes the Rust `uuid` crate's errors).
enum UUIDValidation {
    enum Outcome: Equatable {
        /// Lower-case hyphenated form.
        case valid(String)
        case invalid(ValidationItem)
    }

    /// Validates `text` as a UUID of version 4 at `loc`.
    static func uuid4(_ text: String, loc: [JSONValue]) -> Outcome {
        switch parse(text) {
        case .failure(let reason):
            return .invalid(
                ValidationItem(
                    type: "uuid_parsing", loc: loc, msg: "Input should be a valid UUID, \(reason.message)",
                    input: .string(text), ctx: ["error": .string(reason.message)]))
        case .success(let canonical):
            let versionIndex = canonical.index(canonical.startIndex, offsetBy: 14)
            guard canonical[versionIndex] == "4" else {
                return .invalid(
                    ValidationItem(
                        type: "uuid_version", loc: loc, msg: "UUID version 4 expected", input: .string(text),
                        ctx: ["expected_version": 4]))
            }
            return .valid(canonical)
        }
    }

    /// Validates a JSON value (body fields): strings only.
    static func uuid4(_ value: JSONValue, loc: [JSONValue]) -> Outcome {
        guard case .string(let text) = value else {
            return .invalid(
                ValidationItem(
                    type: "uuid_type", loc: loc, msg: "UUID input should be a string, bytes or UUID object",
                    input: value))
        }
        return uuid4(text, loc: loc)
    }

    struct Reason: Error {
        let message: String
    }

    /// The canonical lower-case form, or the crate's reason.
    static func parse(_ text: String) -> Result<String, Reason> {
        var body = Substring(text)
        var offset = 0
        var simple = true
        if text.hasPrefix("{"), text.hasSuffix("}"), text.count >= 2 {
            body = body.dropFirst().dropLast()
            offset = 1
            simple = false
        } else if text.hasPrefix("urn:uuid:") {
            body = body.dropFirst(9)
            offset = 9
            simple = false
        }
        let hex = body.filter { $0 != "-" }
        let groups = body.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        let wellFormed =
            hex.count == 32 && hex.allSatisfy(\.isHexDigit)
            && (groups == [32] || groups == [8, 4, 4, 4, 12])
        if wellFormed {
            let lower = hex.lowercased()
            let chars = Array(lower)
            let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }
            return .success(parts.joined(separator: "-"))
        }
        // The crate's error, found the way it finds it.
        var hyphens = 0
        var bounds = [Int](repeating: 0, count: 4)
        var byteIndex = 0
        for character in body.unicodeScalars {
            if character.value > 0x7F {
                return .failure(Reason(message: charMessage(Character(character), byteIndex + offset + 1)))
            }
            if character == "-" {
                if hyphens < 4 { bounds[hyphens] = byteIndex }
                hyphens += 1
            } else if !Character(character).isHexDigit {
                return .failure(Reason(message: charMessage(Character(character), byteIndex + offset + 1)))
            }
            byteIndex += String(character).utf8.count
        }
        if hyphens == 0 && simple {
            return .failure(
                Reason(
                    message: "invalid length: expected length 32 for simple format, found \(text.utf8.count)")
            )
        }
        if hyphens != 4 {
            return .failure(Reason(message: "invalid group count: expected 5, found \(hyphens + 1)"))
        }
        let starts = [0, 9, 14, 19, 24]
        let expected = [8, 4, 4, 4, 12]
        for group in 0..<4 where bounds[group] != starts[group + 1] - 1 {
            return .failure(
                Reason(
                    message:
                        "invalid group length in group \(group): expected \(expected[group]), found \(bounds[group] - starts[group])"
                ))
        }
        return .failure(
            Reason(
                message:
                    "invalid group length in group 4: expected 12, found \(body.utf8.count - starts[4])"))
    }

    private static func charMessage(_ character: Character, _ index: Int) -> String {
        "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `\(character)` at \(index)"
    }
}
