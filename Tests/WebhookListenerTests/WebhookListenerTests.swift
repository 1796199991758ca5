import BackgroundServer
import Foundation
import StandardWebhooks
import Testing
import WebhookListener

@Suite struct WebhookListenerTests {
    static let secret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()

    @Test func aSignedWebhookVerifiesAndIsAnswered() async throws {
        try await RunningListener.with(ListenerOptions(port: 0, secret: Self.secret)) { listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, id: "evt_1")
            let result = try await ListenerClient.post(listener.url, headers: headers, body: body)
            #expect(result.status == 200)
            let webhook = try #require(await listener.next())
            #expect(webhook.sequence == 1)
            #expect(webhook.verification == .verified(.standard))
            #expect(webhook.webhookID == "evt_1")
            #expect(webhook.eventType == "order.paid")
            #expect(webhook.apiVersion == "2026-10")
            #expect(webhook.body == body)
            #expect(webhook.forwarding == .notForwarded)
            #expect(webhook.answeredStatus == 200)
        }
    }

    @Test func aLegacySignatureVerifiesToo() async throws {
        let merchantSecret = "my-own-merchant-secret-at-least-32-chars!"
        try await RunningListener.with(ListenerOptions(port: 0, secret: merchantSecret)) { listener in
            let (headers, body) = try ListenerClient.signed(secret: merchantSecret, scheme: .legacy)
            #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 200)
            #expect(await listener.next()?.verification == .verified(.legacy))
        }
    }

    @Test func aTamperedWebhookIsRefusedWithTheReason() async throws {
        try await RunningListener.with(ListenerOptions(port: 0, secret: Self.secret)) { listener in
            let (headers, body) = try ListenerClient.signed(secret: Self.secret)
            let tampered = Array(
                String(decoding: body, as: UTF8.self).replacingOccurrences(of: "ord_1", with: "ord_2").utf8)
            let result = try await ListenerClient.post(listener.url, headers: headers, body: tampered)
            #expect(result.status == 401)
            #expect(result.body.contains("No signature in the webhook-signature header matches"))
            #expect(!result.body.contains(Self.secret))
            let webhook = try #require(await listener.next())
            #expect(webhook.verification == .failed(.noMatchingSignature))
            #expect(webhook.answeredStatus == 401)
        }
    }

    @Test func anOldTimestampIsRefused() async throws {
        try await RunningListener.with(ListenerOptions(port: 0, secret: Self.secret)) { listener in
            let old = Int(Date().timeIntervalSince1970) - 3600
            let (headers, body) = try ListenerClient.signed(secret: Self.secret, at: old)
            #expect(try await ListenerClient.post(listener.url, headers: headers, body: body).status == 401)
            guard case .failed(.timestampTooOld)? = await listener.next()?.verification else {
                Issue.record("not refused as too old")
                return
            }
        }
    }

    @Test func withoutASecretNothingIsCheckedAndEverythingIsAnswered() async throws {
        try await RunningListener.with(ListenerOptions(port: 0)) { listener in
            #expect(try await ListenerClient.post(listener.url, headers: [], body: Array("hello".utf8)).status == 200)
            let webhook = try #require(await listener.next())
            #expect(webhook.verification == .notChecked)
            #expect(webhook.eventType == nil)
            #expect(webhook.webhookID == nil)
        }
    }

    @Test func onlyTheGivenPathTakesWebhooksAndGetSaysWhatThisIs() async throws {
        try await RunningListener.with(ListenerOptions(port: 0, path: "/webhooks")) { listener in
            #expect(listener.url.hasSuffix("/webhooks"))
            let elsewhere = listener.url.replacingOccurrences(of: "/webhooks", with: "/other")
            let missed = try await ListenerClient.post(elsewhere, headers: [], body: [])
            #expect(missed.status == 404)
            #expect(missed.body.contains("/webhooks"))
            let info = try await ListenerClient.get(listener.url)
            #expect(info.status == 200)
            #expect(info.body.contains("POST webhooks"))
            // Neither was a webhook: the first one reported is the next POST.
            _ = try await ListenerClient.post(listener.url, headers: [], body: Array("x".utf8))
            #expect(await listener.next()?.sequence == 1)
        }
    }

    @Test func aPortInUseIsSaidInWords() async throws {
        try await RunningListener.with(ListenerOptions(port: 0)) { first in
            let port = try #require(URLComponents(string: first.url)?.port)
            let second = try WebhookListener(options: ListenerOptions(port: port))
            await #expect {
                _ = try await second.start()
            } throws: { error in
                guard case ListenerError.cannotListen(_, _, let reason) = error else { return false }
                return reason.hasPrefix("the port is in use by another program")
            }
            await second.stop()
        }
    }

    @Test func badOptionsAreRefusedInWords() {
        #expect(throws: ListenerError.self) { try WebhookListener(options: ListenerOptions(port: 70000)) }
        #expect(throws: ListenerError.invalidOption("The path must start with /, like /webhooks.")) {
            try WebhookListener(options: ListenerOptions(path: "webhooks"))
        }
        #expect(throws: ListenerError.self) {
            try WebhookListener(options: ListenerOptions(forwardURL: "localhost:3000"))
        }
        #expect(throws: ListenerError.invalidOption("The secret is empty.")) {
            try WebhookListener(options: ListenerOptions(secret: ""))
        }
        #expect(
            throws: ListenerError.invalidOption("The Host header belongs to one connection and is never forwarded.")
        ) {
            try WebhookListener(
                options: ListenerOptions(forwardURL: "http://127.0.0.1:3000/", forwardHeaders: ["Host"]))
        }
        #expect(throws: ListenerError.self) {
            try WebhookListener(options: ListenerOptions(forwardHeaders: ["X Bad: header"]))
        }
        #expect(throws: ListenerError.invalidOption("The header timeout must be more than 0 and at most a day.")) {
            try WebhookListener(options: ListenerOptions(limits: ServerLimits(headerTimeout: .zero)))
        }
    }
}
