/// A key made at run time: an array index, or the `super` of a class's parent.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    init(index: Int) { self.init(intValue: index) }

    /// The key `superEncoder()` and `superDecoder()` use.
    static let superKey = AnyCodingKey(stringValue: "super")
}
