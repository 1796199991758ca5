/// Checks the header values the client is about to send.
///
/// The HTTP library refuses a header value with a control character, and its error repeats
/// the whole value, which for `Authorization` is the token. So every value is checked here
/// first, and the problem is put in words that name a position, never the value.
enum HeaderValueCheck {
    /// What makes `token` unusable in `Authorization: Bearer …`, e.g. "contains a control
    /// character (position 13)", or nil. Stricter than HTTP: a Polar token is plain ASCII
    /// without spaces, so a space or a non-ASCII character is a pasting mistake too.
    static func problem(inAccessToken token: String) -> String? {
        for (offset, character) in token.enumerated() {
            let place = "(position \(offset + 1))"
            if character.isNewline { return "contains a line break \(place)" }
            if character.unicodeScalars.contains(where: isControl) { return "contains a control character \(place)" }
            if character == " " { return "contains a space \(place)" }
            if !character.isASCII { return "contains a character that is not plain ASCII \(place)" }
        }
        return nil
    }

    /// What makes `value` unusable as an HTTP field value (RFC 9110 §5.5: no control
    /// characters but tab), or nil.
    static func problem(inFieldValue value: String) -> String? {
        for (offset, character) in value.enumerated()
        where character.unicodeScalars.contains(where: { $0 != "\t" && isControl($0) }) {
            return character.isNewline
                ? "contains a line break (position \(offset + 1))"
                : "contains a control character (position \(offset + 1))"
        }
        return nil
    }

    /// C0 controls, DEL and C1 controls.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension PolarClientConfiguration {
    /// The error every request of a client with this configuration would end in because the
    /// token cannot be sent (a control character, a space, a line break), or nil. Lets a
    /// caller refuse a pasted token before making a client; the words never contain it.
    public var accessTokenProblem: PolarError? {
        HeaderValueCheck.problem(inAccessToken: token).map { .invalidAccessToken(problem: $0) }
    }
}
