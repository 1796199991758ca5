extension String {
    /// `number` in decimal digits with a comma between groups of three: `6,000`, `-1,234,567`
    /// (what Foundation's `formatted()` prints in the English and POSIX locales).
    public init(groupingThousandsOf number: Int) {
        self = Self.groupingThousands(of: number)
    }

    private static func groupingThousands(of number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (number < 0 ? "-" : "") + grouped
    }

    /// `number` with at most six decimals, trailing zeros dropped and a comma between groups of
    /// three: `6,000`, `1,234.5678`, `0.123457` (as `formatted()` prints it in English).
    /// Numbers too large for six exact decimals are printed as `number.description`.
    public init(groupingThousandsOf number: Double) {
        self = Self.groupingThousands(of: number)
    }

    private static func groupingThousands(of number: Double) -> String {
        let millionths = (number.magnitude * 1_000_000).rounded(.toNearestOrEven)
        guard number.isFinite, millionths < 9e15 else { return number.description }
        let whole = Int(millionths) / 1_000_000
        var fraction = String(Int(millionths) % 1_000_000, zeroPaddedTo: 6)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = number < 0 && millionths > 0 ? "-" : ""
        return sign + groupingThousands(of: whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
