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
