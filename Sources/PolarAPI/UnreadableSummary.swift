extension UnreadableItem {
    /// The most items a summary names one by one; the rest are counted.
    public static let summaryNamedLimit = 5

    /// `2 endpoints could not be read (…); they are left out: <id>: <problem>; item 3 of page 2: …`,
    /// or nil when the list is empty. Holds server text: sanitize before display.
    public static func summary(_ unreadable: [UnreadableItem], singular: String, plural: String) -> String? {
        guard !unreadable.isEmpty else { return nil }
        let noun = unreadable.count == 1 ? singular : plural
        let verb = unreadable.count == 1 ? "it is" : "they are"
        var list = unreadable.prefix(summaryNamedLimit).map(\.description).joined(separator: "; ")
        if unreadable.count > summaryNamedLimit { list += "; and \(unreadable.count - summaryNamedLimit) more" }
        return "\(unreadable.count) \(noun) could not be read (a newer Polar, or a damaged answer); "
            + "\(verb) left out: \(list)"
    }
}
