/// An item of a list that this version could not read, while the rest of its page was read.
///
/// It carries no value of the item (an endpoint holds its secret), only its `id` when one
/// could be read and what was wrong, so a list can say "1 endpoint could not be read: <id>:
/// expected true or false at enabled" and still show every other item.
public struct UnreadableItem: Sendable, Hashable, CustomStringConvertible {
    /// The item's `id`, when it had a readable one. Server text: sanitize before display.
    public var id: String?
    /// The page the item came on (1-based), when it came through a paged walk.
    public var page: Int?
    /// The item's place in its page's `items`, from 0.
    public var index: Int
    /// What was wrong, in words, e.g. `expected true or false at enabled`.
    public var problem: String

    public init(id: String?, page: Int? = nil, index: Int, problem: String) {
        self.id = id
        self.page = page
        self.index = index
        self.problem = problem
    }

    /// The longest `id` kept: a real one is a UUID; a hostile one must not fill the screen.
    static let maxIdentifierLength = 100

    /// `<id>: <problem>`, or `item 3 of page 2: <problem>` when the id could not be read.
    public var description: String {
        if let id { return "\(id): \(problem)" }
        let place = page.map { "item \(index + 1) of page \($0)" } ?? "item \(index + 1)"
        return "\(place): \(problem)"
    }
}
