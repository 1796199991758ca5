import ArgumentParser
import FoundationEssentials
import PolarAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs ``HealthWatch`` until Ctrl-C or SIGTERM (then the exit status is 128 + the signal), or
/// until it fails in a way waiting cannot mend; the client is always shut down.
struct HealthWatchRun {
    let context: CommandContext
    let organizations: [String]
    let endpointIDs: [String]
    let interval: Int
    let budget: Int

    /// How long a round in flight may take to notice it was cancelled before the program ends anyway.
    static let stopTimeout: Duration = .seconds(2)

    private enum End: Sendable {
        case signal(Int32)
        case failed(any Error)
    }

    func run() async throws {
        let signals = TerminationSignals()
        // No retries inside the client: the watch counts every request and retries a round itself.
        let client = try context.makeClient(retryPolicy: .none)
        let (ends, ending) = AsyncStream<End>.makeStream()
        let waiter = Task {
            if let number = await signals.wait() { ending.yield(.signal(number)) }
        }
        let watch = HealthWatch(
            source: HealthSource(client: client, organizationIDs: organizations, endpointIDs: endpointIDs),
            interval: interval, budget: budget,
            display: HealthWatchDisplay(console: context.console, json: context.printsJSON))
        let worker = Task {
            do {
                try await watch.run()
            } catch {
                ending.yield(.failed(error))
            }
        }
        var iterator = ends.makeAsyncIterator()
        let end = await iterator.next()
        worker.cancel()
        waiter.cancel()
        await Self.wait(for: worker, atMost: Self.stopTimeout)
        await client.shutdown()
        switch end {
        case .signal(let number)?: throw TerminationSignals.exit(after: number)
        case .failed(let error as PolarError)?: throw CLIError(error)
        case .failed(let error)?: throw error
        case nil: return
        }
    }

    /// Waits for `task` to end, but no longer than `timeout`.
    private static func wait(for task: Task<Void, Never>, atMost timeout: Duration) async {
        let (done, finish) = AsyncStream<Void>.makeStream()
        let ended = Task {
            await task.value
            finish.yield()
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            finish.yield()
        }
        var iterator = done.makeAsyncIterator()
        _ = await iterator.next()
        ended.cancel()
        timer.cancel()
    }
}
