import Foundation
import PolarAPI
import Testing

@testable import polar_hooks

@Suite struct EventTypeValidationTests {
    @Test func knownTypesPassDeduplicatedInOrder() throws {
        let types = try EventTypeValidator.validate(
            ["order.paid", "subscription.active,order.paid", "ORDER.CREATED"], option: "--event")
        #expect(types == ["order.paid", "subscription.active", "order.created"])
    }

    @Test func unknownTypeIsRefusedWithASuggestion() {
        #expect {
            try EventTypeValidator.validate(["order.payed"], option: "--event")
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.exitStatus == ExitStatus.usage
                && error.message.contains("unknown event type 'order.payed' for --event")
                && error.message.contains("did you mean 'order.paid'")
        }
    }

    @Test func nonsenseHasNoSuggestionButPointsToTheCatalog() {
        let message = EventTypeValidator.unknownMessage(
            "zzzzzzzzzzzzzzzzzzzzzzzz", option: "--event-type")
        #expect(!message.contains("did you mean"))
        #expect(message.contains("polar-hooks event-types"))
    }

    @Test func selectionNeedsEventsOrAllEvents() throws {
        #expect(throws: CLIError.self) {
            try EventSelection.resolve(events: [], allEvents: false, required: true)
        }
        #expect(throws: CLIError.self) {
            try EventSelection.resolve(events: ["order.paid"], allEvents: true, required: true)
        }
        #expect(try EventSelection.resolve(events: [], allEvents: false, required: false) == nil)
        #expect(try EventSelection.resolve(events: [], allEvents: true, required: true)?.count == 42)
    }

    @Test func addAndRemoveEditTheCurrentList() {
        let edit = EventListEdit(
            current: ["order.paid", "order.created"], adding: ["refund.created", "order.paid"],
            removing: ["order.created", "benefit.created"])
        #expect(edit.result == ["order.paid", "refund.created"])
        #expect(edit.notSubscribed == ["benefit.created"])
    }
}

@Suite struct WebhookURLValidationTests {
    @Test(arguments: [
        "https://example.com/hooks", "  https://Example.com  ", "https://8.8.8.8/x",
        "https://[2606:4700::1111]/",
        "https://foo.internal/", "https://münchen.example/",
    ])
    func acceptsPublicHTTPSURLs(url: String) throws {
        #expect(try WebhookURLValidator.validate(url) == url.trimmingCharacters(in: .whitespaces))
    }

    @Test(arguments: [
        ("http://example.com/", "must start with https://"),
        ("example.com/hooks", "not an absolute URL"),
        ("https://:8443/path", "no host"),
        ("https://localhost/hooks", "localhost or private IP"),
        ("https://127.0.0.1/", "localhost or private IP"),
        ("https://127.1/", "localhost or private IP"),
        ("https://2130706433/", "localhost or private IP"),
        ("https://0x7f.0.0.1/", "localhost or private IP"),
        ("https://10.1.2.3/", "localhost or private IP"),
        ("https://172.20.0.1/", "localhost or private IP"),
        ("https://192.168.1.1/", "localhost or private IP"),
        ("https://169.254.169.254/", "localhost or private IP"),
        ("https://0.0.0.0/", "localhost or private IP"),
        ("https://[::1]/", "localhost or private IP"),
        ("https://[fd00::1]/", "localhost or private IP"),
        ("https://[fe80::1]/", "localhost or private IP"),
        ("https://[::ffff:192.168.0.1]/", "localhost or private IP"),
        ("", "empty"),
    ])
    func refusesWhatTheServerRefuses(url: String, expected: String) {
        #expect {
            try WebhookURLValidator.validate(url)
        } throws: { error in
            guard let error = error as? CLIError else { return false }
            return error.exitStatus == ExitStatus.usage && error.message.contains(expected)
        }
    }

    @Test func refusesURLsLongerThan2083Characters() throws {
        let base = "https://example.com/"
        let longest = base + String(repeating: "a", count: 2083 - base.count)
        #expect(try WebhookURLValidator.validate(longest) == longest)
        #expect(throws: CLIError.self) { try WebhookURLValidator.validate(longest + "a") }
    }
}

@Suite struct ArgumentParsingTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Each form `--since` and `--until` take, and the instant it means at `now`.
    static let timeForms: [(text: String, instant: Date?)] = [
        ("2h", Date(timeIntervalSince1970: 1_800_000_000 - 7200)),
        ("7d", Date(timeIntervalSince1970: 1_800_000_000 - 604_800)),
        ("2026-09-10T12:00:00Z", PolarTimestamp.parse("2026-09-10T12:00:00Z")),
        ("2026-09-10", PolarTimestamp.parse("2026-09-10T00:00:00Z")),
        ("2026-09-10T08:30", PolarTimestamp.parse("2026-09-10T08:30:00Z")),
        ("2026-09-10T12:00:00+02:00", PolarTimestamp.parse("2026-09-10T10:00:00Z")),
    ]

    @Test(arguments: timeForms) func timesInEveryForm(_ text: String, _ instant: Date?) throws {
        #expect(instant != nil)
        #expect(try TimeArgument.parse(text, option: "--since", now: now) == instant)
    }

    @Test func badTimesAreRefusedNamingTheOption() {
        #expect {
            try TimeArgument.parse("yesterday", option: "--until", now: now)
        } throws: { ($0 as? CLIError)?.message.contains("--until 'yesterday' is not a time") ?? false }
    }

    /// `--since 99999999999d` once crashed the program converting the time to an integer.
    @Test(arguments: ["99999999999d", "99999999999w", "999999999999999999999s", "100000000h"])
    func agesBeforeYearOneAreRefusedInWords(_ age: String) {
        #expect {
            try TimeArgument.parse(age, option: "--since", now: now)
        } throws: { error in
            let error = error as? CLIError
            return error?.exitStatus == ExitStatus.usage && error?.message.contains("before year 1") == true
        }
    }

    @Test(arguments: ["infd", "nanh", "1e3d", "0x10m", "-5m", "5.m", ".5m", "m"])
    func onlyDigitsMakeAnAge(_ text: String) {
        #expect(throws: CLIError.self) { try TimeArgument.parse(text, option: "--since", now: now) }
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "0000-01-01T00:00:00Z"])
    func onlyRealCalendarDatesAreTimes(_ text: String) {
        #expect(throws: CLIError.self) { try TimeArgument.parse(text, option: "--until", now: now) }
    }

    @Test func leapDaysAndFractionsAreTimes() throws {
        #expect(
            try TimeArgument.parse("2024-02-29", option: "--since", now: now)
                == PolarTimestamp.parse("2024-02-29T00:00:00Z"))
        #expect(try TimeArgument.parse("1.5h", option: "--since", now: now) == now.addingTimeInterval(-5400))
    }

    @Test func identifiersMustBeUUIDs() throws {
        #expect(
            try IdentifierValidator.validate("1DBFC517-0BBF-4301-9BA8-555CA42B9737", what: "endpoint ID")
                == "1dbfc517-0bbf-4301-9ba8-555ca42b9737")
        #expect(throws: CLIError.self) { try IdentifierValidator.validate("abc", what: "endpoint ID") }
    }

    @Test func secretOptionsFollowPolarsRules() throws {
        var options = try EndpointSecretOptions.parse(["--generate-secret"])
        #expect(try options.resolve()?.hasPrefix("whsec_") == true)
        options = try EndpointSecretOptions.parse(["--secret", "short"])
        #expect {
            try options.resolve()
        } throws: { ($0 as? CLIError)?.message == "the secret needs 32+ characters, has 5 (or use --generate-secret)" }
        options = try EndpointSecretOptions.parse(["--secret", String(repeating: "s", count: 32)])
        #expect(try options.resolve()?.count == 32)
    }

    @Test func apiVersionsMustBeSupported() throws {
        #expect(try APIVersionValidator.validate("2026-10") == .v2026_10)
        #expect(try APIVersionValidator.validate(nil) == nil)
        #expect {
            try APIVersionValidator.validate("2025-01")
        } throws: { ($0 as? CLIError)?.message.contains("2026-04, 2026-10, 2027-01") ?? false }
    }

    @Test func apiErrorsMapToExitStatuses() {
        #expect(CLIError(PolarError.unauthorized(detail: "x")).exitStatus == 3)
        #expect(CLIError(PolarError.insufficientScope(detail: "x")).exitStatus == 3)
        #expect(CLIError(PolarError.notFound(detail: "Not found")).exitStatus == 4)
        #expect(CLIError(PolarError.validation([])).exitStatus == 2)
        #expect(CLIError(PolarError.server(status: 500, body: "")).exitStatus == 1)
        #expect(CLIError(PolarError.network("refused")).exitStatus == 1)
    }
}

@Suite struct ErrorLineTests {
    @Test func sentencesFromTheModulesReadAsTheRestAfterError() {
        #expect(PolarHooks.fragment("The secret is empty.") == "the secret is empty")
        #expect(PolarHooks.fragment("HTTPS only.") == "HTTPS only")
        #expect(
            PolarHooks.fragment("no access token: run 'polar-hooks login'")
                == "no access token: run 'polar-hooks login'")
        #expect(PolarHooks.fragment("wait...") == "wait...")
    }
}

/// The commands read token kinds only through PolarAPI's ``TokenKind`` (the dashboard's tests
/// walk the same table).
@Suite struct OrganizationChoiceTests {
    @Test(arguments: TokenKind.prefixes.map(\.prefix))
    func anOrganizationsTokenNeverSendsOrganizationID(_ prefix: String) async throws {
        let kind = TokenKind(token: prefix + "abc")
        let chosen = try await OrganizationChoice.forCreate(
            explicit: nil, tokenKind: kind, configured: "1dbfc517-0bbf-4301-9ba8-555ca42b9737",
            organizations: { [] })
        #expect((chosen == nil) == (kind == .organization), "\(prefix)")
    }
}
