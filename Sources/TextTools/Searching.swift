extension StringProtocol {
    /// The first range of `needle` when ASCII letters are compared without case, searching `range`
    /// (all of the text when nil); nil when it does not occur. Other characters must match exactly.
    public func rangeIgnoringASCIICase(
        of needle: some StringProtocol, in range: Range<Index>? = nil
    ) -> Range<Index>? {
        let pattern = Array(needle.unicodeScalars).map(Self.lowercasedASCII)
        guard !pattern.isEmpty else { return nil }
        let scalars = unicodeScalars
        let bounds = range ?? startIndex..<endIndex
        var start = bounds.lowerBound
        while start < bounds.upperBound {
            var index = start
            var matched = 0
            while matched < pattern.count, index < bounds.upperBound,
                Self.lowercasedASCII(scalars[index]) == pattern[matched]
            {
                index = scalars.index(after: index)
                matched += 1
            }
            if matched == pattern.count { return start..<index }
            start = scalars.index(after: start)
        }
        return nil
    }

    private static func lowercasedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
}
