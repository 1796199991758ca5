/// Runs `body` with `resource`, then `cleanup`, also when `body` throws, and returns what `body`
/// returned.
///
/// Swift has no `async defer`, and every test fixture that starts a server, a client or a
/// connection must stop it however the test ends, or the next test inherits its port or its
/// threads. This is the one place that ordering is written.
nonisolated(nonsending) public func withCleanup<Resource, Result>(
    of resource: Resource,
    _ body: nonisolated(nonsending) (Resource) async throws -> Result,
    cleanup: nonisolated(nonsending) (Resource) async -> Void
) async throws -> Result {
    let result: Result
    do {
        result = try await body(resource)
    } catch {
        await cleanup(resource)
        throw error
    }
    await cleanup(resource)
    return result
}
