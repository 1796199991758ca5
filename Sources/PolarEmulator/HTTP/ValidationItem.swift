import PolarJSON

/// One item of a 422 body's `detail`, in pydantic's key order.
struct ValidationItem: Error, Sendable, Equatable {
    var type: String
    var loc: [JSONValue]
    var msg: String
    var input: JSONValue
    var ctx: JSONValue?

    init(type: String, loc: [JSONValue], msg: String, input: JSONValue, ctx: JSONValue? = nil) {
        self.type = type
        self.loc = loc
        self.msg = msg
        self.input = input
        self.ctx = ctx
    }

    var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string(type)), ("loc", .array(loc)), ("msg", .string(msg)),
            ("input", input),
        ]
        if let ctx { pairs.append(("ctx", ctx)) }
        return .object(pairs)
    }

    // MARK: Common pydantic errors

    static func missing(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(type: "missing", loc: loc, msg: "Field required", input: input)
    }

    static func stringType(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(
            type: "string_type", loc: loc, msg: "Input should be a valid string", input: input)
    }

    /// A validator's `ValueError`; FastAPI encodes the exception in `ctx.error` as `{}`.
    static func valueError(_ loc: [JSONValue], message: String, input: JSONValue) -> ValidationItem {
        ValidationItem(
            type: "value_error", loc: loc, msg: "Value error, " + message, input: input,
            ctx: ["error": [:]])
    }

    static func greaterThanZero(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(
            type: "greater_than", loc: loc, msg: "Input should be greater than 0", input: input,
            ctx: ["gt": 0])
    }

    static func intParsing(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(
            type: "int_parsing", loc: loc,
            msg: "Input should be a valid integer, unable to parse string as an integer",
            input: input)
    }

    /// `enum` / `literal_error` wording: `'a', 'b' or 'c'`.
    static func expectedList(_ values: [String]) -> String {
        let quoted = values.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + (quoted.last ?? "")
    }

    static func enumError(_ loc: [JSONValue], values: [String], input: JSONValue) -> ValidationItem {
        let expected = expectedList(values)
        return ValidationItem(
            type: "enum", loc: loc, msg: "Input should be \(expected)", input: input,
            ctx: ["expected": .string(expected)])
    }

    static func literalError(_ loc: [JSONValue], values: [String], input: JSONValue) -> ValidationItem {
        let expected = expectedList(values)
        return ValidationItem(
            type: "literal_error", loc: loc, msg: "Input should be \(expected)", input: input,
            ctx: ["expected": .string(expected)])
    }

    static func boolParsing(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(
            type: "bool_parsing", loc: loc,
            msg: "Input should be a valid boolean, unable to interpret input",
            input: input)
    }

    static func boolType(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(
            type: "bool_type", loc: loc, msg: "Input should be a valid boolean", input: input)
    }

    static func listType(_ loc: [JSONValue], input: JSONValue) -> ValidationItem {
        ValidationItem(type: "list_type", loc: loc, msg: "Input should be a valid list", input: input)
    }
}
