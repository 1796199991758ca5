import FoundationEssentials
import PolarAPI
import PolarJSON
import StandardWebhooks

extension EmulatorAPI {
    /// `GET /v1/webhooks/endpoints`
    func listEndpoints(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        var errors: [ValidationItem] = []
        var organizationIds: [String]? = nil
        let requested = request.query.all("organization_id")
        if !requested.isEmpty {
            organizationIds = []
            for (index, text) in requested.enumerated() {
                let loc: [JSONValue] =
                    requested.count == 1
                    ? ["query", "organization_id"] : ["query", "organization_id", .int(index)]
                switch UUIDValidation.uuid4(text, loc: loc) {
                case .valid(let id): organizationIds?.append(id)
                case .invalid(let item): errors.append(item)
                }
            }
        }
        let page = page(request.query, errors: &errors)
        guard errors.isEmpty else { throw .requestValidation(errors) }
        let list = await store.listEndpoints(
            caller: request.caller, organizationIds: organizationIds, page: page)
        return .encoded(list)
    }

    /// `POST /v1/webhooks/endpoints`
    func createEndpoint(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        guard let pairs = try JSONBody.object(request.body, required: true).get() else {
            throw .requestValidation([.missing(["body"], input: .null)])
        }
        let body = try EndpointBodies.create(pairs, version: request.version, urlRules: urlRules).get()
        let organizationId = try organization(for: body, caller: request.caller)
        let now = Date()
        let endpoint = WebhookEndpoint(
            createdAt: now, modifiedAt: nil, id: UUID().uuidString.lowercased(), url: body.url,
            name: body.name,
            apiVersion: body.apiVersion, format: body.format,
            secret: body.secret ?? EndpointSecretRules.generate(),
            organizationId: organizationId, events: body.events, enabled: true,
            usesStandardWebhookSignature: body.secret == nil)
        await store.insert(endpoint)
        return .encoded(endpoint, status: 201)
    }

    /// CONTRACT.md §2.3: an organization token must not name an organization; a user token
    /// must name one it can manage.
    private func organization(for body: NewEndpoint, caller: Caller) throws(APIFailure) -> String {
        func failure(_ type: String, _ message: String, _ input: JSONValue) -> APIFailure {
            .serviceValidation([
                ValidationItem(type: type, loc: ["body", "organization_id"], msg: message, input: input)
            ])
        }
        switch caller.subject {
        case .organization:
            if let value = body.organizationId {
                throw failure(
                    "organization_token",
                    "Setting organization_id is disallowed when using an organization token.",
                    value)
            }
            return caller.organizationIds[0]
        case .user:
            guard let id = body.organizationUUID else {
                if caller.organizationIds.count == 1 { return caller.organizationIds[0] }
                throw failure("missing", "organization_id is required.", .null)
            }
            guard caller.canSee(organization: id) else {
                throw failure("value_error", "Organization not found.", .string(id))
            }
            return id
        }
    }

    /// `GET /v1/webhooks/endpoints/{id}`
    func getEndpoint(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        let id = try pathId(request.parameter("id")).get()
        guard let endpoint = await store.endpoint(id: id, caller: request.caller) else {
            throw .resourceNotFound
        }
        return .encoded(endpoint)
    }

    /// `PATCH /v1/webhooks/endpoints/{id}`
    func updateEndpoint(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        let id = request.parameter("id")
        var errors: [ValidationItem] = []
        var canonical: String? = nil
        switch UUIDValidation.uuid4(id, loc: ["path", "id"]) {
        case .valid(let value): canonical = value
        case .invalid(let item): errors.append(item)
        }
        var changes: EndpointChanges? = nil
        switch JSONBody.object(request.body, required: true) {
        case .failure(.requestValidation(let items)): errors += items
        case .failure(let other): throw other
        case .success(let pairs):
            switch EndpointBodies.update(pairs ?? [], version: request.version, urlRules: urlRules) {
            case .success(let value): changes = value
            case .failure(.requestValidation(let items)): errors += items
            case .failure(let other): throw other
            }
        }
        guard errors.isEmpty, let canonical, let changes else { throw .requestValidation(errors) }
        let endpoint = try await store.update(id: canonical, caller: request.caller, changes: changes)
        return .encoded(endpoint)
    }

    /// `DELETE /v1/webhooks/endpoints/{id}`
    func deleteEndpoint(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        let id = try pathId(request.parameter("id")).get()
        try await store.delete(id: id, caller: request.caller)
        return .noContent
    }

    /// `PATCH /v1/webhooks/endpoints/{id}/secret`
    func resetSecret(_ request: APIRequest) async throws(APIFailure) -> HTTPAnswer {
        let id = try pathId(request.parameter("id")).get()
        return .encoded(try await store.resetSecret(id: id, caller: request.caller))
    }
}
