import FoundationEssentials
import TerminalUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one thread that owns the terminal: wait for an event, turn it into actions, update,
/// run the effects, draw. Sleeps while nothing happens; wakes early only for the status
/// line's expiry and the spinner while a request is in flight.
final class DashboardLoop {
    private let terminal: Terminal
    private let queue = ActionQueue()
    private let runner: EffectRunner
    private var state: DashboardState
    private var pending: [Effect]

    init(
        terminal: Terminal, runner factory: DashboardApp.EffectRunnerFactory, start: DashboardApp.Start
    ) {
        self.terminal = terminal
        let queue = self.queue
        runner = EffectRunner(
            connection: factory.connection, connect: factory.connect, startDemo: factory.startDemo,
            post: { [terminal] action in
                queue.push(action)
                terminal.wake()
            })
        (state, pending) = start(terminal.size, Date())
    }

    /// Runs until quit; returns the signal that ended it, if one did.
    func run() -> Int32? {
        defer { runner.cancelAll() }
        perform(pending)
        terminal.draw(render(state))
        while !state.shouldQuit {
            // Answers still queued from a flood: look at the keyboard, but do not sleep.
            let timeout =
                queue.isEmpty
                ? nextDeadline(state).map { deadline -> Duration in
                    .milliseconds(max(1, Int(deadline.timeIntervalSinceNow * 1000)))
                } : .zero
            var actions: [Action] = [.tick(Date())]
            switch terminal.nextEvent(timeout: timeout) {
            case .key(let key): actions.append(.key(key))
            case .resize(let size): actions.append(.resize(size))
            case .wake, .timeout: break
            case .terminate(let signal): return signal
            }
            // The user's key goes first and the answers are taken a bounded batch at a time,
            // so a server that floods the dashboard can never keep it from hearing `q`.
            actions += queue.drain(atMost: Self.actionsPerFrame)
            for action in actions {
                perform(update(&state, action))
                if let reason = state.quitReason { return reason == .interrupt ? SIGINT : nil }
            }
            terminal.draw(render(state))
        }
        return state.quitReason == .interrupt ? SIGINT : nil
    }

    /// How many queued answers one frame takes before it looks at the keyboard again.
    static let actionsPerFrame = 64

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .redraw: terminal.redraw()
            case .suspend: terminal.suspend()
            case .copyToClipboard(let text): terminal.copyToClipboard(text)
            case .bell: terminal.bell()
            case .quit: break
            default: runner.run(effect)
            }
        }
    }
}
