/// Byte comparison whose running time does not depend on where the inputs differ.
///
/// Signatures are compared with this so an attacker cannot learn a valid signature
/// byte by byte from response times. Only the lengths leak, and those are public.
public enum ConstantTime {
    /// True when both sequences hold the same bytes.
    public static func isEqual(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
