/// Names one API request in flight, so its answer finds its way back and Esc can cancel it.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public var description: String { "#\(rawValue)" }
}
