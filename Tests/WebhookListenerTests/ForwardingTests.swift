import Foundation
import StandardWebhooks
import Testing
import WebhookListener

@Suite struct ForwardingTests {
    static let secret = WebhookListenerTests.secret

    /// `body` with a target listener and a listener forwarding to it.
    func withPair(
        target targetOptions: ListenerOptions, listener listenerOptions: (String) -> ListenerOptions,
        _ body: (_ target: RunningListener, _ listener: RunningListener) async throws -> Void
    ) async throws {
        try await RunningListener.with(targetOptions) { target in
            try await RunningListener.with(listenerOptions(target.url)) { listener in
                try await body(target, listener)
            }
        }
    }

    @Test func aVerifiedWebhookIsForwardedByteForByteAndItsAnswerRelayed() async throws {
        // The user's server, played by a second listener that checks the same secret.
        try await withPair(
            target: ListenerOptions(port: 0, path: "/hook", secret: Self.secret),
            listener: { ListenerOptions(port: 0, secret: Self.secret, forwardURL: $0) }
        ) { target, listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_fwd")
            let result = try await ListenerClient.post(listener.url, headers: headers, body: body)
            #expect(result.status == 200)
            #expect(result.body == "ok\n")
            let arrived = try #require(await target.next())
            #expect(arrived.body == body)
            #expect(arrived.webhookID == "evt_fwd")
            #expect(arrived.apiVersion == "2026-10")
            #expect(arrived.verification == .verified(.standard))
            let webhook = try #require(await listener.next())
            guard case .answered(status: 200, _) = webhook.forwarding else {
                Issue.record("not forwarded: \(webhook.forwarding)")
                return
            }
        }
    }

    @Test func onlyTheHeadersPolarSendsAreForwarded() async throws {
        try await withPair(
            target: ListenerOptions(port: 0, secret: Self.secret),
            listener: { ListenerOptions(port: 0, secret: Self.secret, forwardURL: $0) }
        ) { target, listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_headers")
            // None of these is covered by the signature; the user's server may trust them.
            let strangers = [("Authorization", "Bearer stolen"), ("Cookie", "session=abc"), ("X-Stranger", "anything")]
            #expect(try await ListenerClient.post(listener.url, headers: headers + strangers, body: body).status == 200)
            let arrived = try #require(await target.next())
            let names = Set(arrived.headers.map { $0.name.lowercased() })
            #expect(names.isDisjoint(with: ["authorization", "cookie", "x-stranger"]), "\(names)")
            #expect(
                names.isSuperset(of: [
                    "webhook-id", "webhook-timestamp", "webhook-signature", "webhook-api-version", "content-type",
                    "user-agent",
                ]))
            #expect(
                arrived.headers.contains { $0.name.lowercased() == "user-agent" && $0.value == "polar.sh webhooks" })
            #expect(arrived.body == body)
            #expect(arrived.verification == .verified(.standard))
            // The listener itself still saw (and would save) every header.
            let seen = try #require(await listener.next())
            #expect(seen.headers.contains { $0.name.lowercased() == "authorization" })
        }
    }

    @Test func aHeaderAskedForIsForwardedAndNoOtherStranger() async throws {
        try await withPair(
            target: ListenerOptions(port: 0),
            listener: {
                ListenerOptions(port: 0, secret: Self.secret, forwardURL: $0, forwardHeaders: ["X-Request-Id"])
            }
        ) { target, listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_asked")
            let extra = [("x-request-id", "req_42"), ("Authorization", "Bearer stolen")]
            #expect(try await ListenerClient.post(listener.url, headers: headers + extra, body: body).status == 200)
            let arrived = try #require(await target.next())
            #expect(arrived.headers.contains { $0.name.lowercased() == "x-request-id" && $0.value == "req_42" })
            #expect(!arrived.headers.contains { $0.name.lowercased() == "authorization" })
        }
    }

    @Test func theTargetsRefusalIsWhatPolarHears() async throws {
        // The target checks a different secret, so it answers 401 with its reason.
        try await withPair(
            target: ListenerOptions(port: 0, secret: "another-secret-entirely-0123456789"),
            listener: { ListenerOptions(port: 0, forwardURL: $0) }
        ) { _, listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret)
            let result = try await ListenerClient.post(listener.url, headers: headers, body: body)
            #expect(result.status == 401)
            #expect(result.body.contains("verification failed"))
            #expect(result.contentType?.hasPrefix("text/plain") == true)
            guard case .answered(status: 401, _)? = await listener.next()?.forwarding else {
                Issue.record("the target's 401 was not relayed")
                return
            }
        }
    }

    @Test func aWebhookThatDoesNotVerifyIsNotForwarded() async throws {
        try await withPair(
            target: ListenerOptions(port: 0),
            listener: { ListenerOptions(port: 0, secret: Self.secret, forwardURL: $0) }
        ) { target, listener in
            let stranger = "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()
            let (headers, body) = try ListenerClient.signed(secret: stranger)
            #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 401)
            #expect(await listener.next()?.forwarding == .withheld)
            // A good one follows; it is the first the target ever saw.
            let (goodHeaders, goodBody) = try ListenerClient.signed(secret: Self.secret)
            #expect(try await ListenerClient.post(listener.url, headers: goodHeaders, body: goodBody).status == 200)
            #expect(await target.next()?.sequence == 1)
        }
    }

    @Test func anUnreachableTargetAnswers502() async throws {
        // Port 1 (tcpmux) has no listener on any ordinary machine; a port freed by stopping a
        // server could be handed to a test running beside this one.
        let goneURL = "http://127.0.0.1:1/"
        try await RunningListener.with(ListenerOptions(port: 0, forwardURL: goneURL)) { listener in
            let result = try await ListenerClient.post(listener.url, headers: [], body: Array("{}".utf8))
            #expect(result.status == 502)
            #expect(result.body.contains("could not forward the webhook: connection refused"))
            #expect(!result.body.contains(goneURL))
            guard case .unreachable(let reason)? = await listener.next()?.forwarding else {
                Issue.record("not reported as unreachable")
                return
            }
            #expect(reason == "connection refused")
            #expect(result.body.contains("connection refused"))
        }
    }
}
