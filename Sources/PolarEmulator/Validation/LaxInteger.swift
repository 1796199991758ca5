/// pydantic's lax integer from a string, as FastAPI reads `page` and `limit` (CONTRACT.md §2.1):
/// surrounding white space, a sign, leading zeros, `_` between digits and a fraction of zeros are
/// accepted (` +1_000.00` is 1000); anything else (`5.`, `5.5`, `5e0`, `0x5`, ``) is not an integer.
enum LaxInteger {
    /// The value, saturated at `Int.min`/`Int.max` (Python's integers have no bound); nil when
    /// pydantic answers `int_parsing`.
    static func parse(_ text: String) -> Int? {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars.removeFirst()
        }
        var value = 0
        var overflow = false
        var previousWasDigit = false
        var sawDigit = false
        while let next = scalars.first, next != "." {
            scalars.removeFirst()
            if next == "_" {
                // Only between two digits.
                guard previousWasDigit, let following = scalars.first, isDigit(following) else { return nil }
                previousWasDigit = false
                continue
            }
            guard isDigit(next) else { return nil }
            let digit = Int(next.value - 0x30)
            let (times, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = times.addingReportingOverflow(digit)
            if overflowed || overflowedAgain { overflow = true } else { value = sum }
            previousWasDigit = true
            sawDigit = true
        }
        guard sawDigit else { return nil }
        if scalars.first == "." {
            scalars.removeFirst()
            // A fraction is only accepted when it is all zeros, and there must be one.
            guard !scalars.isEmpty, scalars.allSatisfy({ $0 == "0" }) else { return nil }
        }
        if overflow { return negative ? Int.min : Int.max }
        return negative ? -value : value
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
