import TerminalText

/// Turns what the terminal sends into ``Key``s: printable characters, control keys,
/// the function keys ncurses recognises, raw escape sequences it does not (xterm and tmux
/// variants of Home, End and friends), and bracketed paste delivered whole.
///
/// Pure and synchronous: the terminal layer reads everything that is available, hands it
/// over as one batch, and gets keys back. A batch that ends right after Esc means the user
/// pressed Esc (ncurses has already waited the escape delay for more), so Esc is instant.
/// Only a paste may span batches: a long paste arrives in several reads.
struct InputDecoder {
    /// What one batch decodes to.
    enum Output: Hashable, Sendable {
        case key(Key)
        /// ncurses reported `KEY_RESIZE`.
        case resize
        /// ncurses reported `KEY_MOUSE`; the reader fetches the event with `getmouse`.
        case mouse
    }

    private enum State: Hashable {
        case ground
        case escape
        case controlSequence(parameters: String)
        case singleShift
        case paste
    }

    private static let escapeCode: UInt32 = 0x1B
    private static let pasteEndMarker = Array("\u{1B}[201~".unicodeScalars)
    private static let longestSequence = 16

    private var state = State.ground
    private var pasted: [Unicode.Scalar] = []

    /// True while a bracketed paste has started and not yet ended.
    var isInPaste: Bool { state == .paste }

    /// Decodes one batch of input.
    mutating func decode(_ units: [InputUnit]) -> [Output] {
        var output: [Output] = []
        for unit in units { step(unit, into: &output) }
        finishBatch(into: &output)
        return output
    }

    private mutating func step(_ unit: InputUnit, into output: inout [Output]) {
        switch state {
        case .ground: ground(unit, into: &output)
        case .escape: afterEscape(unit, into: &output)
        case .controlSequence(let parameters): controlSequence(parameters, unit, into: &output)
        case .singleShift: singleShift(unit, into: &output)
        case .paste: paste(unit, into: &output)
        }
    }

    // An incomplete sequence at the end of a batch was typed by hand: Esc, then characters.
    private mutating func finishBatch(into output: inout [Output]) {
        switch state {
        case .ground, .paste: break
        case .escape: output.append(.key(.escape))
        case .controlSequence(let parameters): emitLiteral("[" + parameters, into: &output)
        case .singleShift: emitLiteral("O", into: &output)
        }
        if state != .paste { state = .ground }
    }

    private mutating func emitLiteral(_ text: String, into output: inout [Output]) {
        output.append(.key(.escape))
        state = .ground
        for scalar in text.unicodeScalars { ground(.scalar(scalar.value), into: &output) }
    }

    // MARK: - States

    private mutating func ground(_ unit: InputUnit, into output: inout [Output]) {
        switch unit {
        case .scalar(Self.escapeCode): state = .escape
        case .scalar(let value): Self.appendCharacter(value, to: &output)
        case .keyCode(InputKeyCode.pasteStart): beginPaste()
        case .keyCode(InputKeyCode.pasteEnd): break  // a stray end marker
        case .keyCode(InputKeyCode.resize): output.append(.resize)
        case .keyCode(InputKeyCode.mouse): output.append(.mouse)
        case .keyCode(let code): if let key = Self.key(forCode: code) { output.append(.key(key)) }
        case .keyName(let name): if let key = Self.key(forName: name) { output.append(.key(key)) }
        }
    }

    private mutating func afterEscape(_ unit: InputUnit, into output: inout [Output]) {
        switch unit {
        case .scalar(0x5B): state = .controlSequence(parameters: "")  // [
        case .scalar(0x4F): state = .singleShift  // O
        case .scalar(Self.escapeCode): output.append(.key(.escape))
        default:
            // Esc then a key (or Alt plus a key): both, in order.
            output.append(.key(.escape))
            state = .ground
            ground(unit, into: &output)
        }
    }

    private mutating func controlSequence(_ parameters: String, _ unit: InputUnit, into output: inout [Output]) {
        guard case .scalar(let value) = unit, let scalar = Unicode.Scalar(value), value < 0x7F, value >= 0x20
        else {
            emitLiteral("[" + parameters, into: &output)
            ground(unit, into: &output)
            return
        }
        if value < 0x40 {
            // A parameter or intermediate byte; a runaway sequence is dropped.
            state =
                parameters.count < Self.longestSequence
                ? .controlSequence(parameters: parameters + String(scalar)) : .ground
            return
        }
        state = .ground
        if let key = Self.key(controlSequence: parameters, final: scalar) {
            output.append(.key(key))
        } else if parameters == "200" && scalar == "~" {
            beginPaste()
        }
    }

    private mutating func singleShift(_ unit: InputUnit, into output: inout [Output]) {
        guard case .scalar(let value) = unit, value >= 0x40, value < 0x7F, let scalar = Unicode.Scalar(value)
        else {
            emitLiteral("O", into: &output)
            ground(unit, into: &output)
            return
        }
        state = .ground
        if let key = Self.key(singleShift: scalar) { output.append(.key(key)) }
    }

    private mutating func beginPaste() {
        state = .paste
        pasted.removeAll(keepingCapacity: true)
    }

    private mutating func paste(_ unit: InputUnit, into output: inout [Output]) {
        switch unit {
        case .keyCode(InputKeyCode.pasteEnd):
            finishPaste(into: &output)
        case .keyCode(InputKeyCode.enter):
            pasted.append("\n")
        case .scalar(let value):
            guard let scalar = Unicode.Scalar(value) else { return }
            pasted.append(scalar)
            if pasted.count >= Self.pasteEndMarker.count,
                pasted[(pasted.count - Self.pasteEndMarker.count)...].elementsEqual(Self.pasteEndMarker)
            {
                pasted.removeLast(Self.pasteEndMarker.count)
                finishPaste(into: &output)
            }
        case .keyCode, .keyName:
            break  // ncurses read part of the pasted text as a key; it is not text
        }
    }

    fileprivate mutating func finishPaste(into output: inout [Output]) {
        state = .ground
        var text = String(String.UnicodeScalarView(pasted))
        pasted.removeAll()
        // Terminals send a pasted line break as CR.
        text = text.replacingCRLF()
        if !text.isEmpty { output.append(.key(.paste(text))) }
    }

    // MARK: - Tables

    private static func appendCharacter(_ value: UInt32, to output: inout [Output]) {
        if let key = controlKey(value) {
            output.append(.key(key))
            return
        }
        guard let scalar = Unicode.Scalar(value), !Sanitizer.isControl(scalar) else { return }
        // A combining mark, a joiner or a second flag letter typed (or composed) in the same
        // read joins the character before it.
        if case .key(.character(let previous)) = output.last {
            let joined = String(previous) + String(scalar)
            if joined.count == 1, let character = joined.first {
                output[output.count - 1] = .key(.character(character))
                return
            }
        }
        output.append(.key(.character(Character(scalar))))
    }

    private static func controlKey(_ value: UInt32) -> Key? {
        switch value {
        case 0x09: return .tab
        case 0x0A, 0x0D: return .enter
        case 0x08, 0x7F: return .backspace
        case 0x00: return .control("@")
        case 0x01...0x1A:
            guard let letter = Unicode.Scalar(0x60 + value) else { return nil }
            return .control(Character(letter))
        case 0x1C: return .control("\\")
        case 0x1D: return .control("]")
        case 0x1E: return .control("^")
        case 0x1F: return .control("_")
        default: return nil
        }
    }

    private static let keysByCode: [Int32: Key] = {
        var table: [Int32: Key] = [
            InputKeyCode.up: .up, InputKeyCode.down: .down, InputKeyCode.left: .left, InputKeyCode.right: .right,
            InputKeyCode.home: .home, InputKeyCode.end: .end,
            InputKeyCode.find: .home, InputKeyCode.select: .end,
            InputKeyCode.beginning: .home, InputKeyCode.lowerLeft: .end,
            InputKeyCode.keypadUpperLeft: .home, InputKeyCode.keypadLowerLeft: .end,
            InputKeyCode.keypadUpperRight: .pageUp, InputKeyCode.keypadLowerRight: .pageDown,
            InputKeyCode.pageUp: .pageUp, InputKeyCode.pageDown: .pageDown,
            InputKeyCode.backTab: .backTab, InputKeyCode.enter: .enter,
            InputKeyCode.backspace: .backspace, InputKeyCode.delete: .delete, InputKeyCode.insert: .insert,
            InputKeyCode.suspend: .control("z"),
        ]
        for number in 1...12 { table[InputKeyCode.function(number)] = .function(number) }
        return table
    }()

    static func key(forCode code: Int32) -> Key? { keysByCode[code] }

    // Extended keys with modifiers (terminfo's kUP5 is Ctrl-Up): the key without them.
    private static let keysByNamePrefix: [(String, Key)] = [
        ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home), ("kEND", .end),
        ("kNXT", .pageDown), ("kPRV", .pageUp), ("kDC", .delete), ("kIC", .insert),
        ("kcbt", .backTab),  // TERM=linux reports tmux's "\e[Z" as kcbt2
    ]

    static func key(forName name: String) -> Key? {
        for (prefix, key) in keysByNamePrefix where name.hasPrefix(prefix) {
            let modifier = name.dropFirst(prefix.count)
            if !modifier.isEmpty, modifier.allSatisfy(\.isASCIIDigit) { return key }
        }
        return nil
    }

    // CSI sequences; modifiers ("1;5A" is Ctrl-Up) are ignored.
    static func key(controlSequence parameters: String, final: Unicode.Scalar) -> Key? {
        let first = parameters.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        if first.hasPrefix("<") { return sgrMouseWheel(button: first.dropFirst(), final: final) }
        guard first.allSatisfy(\.isASCIIDigit) else { return nil }  // "?…" are replies, not keys
        switch final {
        case "Z": return .backTab
        case "~": return tildeKey(Int(first) ?? 0)
        default: return cursorOrFunctionKey(final: final)
        }
    }

    // The final letters CSI and SS3 share: arrows, Home/End and F1–F4.
    private static func cursorOrFunctionKey(final: Unicode.Scalar) -> Key? {
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "P": return .function(1)
        case "Q": return .function(2)
        case "R": return .function(3)
        case "S": return .function(4)
        default: return nil
        }
    }

    // SGR mouse reports ("\e[<64;10;5M"): the wheel scrolls like the arrows; clicks do nothing.
    private static func sgrMouseWheel(button: Substring, final: Unicode.Scalar) -> Key? {
        guard final == "M" else { return nil }
        switch Int(button) {
        case 64: return .up
        case 65: return .down
        default: return nil
        }
    }

    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return nil
        }
    }

    // SS3 sequences (application cursor and keypad mode).
    static func key(singleShift final: Unicode.Scalar) -> Key? {
        final == "M" ? .enter : cursorOrFunctionKey(final: final)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    // CR LF and lone CR become LF. (A Character "\r\n" is one grapheme, hence the scalars.)
    fileprivate func replacingCRLF() -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { result.append(scalar) }
            previousWasCR = false
        }
        return String(result)
    }
}

extension InputDecoder {
    /// Ends a paste whose end marker has not come (the terminal went quiet mid-paste) and
    /// delivers what arrived.
    mutating func flushPaste() -> [Output] {
        guard isInPaste else { return [] }
        var output: [Output] = []
        finishPaste(into: &output)
        return output
    }
}
