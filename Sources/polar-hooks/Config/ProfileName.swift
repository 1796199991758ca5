/// The rule for profile names: letters, digits, `-` and `_`, so they stay bare TOML keys.
enum ProfileName {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                || scalar == "_")
    }

    static func validate(_ name: String) throws(CLIError) {
        guard !name.isEmpty, name.count <= 64, name.unicodeScalars.allSatisfy(isAllowed) else {
            throw .usage(
                "'\(name)' is not a valid profile name; use letters, digits, '-' and '_' (up to 64)")
        }
    }
}
