import PolarJSON

/// Turns request bytes into a JSON object the way FastAPI reads a model body.
enum JSONBody {
    /// The object's pairs; nil when there is no body and none is required.
    static func object(_ bytes: [UInt8], required: Bool) -> Result<[(String, JSONValue)]?, APIFailure> {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return required
                ? .failure(.requestValidation([.missing(["body"], input: .null)])) : .success(nil)
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(
                .requestValidation([
                    ValidationItem(
                        type: "json_invalid", loc: ["body", .int(error.offset)], msg: "JSON decode error",
                        input: [:],
                        ctx: ["error": .string(error.message)])
                ]))
        }
        guard case .object(let pairs) = value else {
            return .failure(
                .requestValidation([
                    ValidationItem(
                        type: "model_attributes_type", loc: ["body"],
                        msg: "Input should be a valid dictionary or object to extract fields from", input: value
                    )
                ]))
        }
        return .success(pairs)
    }
}
