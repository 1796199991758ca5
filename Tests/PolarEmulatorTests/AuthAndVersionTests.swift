import Foundation
import Testing

@testable import PolarEmulator

@Suite struct AuthAndVersionTests {
    @Test func missingTokenGetsUnauthorizedWithChallenge() async throws {
        try await withEmulator { emulator in
            let response = try await emulator.send("GET", "/v1/webhooks/endpoints", token: nil)
            #expect(response.status == 401)
            #expect(response.text == #"{"error":"Unauthorized","detail":"Unauthorized"}"#)
            #expect(response.headers["www-authenticate"] == #"Bearer realm="polar""#)
            #expect(response.headers["content-type"] == "application/json")
        }
    }

    @Test func unknownTokenGetsInvalidToken() async throws {
        try await withEmulator { emulator in
            let response = try await emulator.send(
                "GET", "/v1/webhooks/endpoints", token: "polar_oat_nope")
            #expect(response.status == 401)
            #expect(
                response.text
                    == #"{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed, or invalid for other reasons."}"#
            )
            #expect(response.headers["www-authenticate"]?.contains(#"error="invalid_token""#) == true)
            #expect(response.headers["cache-control"] == "no-store")
            #expect(response.headers["pragma"] == "no-cache")
        }
    }

    @Test func readOnlyTokenCanReadButNotWrite() async throws {
        try await withEmulator { emulator in
            let list = try await emulator.send(
                "GET", "/v1/webhooks/endpoints", token: EmulatorTokens.readOnly)
            #expect(list.status == 200)
            let create = try await emulator.create(
                #"{"url":"https://example.com/hook","format":"raw","events":[]}"#,
                token: EmulatorTokens.readOnly)
            #expect(create.status == 403)
            #expect(
                create.text
                    == #"{"error":"insufficient_scope","error_description":"The request requires higher privileges than provided by the access token."}"#
            )
            #expect(create.headers["www-authenticate"]?.contains("insufficient_scope") == true)
        }
    }

    @Test func versionDefaultsEchoesAndRejects() async throws {
        try await withEmulator { emulator in
            let plain = try await emulator.send("GET", "/v1/webhooks/endpoints")
            #expect(plain.headers["polar-version"] == "2026-04")
            let newer = try await emulator.send("GET", "/v1/webhooks/endpoints", version: "2027-01")
            #expect(newer.status == 200)
            #expect(newer.headers["polar-version"] == "2027-01")
            for bad in ["2025-01", "garbage", "2026-4"] {
                let rejected = try await emulator.send("GET", "/v1/webhooks/endpoints", version: bad)
                #expect(rejected.status == 404)
                #expect(rejected.text == #"{"detail":"Not Found"}"#)
            }
            // Errors carry the version too.
            let unauthorized = try await emulator.send(
                "GET", "/v1/webhooks/endpoints", token: nil, version: "2026-10")
            #expect(unauthorized.headers["polar-version"] == "2026-10")
        }
    }

    @Test func unknownRoutesAndApiPrefix() async throws {
        try await withEmulator { emulator in
            let unknown = try await emulator.send("GET", "/v1/nothing-here")
            #expect(unknown.status == 404)
            #expect(unknown.text == #"{"detail":"Not Found"}"#)
            let rewritten = try await emulator.send("GET", "/api/v1/webhooks/endpoints")
            #expect(rewritten.status == 200)
            let wrongMethod = try await emulator.send("PUT", "/v1/webhooks/endpoints")
            #expect(wrongMethod.status == 405)
        }
    }

    @Test func organizationsListsWhatTheTokenSees() async throws {
        try await withEmulator { emulator in
            for path in ["/v1/organizations/", "/v1/organizations"] {
                let response = try await emulator.send("GET", path, token: EmulatorTokens.user)
                #expect(response.status == 200)
                let object = try #require(try response.json() as? [String: Any])
                let items = try #require(object["items"] as? [[String: Any]])
                #expect(items.map { $0["slug"] as? String } == ["acme-demo", "side-project"])
                #expect(items.first?["capabilities"] is [String: Any])
                #expect(items.first?["customer_portal_settings"] is [String: Any])
            }
            let own = try await emulator.send("GET", "/v1/organizations/")
            let object = try #require(try own.json() as? [String: Any])
            let items = try #require(object["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [EmulatorOrganizations.acme.id])
        }
    }
}
