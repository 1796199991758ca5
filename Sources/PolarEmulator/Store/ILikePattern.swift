/// PostgreSQL's `ILIKE '%<query>%'` with the query put in unescaped, as Polar builds the
/// deliveries `query` filter (CONTRACT.md §2.8): `_` is any one character, `%` any run, `\`
/// makes the next character literal, and case is ignored.
struct ILikePattern: Sendable {
    private enum Token: Equatable {
        case anyRun
        case anyOne
        case literal(Unicode.Scalar)
    }

    private let tokens: [Token]

    init(containing query: String) {
        var tokens: [Token] = [.anyRun]
        var scalars = ("\(query)%").lowercased().unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "%": tokens.append(.anyRun)
            case "_": tokens.append(.anyOne)
            // The pattern always ends in `%`, so an escape never dangles.
            case "\\": tokens.append(.literal(scalars.next() ?? "\\"))
            default: tokens.append(.literal(scalar))
            }
        }
        self.tokens = tokens
    }

    func matches(_ text: String) -> Bool {
        let input = Array(text.lowercased().unicodeScalars)
        // Two pointers, backtracking only to the last `%` (linear in practice).
        var tokenIndex = 0
        var inputIndex = 0
        var lastRun: (token: Int, input: Int)? = nil
        while inputIndex < input.count {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .anyRun:
                    lastRun = (tokenIndex, inputIndex)
                    tokenIndex += 1
                    continue
                case .anyOne:
                    tokenIndex += 1
                    inputIndex += 1
                    continue
                case .literal(let scalar) where scalar == input[inputIndex]:
                    tokenIndex += 1
                    inputIndex += 1
                    continue
                case .literal: break
                }
            }
            guard let run = lastRun else { return false }
            tokenIndex = run.token + 1
            inputIndex = run.input + 1
            lastRun = (run.token, run.input + 1)
        }
        return tokens[tokenIndex...].allSatisfy { $0 == .anyRun }
    }
}
