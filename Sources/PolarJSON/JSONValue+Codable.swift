extension JSONValue: Codable {
    /// ``OrderedJSONDecoder`` hands a `JSONValue` over as it is; other decoders go through their
    /// containers (Foundation's then loses the key order).
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyCodingKey.self) {
            self = .object(try object.allKeys.map { ($0.stringValue, try object.decode(JSONValue.self, forKey: $0)) })
        } else if var list = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !list.isAtEnd { items.append(try list.decode(JSONValue.self)) }
            self = .array(items)
        } else {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let flag = try? value.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? value.decode(Int.self) {
                self = .int(number)
            } else if let number = try? value.decode(Double.self) {
                self = .double(number)
            } else {
                self = .string(try value.decode(String.self))
            }
        }
    }

    /// ``OrderedJSONEncoder`` writes a `JSONValue` directly (a number JSON cannot hold as
    /// `null`); other encoders go through their containers.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var value = encoder.singleValueContainer()
            try value.encodeNil()
        case .bool(let flag):
            var value = encoder.singleValueContainer()
            try value.encode(flag)
        case .int(let number):
            var value = encoder.singleValueContainer()
            try value.encode(number)
        case .double(let number):
            var value = encoder.singleValueContainer()
            try value.encode(number)
        case .string(let text):
            var value = encoder.singleValueContainer()
            try value.encode(text)
        case .array(let items):
            var list = encoder.unkeyedContainer()
            for item in items { try list.encode(item) }
        case .object(let pairs):
            var object = encoder.container(keyedBy: AnyCodingKey.self)
            for (key, item) in pairs { try object.encode(item, forKey: AnyCodingKey(stringValue: key)) }
        }
    }
}
