import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct DialogUpdateTests {
    @Test(arguments: [Character("d"), "t", "R"])
    func defaultAnswerIsNo(_ key: Character) {
        var state = Fixtures.state()
        state.press(.character(key))
        #expect(state.confirmation != nil)
        #expect(state.press(.enter).isEmpty)
        #expect(state.confirmation == nil)
        state.press(.character(key))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.confirmation == nil)
        state.press(.character(key))
        #expect(state.press(.escape).isEmpty)
        #expect(state.confirmation == nil)
        #expect(state.endpoints == Fixtures.endpoints)
    }

    @Test func dialogsNameTheEndpoint() {
        var state = Fixtures.state()
        state.press(.character("d"))
        #expect(render(state).text.contains("Delete Production hook?"))
        state.press(.escape, .character("R"))
        let text = render(state).text.replacingOccurrences(of: "│", with: " ")
        #expect(text.contains("Production hook"))
        #expect(text.contains("stops working at once"))
        #expect(text.contains("Standard Webhooks"))
    }

    @Test func deleteOnYes() {
        var state = Fixtures.state()
        state.press(.character("d"))
        let effects = state.press(.character("y"))
        guard case .deleteEndpoint(let id, let endpointID) = effects.first else {
            Issue.record("expected a delete, got \(effects)")
            return
        }
        #expect(endpointID == Fixtures.production.id)
        _ = update(&state, .deleted(id, id: endpointID))
        #expect(state.endpoints.map(\.id) == [Fixtures.slack.id, Fixtures.unnamed.id])
        #expect(state.selectedEndpoint?.id == Fixtures.slack.id)
        #expect(state.status?.line.text == "Deleted Production hook")
    }

    @Test func arrowMovesFocusToYesThenEnterConfirms() {
        var state = Fixtures.state()
        state.press(.character("t"))
        state.press(.right)
        let effects = state.press(.enter)
        #expect(effects.count == 1)
        guard case .updateEndpoint(let id, let endpointID, let body) = effects.first else {
            Issue.record("expected an update")
            return
        }
        #expect(endpointID == Fixtures.production.id)
        #expect(body == WebhookEndpointUpdate(enabled: false))
        var disabled = Fixtures.production
        disabled.enabled = false
        _ = update(&state, .updated(id, disabled))
        #expect(state.status?.line.text == "Disabled Production hook")
        #expect(state.selectedEndpoint?.enabled == false)
    }

    @Test func resetShowsTheNewSecretOnce() {
        var state = Fixtures.state()
        state.press(.character("R"))
        guard case .resetSecret(let id, let endpointID) = state.press(.character("y")).first else {
            Issue.record("expected a reset")
            return
        }
        var reset = Fixtures.production
        reset.secret = "whsec_NEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNEWNE="
        _ = update(&state, .secretReset(id, reset))
        #expect(endpointID == Fixtures.production.id)
        #expect(render(state).text.contains(reset.secret))
        #expect(state.status?.line.text.contains("old one no longer works") == true)
    }

    @Test func toggleFailureStaysInTheStatusLine() {
        var state = Fixtures.state()
        state.press(.character("j"), .character("t"))
        guard case .updateEndpoint(let id, _, _) = state.press(.character("y")).first else {
            Issue.record("expected an update")
            return
        }
        let issue = ValidationIssue(
            loc: ["body", "enabled"],
            msg: "Value error, Cannot enable a webhook endpoint with an invalid URL.",
            type: "value_error")
        _ = update(&state, .failed(id, .validation([issue])))
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.line.text.contains("Cannot enable") == true)
        #expect(!state.isBusy)
    }
}
