import TerminalText

/// Word wrapping by display width.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns, at spaces where possible; a word
    /// longer than a line is cut. Explicit newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let (head, tail) = split(word, at: width)
                    result.append(head)
                    word = tail
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            result.append(line)
        }
        return result
    }

    private static func split(_ word: String, at width: Int) -> (String, String) {
        var head = ""
        var used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let w = DisplayWidth.of(word[index])
            if used + w > width { break }
            head.append(word[index])
            used += w
            index = word.index(after: index)
        }
        if head.isEmpty, index < word.endIndex {
            head.append(word[index])
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
