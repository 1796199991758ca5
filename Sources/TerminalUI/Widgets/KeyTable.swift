/// One row of a key table: which keys run which command, and how to describe it.
///
/// The same value feeds dispatch (``keys``), the footer (``hint``) and the help screen
/// (``label`` and ``summary``), so the three can never disagree.
public struct KeyBinding<Command: Hashable & Sendable>: Hashable, Sendable {
    public let command: Command
    public let keys: [Key]
    /// How the keys are written for people, e.g. `j/k ↓/↑`.
    public let label: String
    /// What the command does, for the help screen.
    public let summary: String
    /// A word or two for the footer; nil keeps it out of the footer.
    public let hint: String?

    public init(_ command: Command, keys: [Key], label: String, summary: String, hint: String? = nil) {
        self.command = command
        self.keys = keys
        self.label = label
        self.summary = summary
        self.hint = hint
    }

    /// The label's first key, for the footer (`n` of `n`, `?` of `?`).
    public var shortLabel: String { String(label.split(separator: " ").first ?? Substring(label)) }
}

/// A titled group of bindings that are active together ("lists", "form", …).
public struct KeySection<Context: Hashable & Sendable, Command: Hashable & Sendable>: Hashable,
    Sendable
{
    public let context: Context
    public let title: String
    public let bindings: [KeyBinding<Command>]

    public init(_ context: Context, title: String, bindings: [KeyBinding<Command>]) {
        self.context = context
        self.title = title
        self.bindings = bindings
    }
}

/// The whole key map: sections by context, searched in the order the caller gives.
public struct KeyTable<Context: Hashable & Sendable, Command: Hashable & Sendable>: Hashable,
    Sendable
{
    public let sections: [KeySection<Context, Command>]

    public init(_ sections: [KeySection<Context, Command>]) { self.sections = sections }

    /// The command `key` runs in the first of `contexts` that binds it.
    public func command(for key: Key, in contexts: [Context]) -> Command? {
        for context in contexts {
            for section in sections where section.context == context {
                if let binding = section.bindings.first(where: { $0.keys.contains(key) }) {
                    return binding.command
                }
            }
        }
        return nil
    }

    /// Footer hints for `contexts`, in that order, each command once.
    public func hints(for contexts: [Context]) -> [KeyHint] {
        var seen: Set<Command> = []
        var hints: [KeyHint] = []
        for context in contexts {
            for section in sections where section.context == context {
                for binding in section.bindings {
                    guard let hint = binding.hint, seen.insert(binding.command).inserted else { continue }
                    hints.append(KeyHint(key: binding.shortLabel, label: hint))
                }
            }
        }
        return hints
    }

    /// The help screen's sections: every binding with a summary, titled as in the table. A
    /// binding with an empty summary is the second half of a pair described by the first
    /// (`j/k` covers `k`).
    public var helpSections: [HelpOverlay.Section] { helpSections(first: []) }

    /// The help screen's sections with those of `contexts` first (in that order), so the keys
    /// that work where the user pressed `?` are on top; the others follow in table order.
    public func helpSections(first contexts: [Context]) -> [HelpOverlay.Section] {
        let leading = contexts.flatMap { context in sections.filter { $0.context == context } }
        let rest = sections.filter { !contexts.contains($0.context) }
        return (leading + rest).map { section in
            HelpOverlay.Section(
                title: section.title,
                entries: section.bindings.filter { !$0.summary.isEmpty }.map { ($0.label, $0.summary) })
        }
    }
}
