/// Mutates a valid body the ways a broken or hostile server would: types swapped, fields
/// dropped or repeated, numbers out of range, odd strings, deep nesting; then, sometimes, the
/// text itself truncated, bytes flipped or inserted.
struct JSONMutator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Numbers no Swift type the models use can hold, or that are unusual forms.
    static let oddNumbers = [
        "1e400", "-1e400", "18446744073709551616", "-9223372036854775809", "9223372036854775807", "0.5", "-0",
        "1E2", "1e-400", "123456789012345678901234567890", "0",
    ]
    /// Strings that must stay data: escapes, NUL, bidi overrides, long text, empty.
    static let oddStrings = [
        "", "\u{1B}]0;pwned\u{07}", "\u{1B}[2J\u{1B}[H", "\u{1B}]52;c;ZXZpbA==\u{07}", "\u{0}", "\u{202E}txt.exe",
        String(repeating: "x", count: 5_000), "2026-02-30T25:61:61Z", "not-a-date", "json", "🙂",
    ]

    /// A mutated copy of the body; the places to mutate are the original's (after a first
    /// mutation some may lead nowhere, and are then skipped).
    mutating func mutate(_ body: Original) -> [UInt8] {
        var mutated = body.value
        for _ in 0..<Int.random(in: 1...3, using: &random) { mutateOnce(&mutated, in: body) }
        var bytes = mutated.bytes
        if Int.random(in: 0..<10, using: &random) < 4 { mutateText(&bytes) }
        return bytes
    }

    /// A valid body and the places in it, found once.
    struct Original {
        let value: FuzzJSON
        let paths: [[FuzzJSON.PathStep]]
        /// The paths to objects with at least one field.
        let objectPaths: [[FuzzJSON.PathStep]]

        init(_ value: FuzzJSON) {
            self.value = value
            paths = value.paths
            objectPaths = paths.filter { if case .object(let pairs) = value[$0] { !pairs.isEmpty } else { false } }
        }
    }

    private mutating func mutateOnce(_ value: inout FuzzJSON, in body: Original) {
        let path = body.paths[Int.random(in: 0..<body.paths.count, using: &random)]
        switch Int.random(in: 0..<7, using: &random) {
        case 0:
            value[path] = otherKind(than: value[path])
        case 1:
            guard let target = body.objectPaths.randomElement(using: &random), case .object(var pairs) = value[target],
                !pairs.isEmpty
            else {
                return
            }
            pairs.remove(at: Int.random(in: 0..<pairs.count, using: &random))
            value[target] = .object(pairs)
        case 2:
            guard let target = body.objectPaths.randomElement(using: &random), case .object(var pairs) = value[target],
                !pairs.isEmpty
            else {
                return
            }
            let copied = pairs[Int.random(in: 0..<pairs.count, using: &random)]
            pairs.append((copied.0, otherKind(than: copied.1)))
            value[target] = .object(pairs)
        case 3:
            value[path] = .number(Self.oddNumbers.randomElement(using: &random) ?? "0")
        case 4:
            value[path] = .string(Self.oddStrings.randomElement(using: &random) ?? "")
        case 5:
            // Past the decoder's nesting limit (512) as well as below it.
            let depth = [2, 40, 600, 1_500].randomElement(using: &random) ?? 2
            let (open, close) = Bool.random(using: &random) ? ("[", "]") : ("{\"a\":", "}")
            value[path] = .raw(String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth))
        default:
            value[path] = Bool.random(using: &random) ? .array([]) : .object([])
        }
    }

    private mutating func otherKind(than value: FuzzJSON) -> FuzzJSON {
        let choices: [FuzzJSON] = [
            .null, .bool(Bool.random(using: &random)), .number(String(Int.random(in: -1_000...1_000, using: &random))),
            .string("swapped"), .array([.string("x"), .number("1")]), .object([("id", .number("7"))]),
        ]
        let others = choices.filter { Self.kind($0) != Self.kind(value) }
        return others.randomElement(using: &random) ?? .null
    }

    private static func kind(_ value: FuzzJSON) -> Int {
        switch value {
        case .null: 0
        case .bool: 1
        case .number: 2
        case .string: 3
        case .array: 4
        case .object: 5
        case .raw: 6
        }
    }

    private mutating func mutateText(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        switch Int.random(in: 0..<3, using: &random) {
        case 0:
            bytes.removeLast(Int.random(in: 1...bytes.count, using: &random))
        case 1:
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] ^= UInt8.random(in: 1...255, using: &random)
            }
        default:
            let index = Int.random(in: 0...bytes.count, using: &random)
            bytes.insert(
                contentsOf: (0..<Int.random(in: 1...8, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }, at: index)
        }
    }
}
