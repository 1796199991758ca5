/// Names one API request in flight, so its answer finds its way back and Esc can cancel it.
struct RequestID: Hashable, Sendable, CustomStringConvertible {
    let rawValue: Int
    init(_ rawValue: Int) { self.rawValue = rawValue }
    var description: String { "#\(rawValue)" }
}
