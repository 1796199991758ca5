import Hummingbird
import NIOCore
import PolarJSON
import TextTools

/// Polar's body-size layer (`MaxBodySizeMiddleware`, CONTRACT.md §1): POST, PUT and PATCH must
/// declare a length, and a declared length over 10 MiB is refused before a byte of the body is
/// read. Then the body is read, never more than the limit.
struct BodyLengthMiddleware: EmulatorMiddleware {
    static let maxBodyBytes = 10 * 1024 * 1024

    /// The admin routes are the emulator's own: they read the body without Polar's rules.
    var enforcesPolarRules = true

    func respond(to request: PipelineRequest, next: PipelineResponder) async throws -> HTTPAnswer {
        if enforcesPolarRules,
            let refusal = Self.refusal(method: request.method, contentLength: request.header("Content-Length"))
        {
            return refusal
        }
        guard let collected = try? await request.bodyStream.collect(upTo: Self.maxBodyBytes) else {
            return Self.tooLarge
        }
        var request = request
        request.body = Array(buffer: collected)
        return try await next(request)
    }

    static func refusal(method: String, contentLength: String?) -> HTTPAnswer? {
        guard let contentLength else {
            guard ["POST", "PUT", "PATCH"].contains(method) else { return nil }
            return pythonJSONAnswer(
                status: 411, ["error": "LengthRequired", "detail": "A Content-Length header is required."])
        }
        // An unparsable value is let through, as the server ignores `int()` failing there.
        guard let length = Int(contentLength.trimmingWhitespace()), length > maxBodyBytes
        else { return nil }
        return tooLarge
    }

    static let tooLarge = pythonJSONAnswer(
        status: 413,
        [
            "error": "RequestBodyTooLarge",
            "detail": .string("Request body exceeded the maximum allowed size of \(maxBodyBytes) bytes."),
        ])

    /// The middleware writes its answers with `json.dumps`, spaces after `,` and `:` included.
    private static func pythonJSONAnswer(status: Int, _ json: JSONValue) -> HTTPAnswer {
        var body: [UInt8] = []
        json.write(into: &body, style: .python)
        return HTTPAnswer(status: status, body: body, isJSON: true)
    }
}
