/// The Unicode normal forms IDNA needs, without Foundation: its `precomposedString…Mapping`
/// properties live in the part of Foundation that links ICU (about 40 MB).
///
/// NFC comes from the standard library (which normalizes for string comparison). NFKC is NFC
/// of the compatibility decomposition: the scalars with a compatibility mapping are
/// replaced by their full decomposition (``compatibilityDecompositionTable``), the standard
/// library's NFC decomposes the rest canonically, orders the marks and composes.
enum UnicodeNormalization {
    /// Canonical composition (NFC).
    static func nfc(_ text: String) -> String { String(decoding: text._nfcCodeUnits, as: UTF8.self) }

    /// Compatibility composition (NFKC).
    static func nfkc(_ text: String) -> String {
        var decomposed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let mapping = compatibilityDecompositions[scalar.value] {
                decomposed.append(contentsOf: mapping)
            } else {
                decomposed.append(scalar)
            }
        }
        return nfc(String(decomposed))
    }

    private static let compatibilityDecompositions: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        for entry in compatibilityDecompositionTable.split(whereSeparator: { $0 == ";" || $0.isNewline }) {
            let values = entry.split(separator: " ").compactMap { UInt32($0, radix: 16) }
            guard let key = values.first else { continue }
            table[key] = values.dropFirst().compactMap(Unicode.Scalar.init)
        }
        return table
    }()
}
