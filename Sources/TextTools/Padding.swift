extension String {
    /// Exactly `length` characters: cut, or filled out with spaces on the right
    /// (Foundation's `padding(toLength:withPad: " ", startingAt: 0)` for one-unit characters).
    public func padded(toLength length: Int) -> String {
        count >= length ? String(prefix(length)) : self + String(repeating: " ", count: length - count)
    }

    /// The decimal digits of `number`, with zeros in front up to `width` digits
    /// (what `String(format: "%0<width>d", number)` prints).
    public init(_ number: Int, zeroPaddedTo width: Int) {
        self = Self.zeroPadded(number, width: width)
    }

    private static func zeroPadded(_ number: Int, width: Int) -> String {
        let digits = String(number.magnitude)
        let sign = number < 0 ? "-" : ""
        let zeros = Swift.max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }
}
