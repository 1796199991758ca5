import TerminalUI

/// No token yet: where one comes from, a masked field to paste it, and the demo.
enum FirstRunView {
    static func draw(_ firstRun: FirstRunState, state: DashboardState, into canvas: inout Canvas) {
        let size = state.size
        canvas.put("polar-hooks", x: 1, y: 0, style: Theme.title)
        canvas.put("first run: no access token configured", x: 14, y: 0, style: Theme.dim)
        let width = min(76, size.width - 2)
        let height = min(19, size.height - 3)
        let frame = Rect(
            x: (size.width - width) / 2, y: 1 + max(0, (size.height - 3 - height) / 2), width: width,
            height: height)
        canvas.box(frame, title: "Connect to Polar", style: Theme.focusedBorder)
        let inner = frame.inset(by: 1)
        let textWidth = inner.width - 2
        var y = inner.y
        func line(_ text: String, style: Style = .plain) {
            for part in TextWrap.lines(text, width: textWidth) where y < inner.maxY {
                canvas.put(part, x: inner.x + 1, y: y, style: style)
                y += 1
            }
        }
        line("polar-hooks manages your Polar webhook endpoints. It needs an access token:")
        y += 1
        line("1. In Polar, open Settings → Developers and create a token.")
        line("2. Give it the scope webhooks:write (it also reads).")
        line("3. Paste it below. It is not shown; Enter checks it.")
        y += 1
        let tokenFocused = firstRun.focus == .token
        canvas.put(tokenFocused ? "›" : " ", x: inner.x, y: y, style: Theme.focusedBorder)
        canvas.put("Token", x: inner.x + 1, y: y, style: tokenFocused ? Theme.title : Theme.label)
        let field = Rect(x: inner.x + 8, y: y, width: min(50, textWidth - 8), height: 1)
        canvas.drawTextField(
            firstRun.token, in: field, focused: tokenFocused, masked: true, placeholder: "polar_oat_…")
        y += 1
        if !firstRun.token.isEmpty {
            canvas.put("\(firstRun.token.text.count) characters", x: inner.x + 8, y: y, style: Theme.dim)
        }
        y += 2
        line(
            "No token at hand? Try the demo: a built-in Polar emulator with sample endpoints. Nothing leaves this machine."
        )
        y += 1
        let demoFocused = firstRun.focus == .demo
        canvas.put(demoFocused ? "›" : " ", x: inner.x, y: y, style: Theme.focusedBorder)
        canvas.put(
            "[ Try the demo ]", x: inner.x + 1, y: y, style: demoFocused ? Theme.selected : Theme.title)
        y += 2
        if let error = firstRun.error {
            line("✗ " + error, style: Theme.error)
        } else if firstRun.connecting != nil {
            line(
                "\(spinnerFrame(state)) "
                    + (firstRun.focus == .demo ? "Starting the demo…" : "Checking the token…"))
        }
        let footer = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let hints = [
            KeyHint(key: "Enter", label: tokenFocused ? "use the token" : "start the demo"),
            KeyHint(key: "Tab", label: "switch"),
            KeyHint(key: "Esc", label: firstRun.connecting == nil ? "quit" : "cancel"),
        ]
        canvas.drawKeyHints(hints, in: footer)
    }
}
