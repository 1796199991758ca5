/// The few fields of a Polar organization that the organization picker needs. Other keys
/// in the API's answer are ignored.
public struct Organization: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var slug: String

    public init(id: String, name: String, slug: String) {
        self.id = id
        self.name = name
        self.slug = slug
    }
}
