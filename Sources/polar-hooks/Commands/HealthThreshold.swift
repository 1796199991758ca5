import ArgumentParser
import PolarAPI

/// `health --fail-on`: which states make the command exit with status 5.
enum HealthThreshold: String, CaseIterable, ExpressibleByArgument {
    /// Failing or auto-disabled: anything Polar is, or has been, unable to deliver to.
    case failing
    /// Only auto-disabled: Polar has already turned the endpoint off.
    case autoDisabled = "auto-disabled"
    /// Auto-disabled or disabled by someone: Polar sends the endpoint nothing.
    case disabled

    /// The states that trip this threshold.
    var states: Set<EndpointHealth.State> {
        switch self {
        case .failing: [.failing, .autoDisabled]
        case .autoDisabled: [.autoDisabled]
        case .disabled: [.autoDisabled, .disabled]
        }
    }

    func isTripped(by state: EndpointHealth.State) -> Bool { states.contains(state) }

    /// The states in words: `failing or auto-disabled`.
    var words: String {
        switch self {
        case .failing: "failing or auto-disabled"
        case .autoDisabled: "auto-disabled"
        case .disabled: "auto-disabled or disabled"
        }
    }

    /// For `--help`: each value and the states it trips on.
    static let helpText = """
        failing: failing or auto-disabled (default); auto-disabled: only auto-disabled; \
        disabled: auto-disabled or disabled by someone. ok and idle never trip it.
        """
}
