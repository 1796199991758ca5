import Foundation

/// `Name: value` lines, as typed after `--header` or saved by `curl -D`.
enum HeaderLines {
    /// The headers in `lines`; a status line (`HTTP/1.1 200 OK`) and blank lines are skipped.
    /// - Throws: the first line that is neither, in words.
    static func parse(_ lines: [String]) throws(CLIError) -> [String: String] {
        var headers: [String: String] = [:]
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.uppercased().hasPrefix("HTTP/") { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw .usage("'\(line.prefix(60))' is not a header: write it as 'Name: value'")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = value
        }
        return headers
    }
}
