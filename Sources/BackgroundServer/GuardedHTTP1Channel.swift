import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel with a ``ConnectionGuard`` in its pipeline and every
/// connection counted in a ``ConnectionRegistry``:
///
/// `ArrivalWatcher → HTTP/1 encoder and decoder → ConnectionGuard → HTTP types → responder`
struct GuardedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let limits: ServerLimits
    let registry: ConnectionRegistry

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            var ticket: ConnectionTicket?
            if case .admitted(let admitted, _) = registry.admit(channel) {
                ticket = admitted
                channel.closeFuture.whenComplete { [registry] _ in registry.remove(admitted) }
            }
            let connectionGuard = ConnectionGuard(limits: limits, ticket: ticket)
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(ArrivalWatcher(connectionGuard))
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,  // the async channel below answers requests in order
                withErrorHandling: false,  // Hummingbird answers a parse error with 400
                withOutboundHeaderValidation: false,  // HTTP types validate them already
                withEncoderConfiguration: .init(),
                withDecoderLimitConfiguration: .init())
            try pipeline.addHandler(connectionGuard)
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}
