import FoundationEssentials
import PolarAPI
import Synchronization

/// `emulator --traffic RATE`: the emulator makes up events on its own and sends them through the
/// normal delivery worker (signing, retries, the FIFO guard, auto-disable), as if customers
/// were buying. Stops with the emulator.
final class TrafficGenerator: Sendable {
    /// Skip a beat rather than pile up work when receivers are slower than the traffic.
    static let maxActiveDeliveries = 500

    private let store: EmulatorStore
    private let worker: DeliveryWorker
    private let plan: TrafficPlan
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(plan: TrafficPlan, store: EmulatorStore, worker: DeliveryWorker) {
        self.plan = plan
        self.store = store
        self.worker = worker
    }

    func start() {
        task.withLock { task in
            guard task == nil else { return }
            task = Task { [plan, store, worker] in
                var plan = plan
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(for: plan.nextDelay())
                    } catch {
                        return
                    }
                    guard worker.activeCount < Self.maxActiveDeliveries,
                        let type = plan.nextType(from: await store.subscribedEventTypes())
                    else { continue }
                    for record in await store.createEvents(type: type, organizationId: nil) {
                        worker.start(eventId: record.event.id)
                    }
                }
            }
        }
    }

    /// Stops making events and waits for the loop to end. Safe to call more than once.
    func stop() async {
        let running = task.withLock { task in
            defer { task = nil }
            return task
        }
        running?.cancel()
        await running?.value
    }
}
