import PolarAPI
import PolarJSON

/// Field checks shared by create and update bodies, with pydantic's wording.
struct EndpointFields {
    let body: JSONValue
    let urlRules: URLValidation
    var errors: [ValidationItem] = []

    init(pairs: [(String, JSONValue)], urlRules: URLValidation) {
        self.body = .object(pairs)
        self.urlRules = urlRules
    }

    /// The value of `key`; nil when absent, `.null` when explicitly null.
    func raw(_ key: String) -> JSONValue? { body[key] }

    mutating func required(_ key: String) -> JSONValue? {
        guard let value = raw(key) else {
            errors.append(.missing(["body", .string(key)], input: body))
            return nil
        }
        return value
    }

    mutating func url(_ value: JSONValue) -> String? {
        switch urlRules.validate(value, loc: ["body", "url"]) {
        case .success(let url): return url
        case .failure(let item):
            errors.append(item)
            return nil
        }
    }

    mutating func string(_ value: JSONValue, _ key: String) -> String? {
        guard case .string(let text) = value else {
            errors.append(.stringType(["body", .string(key)], input: value))
            return nil
        }
        return text
    }

    mutating func apiVersion(_ value: JSONValue) -> APIVersion? {
        guard let text = string(value, "api_version") else { return nil }
        guard APIVersion.supported.contains(APIVersion(rawValue: text)) else {
            errors.append(
                .valueError(["body", "api_version"], message: "Invalid API version: \(text)", input: value))
            return nil
        }
        return APIVersion(rawValue: text)
    }

    mutating func format(_ value: JSONValue) -> WebhookFormat? {
        guard case .string(let text) = value, WebhookFormat(rawValue: text).isKnown else {
            errors.append(
                .enumError(
                    ["body", "format"], values: WebhookFormat.allCases.map(\.rawValue), input: value))
            return nil
        }
        return WebhookFormat(rawValue: text)
    }

    mutating func events(_ value: JSONValue) -> [WebhookEventType]? {
        guard case .array(let items) = value else {
            errors.append(.listType(["body", "events"], input: value))
            return nil
        }
        var types: [WebhookEventType] = []
        var valid = true
        for (index, item) in items.enumerated() {
            if case .string(let text) = item, WebhookEventType(rawValue: text).isKnown {
                types.append(WebhookEventType(rawValue: text))
            } else {
                valid = false
                errors.append(
                    .enumError(
                        ["body", "events", .int(index)],
                        values: WebhookEventCatalog.entries.map(\.type.rawValue),
                        input: item))
            }
        }
        return valid ? types : nil
    }

    mutating func bool(_ value: JSONValue, _ key: String) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .int(let number) where number == 0 || number == 1: return number == 1
        case .string(let text):
            if let flag = QueryValidation.bool(text) { return flag }
            errors.append(.boolParsing(["body", .string(key)], input: value))
            return nil
        default:
            errors.append(.boolType(["body", .string(key)], input: value))
            return nil
        }
    }

    mutating func organizationId(_ value: JSONValue) -> String? {
        switch UUIDValidation.uuid4(value, loc: ["body", "organization_id"]) {
        case .valid(let id): return id
        case .invalid(let item):
            errors.append(item)
            return nil
        }
    }

    /// The deprecated merchant-chosen secret: at least ``EndpointSecretRules/minimumLength``
    /// characters. The server checks only the length; the printable-ASCII rule is the client's.
    mutating func secret(_ value: JSONValue) -> String? {
        guard let text = string(value, "secret") else { return nil }
        let minimum = EndpointSecretRules.minimumLength
        // pydantic counts code points, as Python's `len` does.
        guard text.unicodeScalars.count >= minimum else {
            errors.append(
                ValidationItem(
                    type: "string_too_short", loc: ["body", "secret"],
                    msg: "String should have at least \(minimum) characters",
                    input: value, ctx: ["min_length": .int(minimum)]))
            return nil
        }
        return withoutNUL(text, "secret", input: value)
    }

    /// The optional `name`.
    mutating func name(_ value: JSONValue) -> String? {
        string(value, "name").flatMap { withoutNUL($0, "name", input: value) }
    }

    /// Polar's `Schema` refuses a NUL character in any string field once the field's own checks
    /// have passed (CONTRACT.md §2.3; `kit/schemas.py`). The URL is not a string by then, so a
    /// NUL there is percent-encoded like any other control character.
    private mutating func withoutNUL(_ text: String, _ key: String, input: JSONValue) -> String? {
        guard text.unicodeScalars.contains("\u{0}") else { return text }
        errors.append(
            .valueError(["body", .string(key)], message: "This value contains invalid characters", input: input))
        return nil
    }
}
