import FoundationEssentials
import PolarAPI
import TerminalUI
import TextTools

/// The create/edit form: everything the user typed, kept whole across errors, timeouts and
/// cancelled requests.
struct EndpointForm: Hashable, Sendable {
    enum Mode: Hashable, Sendable {
        case create
        case edit(WebhookEndpoint)
    }

    /// The values a form starts from, to tell whether anything changed.
    struct Values: Hashable, Sendable {
        var url: String
        var name: String
        var format: WebhookFormat
        var secret: String
        var organizationID: String?
        var events: [String]
    }

    var mode: Mode
    var url: TextField
    var name: TextField
    var format: WebhookFormat
    var secret: TextField
    var secretVisible = false
    /// The organization a create goes to (user tokens choose; nil: the token's own).
    var organizationID: String?
    /// False with an organization token or when editing: shown, never focused.
    var organizationEditable: Bool
    var events: CheckTree
    var isEditingEventFilter = false
    var eventFilter = TextField()
    var focus: FormField = .url
    /// Messages from a 422, by field, until that field is edited.
    var serverErrors: [FormField: String] = [:]
    /// The save in flight, if any; the form stays open and editable meanwhile.
    var saving: RequestID?
    /// The endpoint being edited was deleted elsewhere (background refresh saw it go): the form
    /// stays, with what was typed, and says so.
    var endpointGone = false
    /// An empty URL is only called out once the user typed in it or tried to save.
    var urlEdited = false
    var attemptedSave = false
    let initial: Values

    /// An empty form for a new endpoint.
    init(organizationID: String?, organizationEditable: Bool) {
        mode = .create
        url = TextField()
        name = TextField()
        format = .raw
        secret = TextField()
        self.organizationID = organizationID
        self.organizationEditable = organizationEditable
        events = EventTree.make(checked: [])
        initial = Values(
            url: "", name: "", format: .raw, secret: "", organizationID: organizationID, events: [])
    }

    /// A form holding `endpoint`'s values.
    init(editing endpoint: WebhookEndpoint) {
        mode = .edit(endpoint)
        url = TextField(endpoint.url)
        name = TextField(endpoint.name ?? "")
        format = endpoint.format
        secret = TextField()
        organizationID = endpoint.organizationId
        organizationEditable = false
        events = EventTree.make(checked: endpoint.events)
        initial = Values(
            url: endpoint.url, name: endpoint.name ?? "", format: endpoint.format, secret: "",
            organizationID: endpoint.organizationId, events: events.checkedIDs)
    }

    var values: Values {
        Values(
            url: url.text, name: name.text, format: format, secret: secret.text,
            organizationID: organizationID, events: events.checkedIDs)
    }

    /// True when leaving would lose something the user typed or chose.
    var hasChanges: Bool { values != initial }

    var isCreate: Bool { if case .create = mode { true } else { false } }

    /// Fields Tab visits, in order.
    var focusableFields: [FormField] {
        FormField.allCases.filter { $0 != .organization || organizationEditable }
    }

    /// The message beside a field: the server's word first, then our own checks.
    func message(for field: FormField) -> String? {
        if let server = serverErrors[field] { return server }
        switch field {
        case .url:
            // An untouched, empty URL on a new form is not yet an error.
            return url.isEmpty && !urlEdited && !attemptedSave ? nil : URLCheck.problem(with: url.text)
        case .secret:
            return secret.isEmpty ? nil : EndpointSecretRules.problem(with: secret.text).map(capitalizedFirst)
        default:
            return nil
        }
    }

    /// The first field with a problem that blocks saving.
    var firstLocalProblem: FormField? {
        if URLCheck.problem(with: url.text) != nil { return .url }
        if !secret.isEmpty, EndpointSecretRules.problem(with: secret.text) != nil { return .secret }
        if isCreate, organizationEditable, organizationID == nil { return .organization }
        return nil
    }

    /// The body of a create.
    func createBody() -> WebhookEndpointCreate {
        let trimmedName = name.text.trimmingWhitespace()
        return WebhookEndpointCreate(
            url: url.text.trimmingWhitespace(),
            name: trimmedName.isEmpty ? nil : trimmedName,
            format: format,
            events: EventTree.types(in: events),
            organizationId: organizationEditable ? organizationID : nil,
            secret: secret.isEmpty ? nil : secret.text)
    }

    /// The body of an edit: only what changed (an empty name clears it).
    func updateBody() -> WebhookEndpointUpdate {
        let now = values
        var update = WebhookEndpointUpdate()
        if now.url != initial.url { update.url = url.text.trimmingWhitespace() }
        if now.name != initial.name { update.name = name.text.trimmingWhitespace() }
        if now.format != initial.format { update.format = format }
        if now.events != initial.events { update.events = EventTree.types(in: events) }
        if !secret.isEmpty { update.secret = secret.text }
        return update
    }
}

/// A rule's message as it starts a sentence beside a field.
private func capitalizedFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
