import Foundation
import PolarAPI
import StandardWebhooks
import Testing

@testable import PolarEmulator

@Suite struct EndpointTests {
    @Test func sampleDataIsScopedByToken() async throws {
        try await withEmulator { emulator in
            let own = try await emulator.endpoints("?limit=100")
            #expect(own.items.allSatisfy { $0.organizationId == EmulatorOrganizations.acme.id })
            #expect(own.items.count == own.pagination.totalCount)
            #expect(own.items.map(\.createdAt) == own.items.map(\.createdAt).sorted(by: >))
            #expect(own.items.contains { !$0.enabled })
            #expect(own.items.contains { !$0.usesStandardWebhookSignature })
            #expect(Set(own.items.map(\.format)) == [.raw, .discord, .slack])
            let all = try await emulator.endpoints("?limit=100", token: EmulatorTokens.user)
            #expect(all.pagination.totalCount > own.pagination.totalCount)
            let other = try await emulator.endpoints(
                "?organization_id=\(EmulatorOrganizations.sideProject.id)")
            #expect(other.items.isEmpty && other.pagination.maxPage == 0)
        }
    }

    @Test func paginationEdges() async throws {
        try await withEmulator { emulator in
            let zero = try await emulator.send("GET", "/v1/webhooks/endpoints?page=0")
            #expect(zero.status == 422)
            #expect(
                zero.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"greater_than","loc":["query","page"],"msg":"Input should be greater than 0","input":"0","ctx":{"gt":0}}]}"#
            )
            let first = try await emulator.endpoints("?limit=2")
            #expect(first.items.count == 2)
            #expect(first.pagination.maxPage == (first.pagination.totalCount + 1) / 2)
            let clamped = try await emulator.endpoints("?limit=1000")
            #expect(clamped.pagination.maxPage == 1)
            let past = try await emulator.endpoints("?page=99")
            #expect(past.items.isEmpty && past.pagination.totalCount == first.pagination.totalCount)
        }
        try await withEmulator(EmulatorOptions(sampleData: false)) { emulator in
            let empty = try await emulator.send("GET", "/v1/webhooks/endpoints")
            #expect(empty.text == #"{"items":[],"pagination":{"total_count":0,"max_page":0}}"#)
        }
    }

    @Test func createNormalisesAndGeneratesStandardSecret() async throws {
        try await withEmulator(EmulatorOptions(sampleData: false)) { emulator in
            let response = try await emulator.create(
                #"{"url":"  https://MÜNCHEN.Example ","format":"raw","events":["order.paid"],"enabled":false,"id":"x"}"#
            )
            #expect(response.status == 201)
            let endpoint = try response.decode(WebhookEndpoint.self)
            #expect(endpoint.url == "https://xn--mnchen-3ya.example/")
            #expect(endpoint.enabled && endpoint.usesStandardWebhookSignature)
            #expect(endpoint.apiVersion == .v2026_04 && endpoint.name == nil)
            #expect(WebhookSecret.isStandardFormat(endpoint.secret))
            #expect(endpoint.organizationId == EmulatorOrganizations.acme.id)
            #expect(response.text.hasSuffix(#""enabled":true,"uses_standard_webhook_signature":true}"#))
            let fetched = try await emulator.send("GET", "/v1/webhooks/endpoints/\(endpoint.id)")
            #expect(try fetched.decode(WebhookEndpoint.self) == endpoint)
        }
    }

    @Test func createRejectsBadFieldsWithPydanticWording() async throws {
        try await withEmulator(EmulatorOptions(sampleData: false)) { emulator in
            let missing = try await emulator.create(#"{"url":"https://example.com/hook","format":"raw"}"#)
            #expect(
                missing.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"missing","loc":["body","events"],"msg":"Field required","input":{"url":"https://example.com/hook","format":"raw"}}]}"#
            )
            let several = try await emulator.create(
                #"{"url":"http://example.com/hook","format":"json","events":["order.paid","nope"]}"#)
            #expect(several.status == 422)
            let items = try #require(
                (try several.json() as? [String: Any])?["detail"] as? [[String: Any]])
            #expect(items.map { $0["type"] as? String } == ["url_scheme", "enum", "enum"])
            #expect(items[0]["msg"] as? String == "URL scheme should be 'https'")
            #expect(items[2]["loc"] as? [AnyHashable] == ["body", "events", 1])
            let cases: [(String, String, String)] = [
                (
                    "https://10.0.0.1/hook", "value_error",
                    "Value error, Webhook URLs cannot point to localhost or private IP addresses."
                ),
                (
                    "https://localhost/hook", "value_error",
                    "Value error, Webhook URLs cannot point to localhost or private IP addresses."
                ),
                (
                    "https://[::1]/hook", "value_error",
                    "Value error, Webhook URLs cannot point to localhost or private IP addresses."
                ),
                (
                    "https://2130706433/", "value_error",
                    "Value error, Webhook URLs cannot point to localhost or private IP addresses."
                ),
                (
                    "https://exa_mple.com/", "value_error",
                    "Value error, Invalid webhook URL: the hostname contains characters not allowed in domain names."
                ),
                ("not a url", "url_parsing", "Input should be a valid URL, relative URL without a base"),
                ("", "url_parsing", "Input should be a valid URL, input is empty"),
                (
                    "https://" + String(repeating: "a", count: 2080), "url_too_long",
                    "URL should have at most 2083 characters"
                ),
            ]
            for (url, type, message) in cases {
                let response = try await emulator.create(#"{"url":"\#(url)","format":"raw","events":[]}"#)
                let detail = try #require(
                    (try response.json() as? [String: Any])?["detail"] as? [[String: Any]])
                #expect(detail.first?["type"] as? String == type, "\(url)")
                #expect(detail.first?["msg"] as? String == message, "\(url)")
            }
            let valid = try await emulator.create(
                #"{"url":"https://8.8.8.8:443/x y","format":"raw","events":[]}"#)
            #expect(try valid.decode(WebhookEndpoint.self).url == "https://8.8.8.8/x%20y")
        }
    }

    @Test func organizationRulesDependOnTheToken() async throws {
        try await withEmulator(EmulatorOptions(sampleData: false)) { emulator in
            let acme = EmulatorOrganizations.acme.id
            let oat = try await emulator.create(
                #"{"url":"https://example.com/","format":"raw","events":[],"organization_id":"\#(acme)"}"#)
            #expect(
                oat.text
                    == #"{"error":"PolarRequestValidationError","detail":[{"type":"organization_token","loc":["body","organization_id"],"msg":"Setting organization_id is disallowed when using an organization token.","input":"\#(acme)"}]}"#
            )
            let pat = try await emulator.create(
                #"{"url":"https://example.com/","format":"raw","events":[]}"#, token: EmulatorTokens.user)
            #expect(pat.status == 422 && pat.text.contains(#""msg":"organization_id is required.""#))
            let stranger = "0b0c0d0e-1111-4222-8333-444455556666"
            let unknown = try await emulator.create(
                #"{"url":"https://example.com/","format":"raw","events":[],"organization_id":"\#(stranger)"}"#,
                token: EmulatorTokens.user)
            #expect(unknown.status == 422 && unknown.text.contains("Organization not found."))
            let side = EmulatorOrganizations.sideProject.id
            let ok = try await emulator.create(
                #"{"url":"https://example.com/","format":"slack","events":[],"organization_id":"\#(side)"}"#,
                token: EmulatorTokens.user)
            #expect(try ok.decode(WebhookEndpoint.self).organizationId == side)
        }
    }

    @Test func deprecatedSecretOnlyWithVersion202604() async throws {
        try await withEmulator(EmulatorOptions(sampleData: false)) { emulator in
            let short = try await emulator.create(
                #"{"url":"https://example.com/","format":"raw","events":[],"secret":"short"}"#)
            #expect(short.status == 422 && short.text.contains(#""type":"string_too_short""#))
            let secret = String(repeating: "s", count: 32)
            let legacy = try await emulator.create(
                #"{"url":"https://example.com/","format":"raw","events":[],"secret":"\#(secret)"}"#)
            let stored = try legacy.decode(WebhookEndpoint.self)
            #expect(stored.secret == secret && !stored.usesStandardWebhookSignature)
            let ignored = try await emulator.create(
                #"{"url":"https://example.com/","format":"raw","events":[],"secret":"short"}"#,
                version: "2026-10")
            let generated = try ignored.decode(WebhookEndpoint.self)
            #expect(generated.secret != "short" && generated.usesStandardWebhookSignature)
        }
    }

    @Test func patchDeleteAndResetSecret() async throws {
        try await withEmulator(EmulatorOptions(sampleData: false)) { emulator in
            let created = try await emulator.create(
                #"{"url":"https://example.com/","name":"Hook","format":"raw","events":["order.paid"]}"#
            ).decode(WebhookEndpoint.self)
            let path = "/v1/webhooks/endpoints/\(created.id)"
            let nulls = try await emulator.send(
                "PATCH", path, body: #"{"name":null,"url":null,"bogus":1}"#)
            let unchanged = try nulls.decode(WebhookEndpoint.self)
            // Nothing non-null: the row is not updated, so modified_at stays null (CONTRACT.md §2.5).
            #expect(
                unchanged.name == "Hook" && unchanged.url == created.url && unchanged.modifiedAt == nil)
            let same = try await emulator.send("PATCH", path, body: #"{"name":"Hook"}"#).decode(
                WebhookEndpoint.self)
            #expect(same.modifiedAt != nil)
            let changed = try await emulator.send(
                "PATCH", path, body: #"{"name":"","events":["order.created"],"enabled":false}"#
            ).decode(WebhookEndpoint.self)
            #expect(changed.name == "" && changed.events == ["order.created"] && !changed.enabled)
            let noBody = try await emulator.send("PATCH", path)
            #expect(
                noBody.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}"#
            )
            let reset = try await emulator.send("PATCH", path + "/secret").decode(WebhookEndpoint.self)
            #expect(reset.secret != created.secret && reset.usesStandardWebhookSignature)
            let deleted = try await emulator.send("DELETE", path)
            #expect(deleted.status == 204 && deleted.body.isEmpty)
            for method in ["GET", "DELETE", "PATCH"] {
                let gone = try await emulator.send(method, path, body: method == "PATCH" ? "{}" : nil)
                #expect(gone.status == 404)
                #expect(gone.text == #"{"error":"ResourceNotFound","detail":"Not found"}"#)
            }
        }
    }

    @Test func enablingAnEndpointWithAnInvalidStoredURLFails() async throws {
        try await withEmulator { emulator in
            // The sample endpoint disabled by hand, on a private address.
            let disabled = try #require(
                try await emulator.endpoints("?limit=100").items.first { !$0.enabled && $0.url.contains("192.168.") })
            let response = try await emulator.send(
                "PATCH", "/v1/webhooks/endpoints/\(disabled.id)", body: #"{"enabled":true}"#)
            #expect(
                response.text
                    == #"{"error":"PolarRequestValidationError","detail":[{"type":"value_error","loc":["body","enabled"],"msg":"Cannot enable a webhook endpoint with an invalid URL. Please update the URL first.","input":true}]}"#
            )
            // The stored URL is checked before the PATCH applies: a new url in the same body fails.
            let together = try await emulator.send(
                "PATCH", "/v1/webhooks/endpoints/\(disabled.id)",
                body: #"{"enabled":true,"url":"https://staging.acme-demo.example/hooks"}"#)
            #expect(together.status == 422 && together.text == response.text)
            let fixedURL = try await emulator.send(
                "PATCH", "/v1/webhooks/endpoints/\(disabled.id)",
                body: #"{"url":"https://staging.acme-demo.example/hooks"}"#)
            #expect(fixedURL.status == 200)
            let enabled = try await emulator.send(
                "PATCH", "/v1/webhooks/endpoints/\(disabled.id)", body: #"{"enabled":true}"#)
            #expect(try enabled.decode(WebhookEndpoint.self).enabled)
        }
    }

    @Test func pathIdsAreValidatedAsUUID4() async throws {
        try await withEmulator { emulator in
            let short = try await emulator.send("GET", "/v1/webhooks/endpoints/abc")
            #expect(
                short.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"uuid_parsing","loc":["path","id"],"msg":"Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3","input":"abc","ctx":{"error":"invalid length: expected length 32 for simple format, found 3"}}]}"#
            )
            let version1 = "c232ab00-9414-11ec-b3c8-9f68deced846"
            let v1 = try await emulator.send("GET", "/v1/webhooks/endpoints/\(version1)")
            #expect(
                v1.text
                    == #"{"error":"RequestValidationError","detail":[{"type":"uuid_version","loc":["path","id"],"msg":"UUID version 4 expected","input":"\#(version1)","ctx":{"expected_version":4}}]}"#
            )
            let unknown = try await emulator.send(
                "GET", "/v1/webhooks/endpoints/0b0c0d0e-1111-4222-8333-444455556666")
            #expect(unknown.status == 404)
        }
    }

    @Test func tenThousandSeededEndpointsPageQuickly() async throws {
        try await withEmulator(EmulatorOptions(sampleData: false, seedEndpoints: 10_000)) { emulator in
            let first = try await emulator.endpoints("?limit=100")
            #expect(first.pagination.totalCount == 10_000 && first.pagination.maxPage == 100)
            #expect(first.items.first?.name == "Seeded endpoint 10000")
            let last = try await emulator.endpoints("?limit=100&page=100", token: EmulatorTokens.user)
            #expect(last.items.last?.name == "Seeded endpoint 1")
        }
    }
}
