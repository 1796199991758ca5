import Foundation
import PolarAPI
import Testing

@testable import Dashboard

@Suite struct EffectRunnerTests {
    /// Collects what the runner posts.
    final class Inbox: @unchecked Sendable {
        private let lock = NSLock()
        private var actions: [Action] = []
        func push(_ action: Action) {
            lock.lock()
            actions.append(action)
            lock.unlock()
        }
        var all: [Action] {
            lock.lock()
            defer { lock.unlock() }
            return actions
        }
    }

    /// Polls until `condition` holds, for at most ~5 s.
    func eventually(_ condition: () -> Bool) async -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test func generateSecretPostsItsAction() {
        let inbox = Inbox()
        let runner = EffectRunner(connection: nil, post: inbox.push)
        runner.run(.generateSecret)
        guard case .secretGenerated(let secret) = inbox.all.first else {
            Issue.record("expected a generated secret")
            return
        }
        #expect(secret.hasPrefix("whsec_"))
    }

    @Test func withoutAConnectionRequestsFailInWords() {
        let inbox = Inbox()
        let runner = EffectRunner(connection: nil, post: inbox.push)
        runner.run(.loadOrganizations(RequestID(7)))
        guard case .failed(let id, let error) = inbox.all.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(id == RequestID(7))
        #expect(error == .network("not connected"))
    }

    /// Found by the fault soak: a request that failed at once (the emulator's instant 500)
    /// could end before the loop thread recorded its task; its answer was then dropped as if
    /// cancelled, and the form said "Creating endpoint…" for ever.
    @Test func anAnswerThatComesBeforeTheTaskIsRecordedIsPosted() async {
        // Nothing listens on this loopback port: the request fails at once.
        let target = "http://127.0.0.1:1"
        let client = PolarClient(
            configuration: PolarClientConfiguration(
                environment: .custom(target), token: "polar_oat_test", timeout: .seconds(5), retryPolicy: .none))
        let connection = DashboardConnection(client: client, environment: .custom(target), tokenKind: .organization)
        let inbox = Inbox()
        let id = RequestID(3)
        let answered: @Sendable () -> Bool = {
            inbox.all.contains {
                switch $0 {
                case .failed(id, _), .organizationsLoaded(id, _): true
                default: false
                }
            }
        }
        // The loop thread loses the processor right after creating the task, until the task
        // has answered (or 5 s have passed, when the answer was dropped).
        let runner = EffectRunner(
            connection: connection, post: inbox.push,
            afterTaskCreated: { _ in
                for _ in 0..<500 where !answered() { usleep(10_000) }
            })
        // From a thread of its own, as the dashboard's loop thread does: the hook blocks it.
        let loopThread = Thread { runner.run(.loadOrganizations(id)) }
        loopThread.start()
        #expect(await eventually(answered))
        runner.run(.cancel(id))
        let answers = inbox.all.filter {
            switch $0 {
            case .failed(id, _), .organizationsLoaded(id, _): true
            default: false
            }
        }
        #expect(answers.count == 1)
        runner.cancelAll()
        await client.shutdown()
    }

    @Test func cancelAnswersAtOnceAndOnlyOnce() async {
        // A port nothing listens on behind a black-hole address: the request cannot finish soon.
        let client = PolarClient(
            configuration: PolarClientConfiguration(
                environment: .custom("http://10.255.255.1:9"), token: "polar_oat_test",
                timeout: .seconds(30),
                retryPolicy: .none))
        let connection = DashboardConnection(
            client: client, environment: .custom("http://10.255.255.1:9"), tokenKind: .organization)
        let inbox = Inbox()
        let runner = EffectRunner(connection: connection, post: inbox.push)
        let id = RequestID(1)
        runner.run(.loadOrganizations(id))
        runner.run(.cancel(id))
        let cancelled = await eventually {
            inbox.all.contains { if case .failed(id, .cancelled) = $0 { true } else { false } }
        }
        #expect(cancelled)
        runner.run(.cancel(id))
        let answers = inbox.all.filter { if case .failed(id, _) = $0 { true } else { false } }
        #expect(answers.count == 1)
        runner.cancelAll()
        await client.shutdown()
    }
}
