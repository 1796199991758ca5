import FoundationEssentials
import Hummingbird
import NIOCore
import PolarJSON
import StandardWebhooks
import Synchronization

/// Takes webhooks: checks the signature, tells repeats, forwards or answers, and reports each
/// to the feed.
struct ListenerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let path: String?
    let verifier: WebhookVerifier?
    let seen: SeenWebhooks
    let forwarder: WebhookForwarder?
    let maxBodyBytes: Int
    let feed: WebhookFeed
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
            // A body that says it is too large is refused by the server before it gets here.
            body = Array(buffer: try await request.body.collect(upTo: maxBodyBytes))
        } catch {
            return Self.text(413, "The body is larger than \(maxBodyBytes) bytes.")
        }
        let headers = WebhookHeaders(request.headers)
        let receivedAt = Date()
        let verification = verify(headers, body: body)
        let recurrence = remember(verification, headers: headers, at: receivedAt)
        let (response, forwarding) =
            recurrence == .duplicate
            ? duplicateAnswer()
            : await answer(verification: verification, path: requestPath, headers: headers.all, body: body)
        feed.report(
            ReceivedWebhook(
                sequence: counter.next(), receivedAt: receivedAt, path: requestPath, webhookID: headers.id,
                timestamp: headers.timestamp, signature: headers.signature, apiVersion: headers.apiVersion,
                eventType: Self.eventType(of: body), body: body, verification: verification,
                recurrence: recurrence, forwarding: forwarding, answeredStatus: Int(response.status.code),
                headers: headers.all))
        return response
    }

    /// What ``WebhookVerifier/verify(headers:body:)`` says of these headers: a missing or empty
    /// one is named in that order, as the official SDK does; without building its dictionary.
    private func verify(_ headers: WebhookHeaders, body: [UInt8]) -> ReceivedWebhook.Verification {
        guard let verifier else { return .notChecked }
        do throws(WebhookVerificationError) {
            guard let id = headers.id, !id.isEmpty else { throw .missingHeader("webhook-id") }
            guard let timestamp = headers.timestamp, !timestamp.isEmpty else {
                throw .missingHeader("webhook-timestamp")
            }
            guard let signature = headers.signature, !signature.isEmpty else {
                throw .missingHeader("webhook-signature")
            }
            return .verified(try verifier.verify(id: id, timestamp: timestamp, signatureHeader: signature, body: body))
        } catch {
            return .failed(error)
        }
    }

    /// Remembers a verified webhook's attempt and says whether it repeats one; anything not
    /// verified is not remembered (a stranger could otherwise crowd out Polar's ids).
    private func remember(_ verification: ReceivedWebhook.Verification, headers: WebhookHeaders, at now: Date)
        -> ReceivedWebhook.Recurrence
    {
        guard case .verified = verification, let id = headers.id,
            let timestamp = headers.timestamp.flatMap({ Int64($0) })
        else { return .first }
        return seen.record(id: id, timestamp: timestamp, now: now)
    }

    /// The same signed request again: acknowledged, so a sender that repeats it stops, and
    /// not forwarded, so the user's server handles it once.
    private func duplicateAnswer() -> (Response, ReceivedWebhook.Forwarding) {
        (
            Self.text(200, "ok (already received: the same webhook-id and webhook-timestamp; not handled again)"),
            forwarder == nil ? .notForwarded : .skippedDuplicate
        )
    }

    private func answer(
        verification: ReceivedWebhook.Verification, path: String, headers: [ReceivedWebhook.Header],
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

    /// The payload's `type`, read without trusting the body to be JSON at all.
    static func eventType(of body: [UInt8]) -> String? {
        JSONParser.topLevelString(forKey: "type", in: body)
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
