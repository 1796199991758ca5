import FoundationEssentials
import PolarAPI
import TerminalUI

/// The dashboard's entry points, wired by the executable.
public enum DashboardApp {
    /// Runs until quit; the terminal is restored on every path. Returns the signal number if
    /// a signal ended it.
    public static func run(_ connection: DashboardConnection, options: DashboardOptions) async throws
        -> Int32?
    {
        let runner = EffectRunnerFactory(connection: connection, connect: nil, startDemo: nil)
        return try await runOnLoopThread(options: options, runner: runner) { size, now in
            var state = DashboardState(
                size: size, now: now, environment: connection.environment, tokenKind: connection.tokenKind)
            state.live = options.liveRefresh
            let effects = startLoading(&state)
            return (state, effects)
        }
    }

    /// No token configured: a first-run screen saying where a token comes from (Polar →
    /// Settings → Developers, scope webhooks:write), taking a pasted one with echo off
    /// (masked), or offering the demo; then continues into the dashboard.
    public static func runFirstRun(
        options: DashboardOptions,
        useToken: @escaping @Sendable (String) async throws -> DashboardConnection,
        startDemo: @escaping @Sendable () async throws -> DashboardConnection
    ) async throws -> Int32? {
        let runner = EffectRunnerFactory(connection: nil, connect: useToken, startDemo: startDemo)
        return try await runOnLoopThread(options: options, runner: runner) { size, now in
            var state = DashboardState.firstRun(size: size, now: now)
            state.live = options.liveRefresh
            return (state, [])
        }
    }

    struct EffectRunnerFactory: Sendable {
        let connection: DashboardConnection?
        let connect: EffectRunner.Connect?
        let startDemo: EffectRunner.StartDemo?
    }

    typealias Start = @Sendable (Size, Date) -> (DashboardState, [Effect])

    // The loop blocks in poll(), so it gets a thread of its own rather than one of the few
    // threads that run async tasks (the effects need those).
    private static func runOnLoopThread(
        options: DashboardOptions, runner: EffectRunnerFactory, start: @escaping Start
    ) async throws -> Int32? {
        try await withCheckedThrowingContinuation {
            (continuation: CheckedContinuation<Int32?, any Error>) in
            do {
                try LoopThread.start {
                    do {
                        let terminal = try Terminal(
                            options: TerminalOptions(color: options.color, mouse: options.mouse))
                        let loop = DashboardLoop(terminal: terminal, runner: runner, start: start)
                        let signal = loop.run()
                        terminal.restore()
                        continuation.resume(returning: signal)
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }
}

extension DashboardOptions {
    var liveRefresh: LiveRefresh {
        LiveRefresh(interval: refreshInterval, budget: refreshBudget, bell: bell)
    }
}
