import FoundationEssentials
import PolarAPI
import Synchronization

/// Carries out the API effects as tasks and posts their answers as actions.
///
/// Esc cancels a request: its task is cancelled and `.failed(id, .cancelled)` is posted at
/// once, so the screen never waits for a client that is slow to notice; anything the task
/// posts later for that id is dropped.
///
/// A request is live from before its task exists until it finishes or is cancelled, so a task
/// that ends at once (a server that fails instantly) is never mistaken for a cancelled one,
/// whichever thread gets there first.
final class EffectRunner: Sendable {
    typealias Connect = @Sendable (String) async throws -> DashboardConnection
    typealias StartDemo = @Sendable () async throws -> DashboardConnection

    /// The connection (set once the first-run screen connects) and the requests still running.
    private struct Running {
        var connection: DashboardConnection?
        /// Requests whose answer is still wanted.
        var live: Set<RequestID> = []
        /// Their tasks, for cancelling; a task may be missing for a moment after it starts.
        var tasks: [RequestID: Task<Void, Never>] = [:]
    }

    private let running: Mutex<Running>
    private let post: @Sendable (Action) -> Void
    private let connect: Connect?
    private let startDemo: StartDemo?
    /// For tests: runs after a request's task is created and before it is recorded, the
    /// moment at which the loop thread may lose the processor to that very task.
    private let afterTaskCreated: (@Sendable (RequestID) -> Void)?

    init(
        connection: DashboardConnection?, connect: Connect? = nil, startDemo: StartDemo? = nil,
        post: @escaping @Sendable (Action) -> Void, afterTaskCreated: (@Sendable (RequestID) -> Void)? = nil
    ) {
        self.afterTaskCreated = afterTaskCreated
        running = Mutex(Running(connection: connection))
        self.connect = connect
        self.startDemo = startDemo
        self.post = post
    }

    /// Starts the work of one effect. Terminal effects (redraw, suspend, clipboard, quit)
    /// belong to the loop and are ignored here.
    func run(_ effect: Effect) {
        switch effect {
        case .loadEndpoints(let id):
            start(id) { client, deliver in
                for try await page in client.endpointPages() {
                    deliver(
                        .endpointsPage(
                            id, page.items, totalCount: page.pagination.totalCount, unreadable: page.unreadable))
                }
                return .endpointsLoaded(id)
            }
        case .loadOrganizations(let id):
            start(id) { client, _ in .organizationsLoaded(id, try await client.organizations().items) }
        case .createEndpoint(let id, let body):
            start(id) { client, _ in .created(id, try await client.createEndpoint(body)) }
        case .updateEndpoint(let id, let endpointID, let body):
            start(id) { client, _ in .updated(id, try await client.updateEndpoint(id: endpointID, body)) }
        case .deleteEndpoint(let id, let endpointID):
            start(id) { client, _ in
                try await client.deleteEndpoint(id: endpointID)
                return .deleted(id, id: endpointID)
            }
        case .resetSecret(let id, let endpointID):
            start(id) { client, _ in
                .secretReset(id, try await client.resetSecret(endpointId: endpointID))
            }
        case .loadDeliveries(let id, let filter, let page):
            start(id) { client, _ in
                let result = try await client.listDeliveries(filter, page: page, limit: DeliveriesState.pageSize)
                return .deliveriesPage(
                    id, result.items, page: page, pagination: result.pagination, unreadable: result.unreadable)
            }
        case .redeliver(let id, let eventID, let eventType):
            start(id) { client, _ in
                try await client.redeliver(eventId: eventID)
                return .redelivered(id, eventType: eventType)
            }
        case .refreshEndpoints(let id):
            start(id) { client, _ in
                var endpoints: [WebhookEndpoint] = []
                for try await page in client.endpointPages() { endpoints += page.items }
                return .endpointsRefreshed(id, endpoints)
            }
        case .loadHealth(let id, let endpointID, let history, let olderPages):
            start(id) { client, _ in
                let pagesLeft = Mutex(olderPages)
                let refresh = try await client.refreshedHistory(history, endpointID: endpointID) {
                    pagesLeft.withLock { left in
                        guard left > 0 else { return false }
                        left -= 1
                        return true
                    }
                }
                return .healthLoaded(id, endpointID: endpointID, refresh)
            }
        case .refreshDeliveries(let id, let filter):
            start(id) { client, _ in
                let page = try await client.listDeliveries(filter, page: 1, limit: DeliveriesState.pageSize)
                return .deliveriesRefreshed(id, page.items, pagination: page.pagination)
            }
        case .generateSecret:
            post(.secretGenerated(EndpointSecretRules.generate()))
        case .cancel(let id):
            cancel(id)
        case .connect(let id, let token):
            guard let connect else { return }
            startConnecting(id) { try await connect(token) }
        case .startDemo(let id):
            guard let startDemo else { return }
            startConnecting(id) { try await startDemo() }
        case .copyToClipboard, .redraw, .suspend, .quit, .bell:
            break
        }
    }

    /// Cancels every task (on quit).
    func cancelAll() {
        let tasks = running.withLock { running in
            defer {
                running.tasks.removeAll()
                running.live.removeAll()
            }
            return Array(running.tasks.values)
        }
        for task in tasks { task.cancel() }
    }

    static func polarError(_ error: any Error) -> PolarError {
        if let error = error as? PolarError { return error }
        if error is CancellationError { return .cancelled }
        return .network(String(describing: error))
    }

    private func start(
        _ id: RequestID,
        _ work:
            @escaping @Sendable (PolarClient, _ deliver: @escaping @Sendable (Action) -> Void)
            async throws -> Action
    ) {
        guard let client = currentConnection()?.client else {
            post(.failed(id, .network("not connected")))
            return
        }
        markLive(id)
        let task = Task { [weak self] in
            guard let self else { return }
            let deliver: @Sendable (Action) -> Void = { [weak self] action in
                self?.post(action, ifRunning: id)
            }
            let result: Action
            do {
                result = try await work(client, deliver)
            } catch {
                result = .failed(id, Self.polarError(error))
            }
            self.finish(id, with: result)
        }
        register(id, task)
    }

    private func startConnecting(
        _ id: RequestID, _ open: @escaping @Sendable () async throws -> DashboardConnection
    ) {
        markLive(id)
        let task = Task { [weak self] in
            guard let self else { return }
            let result: Action
            do {
                let connection = try await open()
                // One cheap read proves the token works before the dashboard opens.
                _ = try await connection.client.listEndpoints(page: 1, limit: 1)
                self.setConnection(connection)
                result = .connected(
                    id, environment: connection.environment, tokenKind: connection.tokenKind)
            } catch {
                let message =
                    (error as? PolarError)?.description ?? "That did not work: \(type(of: error))."
                result = .connectionFailed(id, message: message)
            }
            self.finish(id, with: result)
        }
        register(id, task)
    }

    private func markLive(_ id: RequestID) {
        running.withLock { _ = $0.live.insert(id) }
    }

    /// Records the task for cancelling, unless its request already ended: then there is
    /// nothing to keep (and a task whose request was cancelled meanwhile is stopped).
    private func register(_ id: RequestID, _ task: Task<Void, Never>) {
        afterTaskCreated?(id)
        let stillLive = running.withLock { running in
            guard running.live.contains(id) else { return false }
            running.tasks[id] = task
            return true
        }
        if !stillLive { task.cancel() }
    }

    private func cancel(_ id: RequestID) {
        let (wasLive, task) = running.withLock { running in
            (running.live.remove(id) != nil, running.tasks.removeValue(forKey: id))
        }
        task?.cancel()
        if wasLive { post(.failed(id, .cancelled)) }
    }

    private func post(_ action: Action, ifRunning id: RequestID) {
        if running.withLock({ $0.live.contains(id) }) { post(action) }
    }

    private func finish(_ id: RequestID, with action: Action) {
        let wasLive = running.withLock { running in
            running.tasks[id] = nil
            return running.live.remove(id) != nil
        }
        if wasLive { post(action) }
    }

    private func currentConnection() -> DashboardConnection? { running.withLock { $0.connection } }

    private func setConnection(_ connection: DashboardConnection) {
        running.withLock { $0.connection = connection }
    }
}
