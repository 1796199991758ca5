import CNcurses
import SystemIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The terminal, driven through ncursesw: the only type in the project that talks to it.
///
/// One thread owns a `Terminal`: it draws frames and waits for events. Only ``wake()`` may
/// be called from elsewhere. The tty is given back exactly as it was by ``restore()``,
/// which also runs at `exit()`, and on a crash the tty modes are put back as well.
///
/// ```swift
/// let terminal = try Terminal(options: TerminalOptions())
/// defer { terminal.restore() }
/// while true {
///     terminal.draw(render(state, size: terminal.size))
///     switch terminal.nextEvent(timeout: nil) {
///     case .terminate: return
///     case .key(let key): state.handle(key)
///     case .resize, .wake, .timeout: break
///     }
/// }
/// ```
public final class Terminal: @unchecked Sendable {
    let options: TerminalOptions
    /// Whether the terminal is set up (false after ``restore()``).
    var isActive = false
    var window: UnsafeMutablePointer<WINDOW>
    var originalTTY: termios
    let wakeReadDescriptor: Int32
    let wakeWriteDescriptor: Int32
    var decoder = InputDecoder()
    var pendingEvents: [TerminalEvent] = []
    var palette: TerminalPalette
    let attributeBits: [TerminalRendition.Attributes: attr_t]
    let insideTmux: Bool

    /// True when frames are drawn in colour: asked for, `NO_COLOR` unset or empty, and
    /// supported by the terminal.
    public let colorEnabled: Bool

    /// Sets the terminal up: UTF-8 locale, raw mode, no echo, keypad, invisible cursor,
    /// the alternate screen, bracketed paste and (with `options.mouse`) the mouse wheel.
    public init(options: TerminalOptions) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard !TerminalRegistry.hasActive else { throw .alreadyActive }
        try Self.selectUTF8Locale()
        var tty = termios()
        guard tcgetattr(STDIN_FILENO, &tty) == 0 else { throw .systemCallFailed("tcgetattr", errno: errno) }
        var pipeDescriptors: [Int32] = [-1, -1]
        guard pipe(&pipeDescriptors) == 0 else { throw .systemCallFailed("pipe", errno: errno) }
        for descriptor in pipeDescriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        self.options = options
        originalTTY = tty
        wakeReadDescriptor = pipeDescriptors[0]
        wakeWriteDescriptor = pipeDescriptors[1]
        insideTmux = !(Self.environment("TMUX") ?? "").isEmpty
        attributeBits = [.bold: ph_a_bold(), .dim: ph_a_dim(), .reverse: ph_a_reverse(), .underline: ph_a_underline()]

        // Our handlers go in before ncurses starts, so ncurses leaves these signals to us.
        TerminalSignals.install(wakeDescriptor: wakeWriteDescriptor, tty: tty, reset: Self.fallbackResetBytes)
        guard newterm(nil, ph_stdout(), ph_stdin()) != nil, let window = ph_stdscr() else {
            TerminalSignals.uninstall()
            close(pipeDescriptors[0])
            close(pipeDescriptors[1])
            throw .unknownTerminal(Self.environment("TERM") ?? "")
        }
        self.window = window

        let wantsColor = options.color && (Self.environment("NO_COLOR") ?? "").isEmpty
        var defaultColors = false
        if wantsColor, has_colors() {
            start_color()
            defaultColors = use_default_colors() == ph_ok()
        }
        colorEnabled = wantsColor && has_colors()
        palette = TerminalPalette(
            colorEnabled: colorEnabled, defaultColors: defaultColors, maxPairs: Int(ph_color_pairs()))

        TerminalRegistry.register(self)
        configureInput()
        // Now that terminfo is loaded, the crash path can use the terminal's own strings.
        TerminalSignals.setResetBytes(resetBytes())
        isActive = true
        enterModes()
    }

    deinit {
        restore()
        close(wakeReadDescriptor)
        close(wakeWriteDescriptor)
    }

    /// The terminal's size in cells.
    public var size: Size {
        if isActive { return Size(width: Int(ph_cols()), height: Int(ph_lines())) }
        return Self.kernelWindowSize() ?? Size(width: 80, height: 24)
    }

    /// Gives the terminal back: bracketed paste and mouse off, normal screen, cursor shown,
    /// tty modes exactly as before (`stty -g` reads the same), signal handlers as before.
    /// Safe to call more than once, and from an `atexit` handler.
    public func restore() {
        guard isActive else { return }
        isActive = false
        leaveModes()
        TerminalSignals.uninstall()
        TerminalRegistry.unregister(self)
    }

    // MARK: - Setup

    private func configureInput() {
        // raw() after cbreak(): cbreak() turns ISIG back on, and Ctrl-C, Ctrl-Z, Ctrl-S must
        // arrive as keys.
        cbreak()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))
        curs_set(0)
        for (sequence, code) in Self.extraKeySequences { define_key(sequence, code) }
    }

    // Home and End as xterm (normal and application mode), rxvt and tmux/screen send them,
    // and the bracketed-paste markers, whatever the terminfo entry says.
    private static let extraKeySequences: [(String, Int32)] = [
        ("\u{1B}[H", InputKeyCode.home), ("\u{1B}OH", InputKeyCode.home),
        ("\u{1B}[1~", InputKeyCode.home), ("\u{1B}[7~", InputKeyCode.home),
        ("\u{1B}[F", InputKeyCode.end), ("\u{1B}OF", InputKeyCode.end),
        ("\u{1B}[4~", InputKeyCode.end), ("\u{1B}[8~", InputKeyCode.end),
        ("\u{1B}[200~", InputKeyCode.pasteStart), ("\u{1B}[201~", InputKeyCode.pasteEnd),
    ]

    private static let bracketedPasteOn = Array("\u{1B}[?2004h".utf8)
    private static let bracketedPasteOff = Array("\u{1B}[?2004l".utf8)

    /// Turns on what `endwin` turned off: program tty mode, bracketed paste, the mouse.
    func enterModes() {
        reset_prog_mode()
        writeToTerminal(Self.bracketedPasteOn)
        if options.mouse {
            mousemask(ph_all_mouse_events(), nil)
            mouseinterval(0)
        }
        clearok(ph_curscr(), true)
        wnoutrefresh(window)
        doupdate()
    }

    /// Leaves the program's modes: the shell's tty, the normal screen, a visible cursor.
    func leaveModes() {
        writeToTerminal(Self.bracketedPasteOff)
        if options.mouse { mousemask(0, nil) }
        endwin()
        tcsetattr(STDIN_FILENO, TCSADRAIN, &originalTTY)
    }

    // What the crash handler writes: leave paste, mouse and keypad modes and the alternate
    // screen, reset attributes, show the cursor.
    private func resetBytes() -> [UInt8] {
        var bytes = Self.bracketedPasteOff
        if options.mouse { bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8) }
        for capability in ["sgr0", "rmkx", "cnorm", "rmcup"] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 {
                bytes += Array(String(cString: value).utf8)
            }
        }
        return bytes
    }

    private static let fallbackResetBytes = Array("\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)

    // The user's locale, or C.UTF-8 when that is not UTF-8 (containers often have none set):
    // the terminal is almost surely UTF-8, and wide characters need a UTF-8 locale.
    private static func selectUTF8Locale() throws(TerminalError) {
        _ = ph_setlocale_all()
        if isUTF8(currentCodeset()) { return }
        let original = currentCodeset()
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where ph_setlocale_ctype(name) != 0 {
            if isUTF8(currentCodeset()) { return }
        }
        throw .localeNotUTF8(original)
    }

    private static func currentCodeset() -> String {
        guard let codeset = ph_codeset() else { return "unknown" }
        return String(cString: codeset)
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8"
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    static func kernelWindowSize() -> Size? {
        var size = winsize()
        guard ph_get_winsize(STDOUT_FILENO, &size) == 0, size.ws_row > 0, size.ws_col > 0 else { return nil }
        return Size(width: Int(size.ws_col), height: Int(size.ws_row))
    }

    /// Writes bytes straight to the tty, past ncurses (which has flushed its own output at
    /// the end of every `doupdate`).
    func writeToTerminal(_ bytes: [UInt8]) {
        FileDescriptorWriter.writeAll(bytes, to: STDOUT_FILENO)
    }
}
