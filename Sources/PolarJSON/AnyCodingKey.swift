/// A key made at run time: an array index, or the `super` of a class's parent.
struct AnyCodingKey: CodingKey {
    private let name: String?
    let intValue: Int?

    init(stringValue: String) {
        name = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        name = nil
        self.intValue = intValue
    }

    init(index: Int) { self.init(intValue: index) }

    /// An index's name is made only when asked for (an error, a coding path): an array's items
    /// are many.
    var stringValue: String { name ?? "Index \(intValue ?? 0)" }

    /// The key `superEncoder()` and `superDecoder()` use.
    static let superKey = AnyCodingKey(stringValue: "super")
}
