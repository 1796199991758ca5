import FoundationEssentials
import PolarAPI

/// A `/v1` request after routing, authentication and the scope check.
struct APIRequest: Sendable {
    /// The values of the route pattern's `{name}` segments.
    var parameters: [String: String]
    var query: QueryParameters
    var body: [UInt8]
    var version: APIVersion
    var caller: Caller

    /// The value of the pattern's `{name}` segment ("" when the pattern has none by that name).
    func parameter(_ name: String) -> String { parameters[name] ?? "" }
}

/// The `/v1` operations. Each route lives in its own file as an extension.
struct EmulatorAPI: Sendable {
    let store: EmulatorStore
    let worker: DeliveryWorker
    let urlRules: URLValidation
    /// The clock origin of the sample data (organizations are dated from it).
    let startedAt: Date

    /// Checks a path id and turns it into canonical form.
    func pathId(_ text: String) -> Result<String, APIFailure> {
        switch UUIDValidation.uuid4(text, loc: ["path", "id"]) {
        case .valid(let id): .success(id)
        case .invalid(let item): .failure(.requestValidation([item]))
        }
    }

    func page(_ query: QueryParameters, errors: inout [ValidationItem]) -> PageRequest {
        let page = QueryValidation.positiveInt(query, "page", fallback: 1, errors: &errors)
        let limit = QueryValidation.positiveInt(query, "limit", fallback: 10, errors: &errors)
        return PageRequest(page: page, limit: limit)
    }
}

extension Result {
    /// The success value, or the failure thrown.
    func get() throws(Failure) -> Success {
        switch self {
        case .success(let value): value
        case .failure(let error): throw error
        }
    }
}
