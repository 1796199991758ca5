/// The few SGR colours the tables use.
enum ANSIColor: String, Equatable {
    case green = "32"
    case red = "31"
    case yellow = "33"
    case dim = "2"

    func apply(_ text: String) -> String { "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" }

    static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
}
