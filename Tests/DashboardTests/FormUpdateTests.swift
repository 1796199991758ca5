import PolarAPI
import TerminalUI
import Testing

@testable import Dashboard

@Suite struct FormUpdateTests {
    func newForm(
        tokenKind: TokenKind = .organization, organizations: [Organization] = [Fixtures.organization]
    )
        -> DashboardState
    {
        var state = Fixtures.state(tokenKind: tokenKind, organizations: organizations)
        state.press(.character("n"))
        return state
    }

    @Test func typingFillsTheFocusedFieldAndQIsText() {
        var state = newForm()
        #expect(state.form?.focus == .url)
        state.type("https://q.example/q")
        #expect(state.form?.url.text == "https://q.example/q")
        #expect(state.shouldQuit == false)
        #expect(state.form != nil)
    }

    @Test func textEditingKeys() {
        var state = newForm()
        state.type("https://example.com/a/b")
        state.press(.control("w"))
        #expect(state.form?.url.text == "https://example.com/a/")
        state.press(.home, .delete)
        #expect(state.form?.url.text == "ttps://example.com/a/")
        state.press(.character("h"), .control("e"), .backspace)
        #expect(state.form?.url.text == "https://example.com/a")
        state.press(
            .control("a"), .right, .right, .right, .right, .right, .right, .right, .right, .control("k"))
        #expect(state.form?.url.text == "https://")
        state.press(.paste("hooks.example.org/x\n"))
        #expect(state.form?.url.text == "https://hooks.example.org/x")
        state.press(.control("u"))
        #expect(state.form?.url.text == "")
    }

    @Test func tabOrderSkipsOrganizationWithAnOrganizationToken() {
        var state = newForm(tokenKind: .organization)
        var order: [FormField] = []
        for _ in 0..<8 {
            order.append(state.form?.focus ?? .url)
            state.press(.tab)
        }
        #expect(order == [.url, .name, .format, .secret, .events, .save, .cancel, .url])
        #expect(state.form?.focus == .name)
        state.press(.backTab, .backTab)
        #expect(state.form?.focus == .cancel)
        state.press(.up)
        #expect(state.form?.focus == .save)
    }

    @Test func tabOrderVisitsOrganizationWithAUserToken() {
        var state = newForm(
            tokenKind: .user, organizations: [Fixtures.organization, Fixtures.secondOrganization])
        state.press(.tab, .tab, .tab, .tab)
        #expect(state.form?.focus == .organization)
        #expect(state.form?.organizationID == nil)
        state.press(.right)
        #expect(state.form?.organizationID == "org_acme")
        state.press(.right)
        #expect(state.form?.organizationID == "org_beta")
        state.press(.left)
        #expect(state.form?.organizationID == "org_acme")
    }

    @Test func userTokenCreateSendsTheChosenOrganization() throws {
        var state = newForm(
            tokenKind: .user, organizations: [Fixtures.organization, Fixtures.secondOrganization])
        state.type("https://example.com/hook")
        var effects = state.press(.control("s"))
        #expect(effects.isEmpty)
        #expect(state.form?.focus == .organization)
        #expect(state.status?.line.text.contains("organization") == true)
        state.press(.right, .right)
        effects = state.press(.control("s"))
        let (_, body) = try #require(effects.createRequest)
        #expect(body.organizationId == "org_beta")
    }

    @Test func organizationTokenCreateSendsNoOrganization() throws {
        var state = newForm()
        state.type("https://example.com/hook")
        state.press(.tab)
        state.type("  My hook ")
        let effects = state.press(.control("s"))
        let (id, body) = try #require(effects.createRequest)
        #expect(body.organizationId == nil)
        #expect(body.name == "My hook")
        #expect(body.url == "https://example.com/hook")
        #expect(body.secret == nil)
        #expect(state.form?.saving == id)
        #expect(state.isBusy)
    }

    @Test func urlMessagesFollowTheServerRules() {
        var state = newForm()
        #expect(state.form?.message(for: .url) == nil)
        state.type("http://example.com")
        #expect(state.form?.message(for: .url) == "Use https://, not http://")
        state.press(.control("u"))
        state.type("https://")
        #expect(state.form?.message(for: .url) == "Needs a host after https://")
        state.type("localhost/x")
        #expect(state.form?.message(for: .url) == "No localhost or private IPs")
        state.press(.control("u"))
        state.type("https://example.com/x")
        #expect(state.form?.message(for: .url) == nil)
    }

    @Test func localProblemsBlockSavingAndFocusTheField() {
        var state = newForm()
        state.type("https://10.1.2.3/hook")
        state.press(.tab)
        let effects = state.press(.control("s"))
        #expect(effects.isEmpty)
        #expect(state.form?.focus == .url)
        #expect(state.status?.line.kind == .error)
        #expect(state.status?.expiresAt == nil)
    }

    @Test func shortSecretIsRejectedLocally() {
        var state = newForm()
        state.type("https://example.com/hook")
        state.press(.tab, .tab, .tab)
        state.type("short")
        #expect(state.form?.message(for: .secret) == "Needs 32+ characters, has 5")
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.form?.focus == .secret)
    }

    @Test func discordURLSelectsDiscordButTheUserMayChangeIt() {
        var state = newForm()
        state.type("https://discord.com/api/webhooks/1/abc")
        #expect(state.form?.format == .discord)
        state.press(.tab, .tab, .left)
        #expect(state.form?.format == .raw)
        state.press(.backTab, .backTab)
        state.type("d")
        #expect(state.form?.format == .raw)
    }

    @Test func generateSecretIsAnEffectAndFillsTheField() {
        var state = newForm()
        state.press(.tab, .tab, .tab)
        let effects = state.press(.control("g"))
        #expect(effects == [.generateSecret])
        let secret = "whsec_" + String(repeating: "A", count: 44)
        _ = update(&state, .secretGenerated(secret))
        #expect(state.form?.secret.text == secret)
        #expect(state.form?.secretVisible == true)
        state.press(.control("r"))
        #expect(state.form?.secretVisible == false)
    }

    @Test func serverValidationGoesBesideTheFieldsAndNothingIsLost() throws {
        var state = newForm()
        state.type("https://example.com/hook")
        state.press(.tab)
        state.type("Name kept")
        let effects = state.press(.control("s"))
        let (id, _) = try #require(effects.createRequest)
        state.refuseWithPrivateURL(
            id,
            and: [
                ValidationIssue(loc: ["body", "events", 0], msg: "Input should be a known event", type: "enum"),
                ValidationIssue(loc: ["query", "x"], msg: "odd", type: "odd"),
            ])
        #expect(
            state.form?.message(for: .url)
                == "Webhook URLs cannot point to localhost or private IP addresses.")
        #expect(state.form?.message(for: .events) == "Input should be a known event")
        #expect(state.form?.focus == .url)
        #expect(state.form?.saving == nil)
        #expect(state.form?.url.text == "https://example.com/hook")
        #expect(state.form?.name.text == "Name kept")
        #expect(state.status?.line.text.contains("x: odd") == true)
        // Editing the field clears the server's message for it.
        state.type("x")
        #expect(state.form?.serverErrors[.url] == nil)
        #expect(state.form?.serverErrors[.events] != nil)
    }

    @Test(arguments: [
        PolarError.timeout, .network("connection reset"), .server(status: 502, body: "bad gateway"),
    ])
    func errorsKeepEverythingTyped(_ error: PolarError) throws {
        var state = newForm()
        state.type("https://example.com/hook")
        state.press(.tab)
        state.type("Kept")
        let effects = state.press(.control("s"))
        let (id, _) = try #require(effects.createRequest)
        _ = update(&state, .failed(id, error))
        #expect(state.form?.url.text == "https://example.com/hook")
        #expect(state.form?.name.text == "Kept")
        #expect(state.form?.saving == nil)
        #expect(state.status?.line.kind == .error)
        // Ctrl-S tries again with the same body.
        let (_, body) = try #require(state.press(.control("s")).createRequest)
        #expect(body.name == "Kept")
    }

    @Test func escCancelsASlowSaveAndKeepsTheForm() throws {
        var state = newForm()
        state.type("https://example.com/hook")
        let (id, _) = try #require(state.press(.control("s")).createRequest)
        #expect(state.press(.escape) == [.cancel(id)])
        _ = update(&state, .failed(id, .cancelled))
        #expect(state.form?.url.text == "https://example.com/hook")
        #expect(state.form?.saving == nil)
        #expect(!state.isBusy)
    }

    @Test func escOnAnUntouchedFormLeavesAndOnAChangedFormAsks() {
        var state = newForm()
        state.press(.escape)
        #expect(state.form == nil)
        state.press(.character("n"))
        state.type("https://a.example")
        state.press(.escape)
        #expect(state.form != nil)
        #expect(state.confirmation?.kind == .discardForm)
        state.press(.enter)  // the default is No
        #expect(state.confirmation == nil)
        #expect(state.form?.url.text == "https://a.example")
        state.press(.escape, .character("y"))
        #expect(state.form == nil)
    }

    @Test func createdEndpointIsSelectedWithItsSecretShownOnce() throws {
        var state = newForm()
        state.type("https://new.example.com/")
        let (id, _) = try #require(state.press(.control("s")).createRequest)
        var created = Fixtures.production
        created.id = "we_new"
        _ = update(&state, .created(id, created))
        #expect(state.form == nil)
        #expect(state.selectedEndpoint?.id == "we_new")
        #expect(state.freshSecretEndpointID == "we_new")
        #expect(render(state).text.contains(created.secret))
        #expect(state.press(.character("y")) == [.copyToClipboard(created.secret)])
        #expect(state.status?.line.text.contains("Copied the signing secret") == true)
        state.press(.character("j"))
        #expect(state.freshSecretEndpointID == nil)
        state.press(.character("k"))
        #expect(!render(state).text.contains(created.secret))
    }

    @Test func editSendsOnlyWhatChanged() {
        var state = Fixtures.state()
        state.press(.character("e"))
        #expect(state.form?.url.text == Fixtures.production.url)
        state.press(.tab, .control("u"))
        var effects = state.press(.control("s"))
        guard case .updateEndpoint(let id, let endpointID, let body) = effects.first else {
            Issue.record("expected an update, got \(effects)")
            return
        }
        #expect(endpointID == Fixtures.production.id)
        #expect(body == WebhookEndpointUpdate(name: ""))
        var renamed = Fixtures.production
        renamed.name = nil
        effects = update(&state, .updated(id, renamed))
        #expect(state.form == nil)
        #expect(state.selectedEndpoint?.name == nil)
    }

    @Test func editWithNoChangesSendsNothing() {
        var state = Fixtures.state()
        state.press(.character("e"))
        #expect(state.press(.control("s")).isEmpty)
        #expect(state.form == nil)
    }
}

@Suite struct FormQuitTests {
    @Test func qOutsideTextFieldsQuitsAndAsksWhenSomethingChanged() {
        var state = Fixtures.state()
        state.press(.character("n"), .tab, .tab)
        #expect(state.form?.focus == .format)
        #expect(state.press(.character("q")) == [.quit])

        var changed = Fixtures.state()
        changed.press(.character("n"))
        changed.type("https://a.example")
        changed.press(.tab, .tab)
        #expect(changed.press(.character("q")).isEmpty)
        #expect(changed.confirmation?.kind == .quitWithChanges)
        #expect(render(changed).text.contains("Quit? The form has changes"))
        changed.press(.character("n"))
        #expect(changed.form?.url.text == "https://a.example")
        #expect(changed.press(.character("q"), .character("y")) == [.quit])
    }
}

/// The form reads token kinds only through PolarAPI's ``TokenKind`` (the commands' tests walk
/// the same table): only a user's token chooses the organization.
@Suite struct FormTokenKindTests {
    @Test(arguments: TokenKind.prefixes.map(\.prefix))
    func onlyAUsersTokenChoosesTheOrganization(_ prefix: String) {
        let kind = TokenKind(token: prefix + "abc")
        var state = Fixtures.state(tokenKind: kind)
        state.press(.character("n"))
        #expect(state.form?.organizationEditable == (kind == .user), "\(prefix)")
    }
}
