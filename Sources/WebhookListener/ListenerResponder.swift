import Foundation
import Hummingbird
import NIOCore
import PolarJSON
import StandardWebhooks
import Synchronization

/// Takes webhooks: checks the signature, forwards or answers, and reports each to the feed.
struct ListenerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let path: String?
    let verifier: WebhookVerifier?
    let forwarder: WebhookForwarder?
    let feed: AsyncStream<ReceivedWebhook>.Continuation
    let counter: Counter

    /// Numbers the webhooks in the order they arrive.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> Int {
            value.withLock {
                $0 += 1
                return $0
            }
        }
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestPath = request.uri.path
        if let path, requestPath != path {
            return Self.text(404, "Nothing here: this listener takes webhooks at \(path)")
        }
        switch request.method {
        case .post: break
        case .get, .head: return Self.text(200, "polar-hooks listener: POST webhooks to this URL.")
        default: return Self.text(405, "Webhooks are POSTed.", headers: [(.allow, "GET, HEAD, POST")])
        }
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.body.collect(upTo: ListenerOptions.maxBodyBytes))
        } catch {
            return Self.text(413, "The body is larger than \(ListenerOptions.maxBodyBytes / 1024 / 1024) MB.")
        }
        let headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
        let verification = verify(headers: headers, body: body)
        let (response, forwarding) = await answer(
            verification: verification, path: requestPath, headers: headers, body: body)
        feed.yield(
            ReceivedWebhook(
                sequence: counter.next(), receivedAt: Date(), path: requestPath,
                webhookID: Self.value("webhook-id", in: headers),
                timestamp: Self.value("webhook-timestamp", in: headers),
                signature: Self.value("webhook-signature", in: headers),
                apiVersion: Self.value("webhook-api-version", in: headers),
                eventType: Self.eventType(of: body), body: body, verification: verification,
                forwarding: forwarding, answeredStatus: Int(response.status.code),
                headers: headers.map { ReceivedWebhook.Header(name: $0.name, value: $0.value) }))
        return response
    }

    private func verify(headers: [(name: String, value: String)], body: [UInt8]) -> ReceivedWebhook.Verification {
        guard let verifier else { return .notChecked }
        var byName: [String: String] = [:]
        for header in headers { byName[header.name.lowercased()] = header.value }
        do {
            return .verified(try verifier.verify(headers: byName, body: body))
        } catch {
            return .failed(error)
        }
    }

    private func answer(
        verification: ReceivedWebhook.Verification, path: String, headers: [(name: String, value: String)],
        body: [UInt8]
    ) async -> (Response, ReceivedWebhook.Forwarding) {
        if case .failed(let error) = verification {
            // A receiver must refuse what does not verify; Polar then records a failure and retries.
            return (
                Self.text(401, "Webhook signature verification failed: \(error)"),
                forwarder == nil ? .notForwarded : .withheld
            )
        }
        guard let forwarder else { return (Self.text(200, "ok"), .notForwarded) }
        do {
            let answer = try await forwarder.forward(path: path, headers: headers, body: body)
            var fields = HTTPFields()
            if let type = answer.contentType { fields[.contentType] = type }
            let response = Response(
                status: HTTPResponse.Status(code: answer.status), headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
            return (response, .answered(status: answer.status, milliseconds: answer.milliseconds))
        } catch {
            return (
                // The forward URL stays out of the answer: it may carry credentials.
                Self.text(502, "polar-hooks listen could not forward the webhook: \(error.reason)"),
                .unreachable(reason: error.reason)
            )
        }
    }

    static func value(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.lowercased() == name }?.value
    }

    /// The payload's `type`, read without trusting the body to be JSON at all.
    static func eventType(of body: [UInt8]) -> String? {
        (try? JSONParser.parse(body))?["type"]?.stringValue
    }

    static func text(_ status: Int, _ text: String, headers: [(HTTPFields.Element.Name, String)] = []) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; charset=utf-8"
        for (name, value) in headers { fields[name] = value }
        return Response(
            status: HTTPResponse.Status(code: status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
