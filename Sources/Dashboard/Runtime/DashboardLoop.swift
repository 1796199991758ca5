import Foundation
import TerminalUI

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
            let timeout = nextDeadline(state).map { deadline -> Duration in
                .milliseconds(max(1, Int(deadline.timeIntervalSinceNow * 1000)))
            }
            var actions: [Action] = []
            switch terminal.nextEvent(timeout: timeout) {
            case .key(let key): actions.append(.key(key))
            case .resize(let size): actions.append(.resize(size))
            case .wake, .timeout: break
            case .terminate(let signal): return signal
            }
            actions = [.tick(Date())] + queue.drain() + actions
            for action in actions {
                perform(update(&state, action))
                if state.shouldQuit { return nil }
            }
            terminal.draw(render(state))
        }
        return nil
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .redraw: terminal.redraw()
            case .suspend: terminal.suspend()
            case .copyToClipboard(let text): terminal.copyToClipboard(text)
            case .quit: break
            default: runner.run(effect)
            }
        }
    }
}
