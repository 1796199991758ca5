import Foundation
import PolarAPI

/// Carries out the API effects as tasks and posts their answers as actions.
///
/// Esc cancels a request: its task is cancelled and `.failed(id, .cancelled)` is posted at
/// once, so the screen never waits for a client that is slow to notice; anything the task
/// posts later for that id is dropped.
final class EffectRunner: @unchecked Sendable {
    typealias Connect = @Sendable (String) async throws -> DashboardConnection
    typealias StartDemo = @Sendable () async throws -> DashboardConnection

    private let lock = NSLock()
    private var connection: DashboardConnection?
    private var tasks: [RequestID: Task<Void, Never>] = [:]
    private let post: @Sendable (Action) -> Void
    private let connect: Connect?
    private let startDemo: StartDemo?

    init(
        connection: DashboardConnection?, connect: Connect? = nil, startDemo: StartDemo? = nil,
        post: @escaping @Sendable (Action) -> Void
    ) {
        self.connection = connection
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
                    deliver(.endpointsPage(id, page.items, totalCount: page.pagination.totalCount))
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
                return .deliveriesPage(id, result.items, page: page, pagination: result.pagination)
            }
        case .redeliver(let id, let eventID, let eventType):
            start(id) { client, _ in
                try await client.redeliver(eventId: eventID)
                return .redelivered(id, eventType: eventType)
            }
        case .generateSecret:
            post(.secretGenerated(Self.generateSecret()))
        case .cancel(let id):
            cancel(id)
        case .connect(let id, let token):
            guard let connect else { return }
            startConnecting(id) { try await connect(token) }
        case .startDemo(let id):
            guard let startDemo else { return }
            startConnecting(id) { try await startDemo() }
        case .copyToClipboard, .redraw, .suspend, .quit:
            break
        }
    }

    /// Cancels every task (on quit).
    func cancelAll() {
        lock.lock()
        let running = tasks.values
        tasks.removeAll()
        lock.unlock()
        for task in running { task.cancel() }
    }

    /// `whsec_` and the base64 of 32 bytes from the system's CSPRNG: the shape of a Polar
    /// secret, long enough for the 32-character minimum.
    static func generateSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return "whsec_" + Data(bytes).base64EncodedString()
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

    private func register(_ id: RequestID, _ task: Task<Void, Never>) {
        lock.lock()
        tasks[id] = task
        lock.unlock()
    }

    private func cancel(_ id: RequestID) {
        lock.lock()
        let task = tasks.removeValue(forKey: id)
        lock.unlock()
        guard let task else { return }
        task.cancel()
        post(.failed(id, .cancelled))
    }

    private func post(_ action: Action, ifRunning id: RequestID) {
        lock.lock()
        let running = tasks[id] != nil
        lock.unlock()
        if running { post(action) }
    }

    private func finish(_ id: RequestID, with action: Action) {
        lock.lock()
        let running = tasks.removeValue(forKey: id) != nil
        lock.unlock()
        if running { post(action) }
    }

    private func currentConnection() -> DashboardConnection? {
        lock.lock()
        defer { lock.unlock() }
        return connection
    }

    private func setConnection(_ connection: DashboardConnection) {
        lock.lock()
        self.connection = connection
        lock.unlock()
    }
}
