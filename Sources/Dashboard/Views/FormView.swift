import PolarAPI
import TerminalUI

/// The create/edit form: one row per field, messages beside them, the event picker inline,
/// a help line for the focused field, and the buttons.
enum FormView {
    static func draw(
        _ form: EndpointForm, state: DashboardState, into canvas: inout Canvas, in area: Rect
    ) {
        let layout = FormLayout(area: area)
        let title: String
        if case .edit(let endpoint) = form.mode {
            title = "Edit \(endpoint.displayName)" + (form.endpointGone ? " · deleted on the server" : "")
        } else {
            title = "New endpoint"
        }
        canvas.box(area, title: title, style: Theme.focusedBorder)
        guard layout.inner.height >= 8, layout.inner.width > 30 else { return }
        drawTextRow(
            form, .url, field: form.url, placeholder: "required: https://…", into: &canvas, layout: layout
        )
        drawTextRow(
            form, .name, field: form.name, placeholder: "optional: the list shows the URL without one",
            into: &canvas, layout: layout)
        drawFormat(form, into: &canvas, layout: layout)
        drawTextRow(
            form, .secret, field: form.secret,
            placeholder: form.isCreate ? "optional: Polar makes one" : "empty: keep the current secret",
            masked: !form.secretVisible, into: &canvas, layout: layout)
        drawOrganization(form, state: state, into: &canvas, layout: layout)
        drawEvents(form, into: &canvas, layout: layout)
        drawHelpLine(form, state: state, into: &canvas, layout: layout)
        drawButtons(form, state: state, into: &canvas, layout: layout)
    }

    static func drawLabel(
        _ field: FormField, focused: Bool, into canvas: inout Canvas, layout: FormLayout
    ) {
        let y = layout.row(field)
        canvas.put(focused ? "›" : " ", x: layout.inner.x, y: y, style: Theme.focusedBorder)
        canvas.put(field.label, x: layout.inner.x + 1, y: y, style: focused ? Theme.title : Theme.label)
    }

    static func drawMessage(
        _ form: EndpointForm, _ field: FormField, into canvas: inout Canvas, layout: FormLayout,
        x: Int? = nil
    ) {
        guard let message = form.message(for: field) else { return }
        let startX = x ?? layout.messageX
        canvas.put(
            "✗ " + message, x: startX, y: layout.row(field),
            maxWidth: max(0, layout.inner.maxX - startX - 1),
            style: Theme.error)
    }

    static func drawTextRow(
        _ form: EndpointForm, _ field: FormField, field text: TextField, placeholder: String,
        masked: Bool = false,
        into canvas: inout Canvas, layout: FormLayout
    ) {
        let focused = form.focus == field && !form.isEditingEventFilter
        drawLabel(field, focused: focused, into: &canvas, layout: layout)
        let rect = Rect(x: layout.inputX, y: layout.row(field), width: layout.inputWidth, height: 1)
        canvas.drawTextField(text, in: rect, focused: focused, masked: masked, placeholder: placeholder)
        if form.message(for: field) != nil {
            drawMessage(form, field, into: &canvas, layout: layout)
        } else if field == .secret, focused {
            canvas.put(
                "Ctrl-G generate · Ctrl-R " + (form.secretVisible ? "hide" : "show"), x: layout.messageX,
                y: rect.y, maxWidth: layout.messageWidth, style: Theme.dim)
        } else if field == .url, !text.isEmpty {
            canvas.put("✓", x: layout.messageX, y: rect.y, style: Theme.success)
        }
    }

    static func drawFormat(_ form: EndpointForm, into canvas: inout Canvas, layout: FormLayout) {
        let focused = form.focus == .format
        drawLabel(.format, focused: focused, into: &canvas, layout: layout)
        var x = layout.inputX
        for format in WebhookFormat.allCases {
            let chosen = format == form.format
            let style = chosen ? (focused ? Theme.selected : Theme.title) : Theme.dim
            x +=
                canvas.put(
                    (chosen ? "● " : "○ ") + format.rawValue, x: x, y: layout.row(.format), style: style) + 3
        }
        drawMessage(form, .format, into: &canvas, layout: layout, x: x)
    }

    static func drawOrganization(
        _ form: EndpointForm, state: DashboardState, into canvas: inout Canvas, layout: FormLayout
    ) {
        let focused = form.focus == .organization
        drawLabel(.organization, focused: focused, into: &canvas, layout: layout)
        let y = layout.row(.organization)
        let text: String
        var note = ""
        if !form.organizationEditable {
            let id = form.organizationID
            let name = id.flatMap(state.organizationName(id:)) ?? state.organizationName ?? id
            if form.isCreate {
                text = name ?? "the token's organization"
                note = name == nil ? "" : "(the token's organization)"
            } else {
                text = name ?? "—"
                note = "(cannot be changed)"
            }
        } else if state.organizations.isEmpty {
            text = "loading organizations…"
        } else if let id = form.organizationID,
            let index = state.organizations.firstIndex(where: { $0.id == id })
        {
            text = "‹ \(state.organizations[index].name) ›"
            note = "\(index + 1) of \(state.organizations.count)"
        } else {
            text = "‹ choose one ›"
            note = "\(state.organizations.count) organizations · ←/→"
        }
        let used = canvas.put(
            text, x: layout.inputX, y: y, maxWidth: layout.inputWidth,
            style: focused ? Theme.selected : (form.organizationEditable ? .plain : Theme.dim))
        if form.message(for: .organization) != nil {
            drawMessage(form, .organization, into: &canvas, layout: layout, x: layout.inputX + used + 2)
        } else if !note.isEmpty {
            canvas.put(
                note, x: layout.inputX + used + 2, y: y,
                maxWidth: max(0, layout.inner.maxX - layout.inputX - used - 3),
                style: Theme.dim)
        }
    }

    static func drawEvents(_ form: EndpointForm, into canvas: inout Canvas, layout: FormLayout) {
        let focused = form.focus == .events
        drawLabel(.events, focused: focused || form.isEditingEventFilter, into: &canvas, layout: layout)
        let y = layout.row(.events)
        var x = layout.inputX
        let total = form.events.itemCount
        x +=
            canvas.put(
                "\(form.events.checked.count) of \(total) selected", x: x, y: y, style: Theme.title) + 3
        if form.isEditingEventFilter || !form.events.filter.isEmpty {
            x += canvas.put("/", x: x, y: y, style: Theme.title)
            let rect = Rect(x: x, y: y, width: min(24, max(0, layout.inner.maxX - x - 2)), height: 1)
            if form.isEditingEventFilter {
                canvas.drawTextField(form.eventFilter, in: rect, focused: true)
            } else {
                canvas.put(form.events.filter, x: x, y: y, maxWidth: rect.width)
            }
            x += rect.width + 2
        }
        drawMessage(form, .events, into: &canvas, layout: layout, x: x)
        canvas.drawCheckTree(
            form.events, in: layout.pickerRect, focused: focused && !form.isEditingEventFilter)
    }

    static func drawHelpLine(
        _ form: EndpointForm, state: DashboardState, into canvas: inout Canvas, layout: FormLayout
    ) {
        let text: String
        var style = Theme.dim
        if let message = form.message(for: form.focus) {
            text = "\(form.focus.label): \(message)"
            style = Theme.error
        } else {
            text = help(for: form)
        }
        canvas.put(
            text, x: layout.inner.x + 1, y: layout.helpRow, maxWidth: layout.inner.width - 2, style: style
        )
    }

    static func help(for form: EndpointForm) -> String {
        switch form.focus {
        case .url:
            return
                "Where Polar posts events: https, a public host. Discord and Slack URLs pick their format."
        case .name: return "A name for the list; without one the list shows the URL."
        case .format:
            return "raw: the JSON event · discord / slack: a chat message for that app's webhook."
        case .secret:
            return
                "At least 32 characters. Empty: Polar makes a Standard Webhooks secret; one you give signs the legacy way."
        case .organization: return "The organization the endpoint belongs to."
        case .events:
            if let item = form.events.focusedItem { return "\(item.label): \(item.detail)" }
            return "Space toggles the whole group · Enter folds or unfolds · a all/none · / filter"
        case .save: return "Enter or Ctrl-S saves."
        case .cancel:
            return form.hasChanges
                ? "Enter leaves the form; it asks first, as something changed." : "Enter leaves the form."
        }
    }

    static func drawButtons(
        _ form: EndpointForm, state: DashboardState, into canvas: inout Canvas, layout: FormLayout
    ) {
        let y = layout.row(.save)
        let saveLabel = form.saving == nil ? "[ Save ]" : "[ Saving \(spinnerFrame(state)) ]"
        var x = layout.inputX
        x +=
            canvas.put(saveLabel, x: x, y: y, style: form.focus == .save ? Theme.selected : Theme.title)
            + 2
        canvas.put("[ Cancel ]", x: x, y: y, style: form.focus == .cancel ? Theme.selected : .plain)
    }
}
