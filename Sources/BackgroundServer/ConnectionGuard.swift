import NIOCore
import NIOHTTP1

/// Holds one HTTP/1 connection to the server's ``ServerLimits``: a deadline for each request's
/// head, for its body and for the wait between requests; a body refused with 413 when its
/// Content-Length is over the limit, before any of it is read; and the connection closed after
/// the answer when the client did not ask to keep it (HTTP/1.0 without keep-alive, or
/// `Connection: close`).
///
/// It sits between NIO's HTTP/1 decoder and the conversion to HTTP types, so it still sees the
/// request's version. ``ArrivalWatcher`` tells it when the first byte of a request arrives.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long a refused client may go on sending before the connection is closed: time to
    /// read the 413 instead of losing it to a reset caused by unread bytes.
    static let lingerAfterRefusal = TimeAmount.seconds(2)

    private enum Reading {
        /// Between requests: the idle deadline runs until the next byte.
        case nothing
        case head
        case body(bytes: Int)
        /// Everything from the client is dropped until the connection closes.
        case discarding
    }

    /// How the client asked the connection to be treated after one answer.
    private struct Manners {
        var version: HTTPVersion
        var keepAlive: Bool
    }

    private let limits: ServerLimits
    private let ticket: ConnectionTicket?
    private var context: ChannelHandlerContext?
    private var reading = Reading.head
    /// Requests passed on and not yet answered, oldest first.
    private var unanswered: [Manners] = []
    private var closeAfterAnswer = false
    private var started = false
    /// When the connection is closed unless something happens first; nil while answering.
    private var deadline: NIODeadline?
    private var timer: (task: Scheduled<Void>, at: NIODeadline)?

    /// - Parameter ticket: the connection's place in the registry; nil when it got none and
    ///   must be closed at once.
    init(limits: ServerLimits, ticket: ConnectionTicket?) {
        self.limits = limits
        self.ticket = ticket
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { start(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        deadline = nil
        context.fireChannelInactive()
    }

    /// A new connection owes its first request's head within the header timeout.
    private func start(context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        guard ticket != nil else {
            context.close(promise: nil)
            return
        }
        setDeadline(.now() + TimeAmount(limits.headerTimeout))
    }

    /// Called by ``ArrivalWatcher`` for every read; false when the bytes are to be dropped.
    func bytesArrived() -> Bool {
        switch reading {
        case .discarding:
            return false
        case .nothing:
            reading = .head
            let now = NIODeadline.now()
            ticket?.enter(.readingHead, at: now)
            setDeadline(now + TimeAmount(limits.headerTimeout))
        case .head, .body:
            break
        }
        return true
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if case .discarding = reading { return }
            var keepAlive = head.isKeepAlive
            if let declared = head.headers.first(name: "content-length"), !fits(declared) {
                guard limits.oversizedBodyAnswer == .responder else {
                    refuseBody(context: context)
                    return
                }
                // The responder refuses it in its own words; what follows its answer is not read.
                keepAlive = false
            }
            unanswered.append(Manners(version: head.version, keepAlive: keepAlive))
            reading = .body(bytes: 0)
            let now = NIODeadline.now()
            ticket?.enter(.readingBody, at: now)
            setDeadline(now + TimeAmount(limits.bodyTimeout))
            context.fireChannelRead(data)
        case .body(let chunk):
            guard case .body(let bytes) = reading else { return }
            let total = bytes + chunk.readableBytes
            guard total <= limits.maxBodyBytes else {
                overLimit(context: context, data: data)
                return
            }
            reading = .body(bytes: total)
            context.fireChannelRead(data)
        case .end:
            guard case .body = reading else { return }
            reading = .nothing
            if unanswered.isEmpty {
                // Answered before the body ended: now the connection waits for the next request.
                becomeIdle()
            } else {
                // The responder's own timeouts bound the answer.
                ticket?.enter(.answering, at: .now())
                deadline = nil
            }
            context.fireChannelRead(data)
        }
    }

    /// A Content-Length that is a number within the limit; anything else is not read.
    private func fits(_ declared: String) -> Bool {
        guard let length = Int(declared) else { return false }
        return length <= limits.maxBodyBytes
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if let manners = unanswered.first {
                if !manners.keepAlive || closeAfterAnswer {
                    head.headers.replaceOrAdd(name: "connection", value: "close")
                } else if manners.version.minor == 0 {
                    // An HTTP/1.0 client keeps the connection only when the answer says so.
                    head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
                }
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            guard !unanswered.isEmpty else {
                context.write(data, promise: promise)
                return
            }
            let manners = unanswered.removeFirst()
            if !manners.keepAlive || closeAfterAnswer {
                closeAfterWriting(data, context: context, promise: promise)
                return
            }
            context.write(data, promise: promise)
            if unanswered.isEmpty, case .nothing = reading { becomeIdle() }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is ChannelShouldQuiesceEvent:
            // The server is stopping: idle connections go now, busy ones after their answer.
            if unanswered.isEmpty { context.close(promise: nil) } else { closeAfterAnswer = true }
        case ChannelEvent.inputClosed where isDiscarding:
            context.close(promise: nil)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private var isDiscarding: Bool {
        if case .discarding = reading { return true }
        return false
    }

    private func becomeIdle() {
        let now = NIODeadline.now()
        ticket?.enter(.waitingForRequest, at: now)
        setDeadline(now + TimeAmount(limits.idleTimeout))
    }

    /// Answers 413 without reading the body, lets the client read the answer, then closes.
    private func refuseBody(context: ChannelHandlerContext) {
        reading = .discarding
        guard unanswered.isEmpty else {
            // An earlier request is still being answered; the answers cannot be reordered.
            context.close(promise: nil)
            return
        }
        let text = "The request body is too large: the limit is \(Self.describe(bytes: limits.maxBodyBytes)).\n"
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "text/plain; charset=utf-8")
        headers.add(name: "content-length", value: String(text.utf8.count))
        headers.add(name: "connection", value: "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .payloadTooLarge, headers: headers))),
            promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
        }
        setDeadline(.now() + Self.lingerAfterRefusal)
    }

    /// A body that grew past the limit without saying so: the responder gets the chunk that
    /// crossed it (and so its own limit trips), nothing more, and the connection closes after
    /// the answer.
    private func overLimit(context: ChannelHandlerContext, data: NIOAny) {
        reading = .discarding
        closeAfterAnswer = true
        if unanswered.isEmpty {
            context.close(promise: nil)
        } else {
            context.fireChannelRead(data)
        }
    }

    private func closeAfterWriting(_ data: NIOAny, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        let written = promise ?? context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(data, promise: written)
        guard case .nothing = reading else {
            // Answered before the body ended: closing now, with the body's bytes unread, would
            // reset the connection and could lose the answer. Half-close and drop the rest.
            reading = .discarding
            written.futureResult.assumeIsolated().whenComplete { _ in
                context.close(mode: .output, promise: nil)
            }
            setDeadline(.now() + Self.lingerAfterRefusal)
            return
        }
        written.futureResult.assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// Moves the deadline; the one timer is moved only when it would fire too late, so a busy
    /// connection does not reschedule it for every request.
    private func setDeadline(_ newDeadline: NIODeadline) {
        deadline = newDeadline
        if let timer, timer.at <= newDeadline { return }
        scheduleTimer(at: newDeadline)
    }

    private func scheduleTimer(at time: NIODeadline) {
        guard let context else { return }
        cancelTimer()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: time) { [self] in
            timer = nil
            timerFired()
        }
        timer = (task, time)
    }

    private func timerFired() {
        guard let deadline else { return }
        if deadline <= .now() {
            // Too slow for the phase it is in: a stalled head or body, or an idle connection.
            context?.close(promise: nil)
        } else {
            scheduleTimer(at: deadline)
        }
    }

    private func cancelTimer() {
        timer?.task.cancel()
        timer = nil
    }

    /// `1 MiB`, `512 KiB`, `300 bytes`.
    static func describe(bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / 1024 / 1024) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}

/// The first handler of the pipeline: tells the ``ConnectionGuard`` when bytes arrive (the
/// header deadline starts with a request's first byte, not with its complete head) and drops
/// them once the connection is being refused.
final class ArrivalWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let connectionGuard: ConnectionGuard

    init(_ connectionGuard: ConnectionGuard) {
        self.connectionGuard = connectionGuard
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if connectionGuard.bytesArrived() { context.fireChannelRead(data) }
    }
}
