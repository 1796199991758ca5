import ArgumentParser
import FoundationEssentials
import PolarAPI

extension CompletionKind {
    /// The endpoint IDs of the configured account, offered when the shell completes an
    /// endpoint ID (see ``EndpointIDCompletion``).
    static var endpointIDs: CompletionKind {
        .custom { words, _, prefix in
            await EndpointIDCompletion.candidates(
                words: words, prefix: prefix, environment: ProcessInfo.processInfo.environment)
        }
    }
}

/// Asks the configured account for its endpoint IDs when a shell completes one.
///
/// This runs on every TAB, inside the user's shell, so it is quick and silent: one page, no
/// retries, a short deadline, and no candidates at all (never an error or a warning) when
/// there is no token, no network, a bad config file or no answer in time.
enum EndpointIDCompletion {
    /// The longest a TAB waits for the account to answer.
    static let deadline: Duration = .milliseconds(1500)
    /// Polar's largest page; a completion list longer than that helps nobody.
    static let pageSize = 100

    /// The IDs starting with `prefix`, or none. `deadline` is longer only in tests, where a
    /// busy machine can make a debug build slower than a TAB may be.
    static func candidates(
        words: [String], prefix: String, environment: [String: String], deadline: Duration = Self.deadline
    ) async -> [String] {
        guard let settings = settings(words: words, environment: environment), let token = settings.token
        else { return [] }
        let configuration = PolarClientConfiguration(
            environment: settings.environment, token: token, timeout: deadline, retryPolicy: .none)
        let organizations = settings.organizationID.map { [$0] } ?? []
        let ids = await withDeadline(deadline) {
            let client = PolarClient(configuration: configuration, environmentVariables: environment)
            let page = try? await client.listEndpoints(organizationIds: organizations, limit: pageSize)
            await client.shutdown()
            return page?.items.map(\.id) ?? []
        }
        return (ids ?? []).filter { $0.hasPrefix(prefix) && isPlainIdentifier($0) }
    }

    /// The connection the command being completed would use: its own `--profile`, `--env`,
    /// `--api-url` and `--token` words, then the environment, then the config file.
    static func settings(words: [String], environment: [String: String]) -> ConnectionSettings? {
        let flags = ConnectionFlags(
            token: value(of: "--token", in: words), environment: value(of: "--env", in: words),
            apiURL: value(of: "--api-url", in: words), profile: value(of: "--profile", in: words))
        guard let config = try? ConfigStore(environment: environment).load() else { return nil }
        return try? ConnectionSettings.resolve(flags: flags, environment: environment, config: config)
    }

    /// The value after `--name` or in `--name=value`, without the quotes a shell word may keep.
    static func value(of name: String, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if word == name, index + 1 < words.count {
                found = words[index + 1]
            } else if word.hasPrefix(name + "=") {
                found = String(word.dropFirst(name.count + 1))
            }
        }
        return found.map(unquoted)
    }

    private static func unquoted(_ word: String) -> String {
        for quote in ["'", "\""] where word.count >= 2 && word.hasPrefix(quote) && word.hasSuffix(quote) {
            return String(word.dropFirst().dropLast())
        }
        return word
    }

    /// An ID goes straight into the user's command line: only what ``IdentifierValidator``
    /// accepts (a UUID), whatever the server sent.
    static func isPlainIdentifier(_ id: String) -> Bool {
        (try? IdentifierValidator.validate(id, what: "endpoint ID")) == id
    }

    /// The result of `operation`, or nil when it has not finished after `limit`. Unlike a task
    /// group this does not wait for the operation to notice cancellation (a name lookup
    /// cannot be interrupted); the process ends right after completing anyway.
    static func withDeadline<T: Sendable>(
        _ limit: Duration, _ operation: @escaping @Sendable () async -> T
    ) async -> T? {
        let (results, continuation) = AsyncStream.makeStream(of: T.self)
        let work = Task {
            continuation.yield(await operation())
            continuation.finish()
        }
        let timer = Task {
            try? await Task.sleep(for: limit)
            continuation.finish()
        }
        var result: T?
        for await value in results {
            result = value
            break
        }
        timer.cancel()
        if result == nil { work.cancel() }
        return result
    }
}
