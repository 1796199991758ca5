import FoundationEssentials
import TextTools

/// `Name: value` lines, as typed after `--header` or saved from a captured request.
enum HeaderLines {
    /// The headers in `lines`. A request or status line (`POST /hooks HTTP/1.1`,
    /// `HTTP/1.1 200 OK`) is skipped, and a blank line after the headers ends them, so a whole
    /// captured request (headers, blank line, body) can be given.
    /// - Throws: the first line that is none of these, in words.
    static func parse(_ lines: [String]) throws(CLIError) -> [String: String] {
        var headers: [String: String] = [:]
        for raw in lines {
            let line = raw.trimming(Set(" \t\r\n".unicodeScalars))
            if line.isEmpty {
                if headers.isEmpty { continue }
                break
            }
            if isStartLine(line) { continue }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw .usage("'\(line.prefix(60))' is not a header: write it as 'Name: value'")
            }
            let name = line[..<colon].trimmingWhitespace().lowercased()
            let value = line[line.index(after: colon)...].trimming(Set(" \t".unicodeScalars))
            headers[name] = value
        }
        return headers
    }

    /// `HTTP/1.1 200 OK` or `POST /path HTTP/1.1`.
    private static func isStartLine(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        if words.first?.uppercased().hasPrefix("HTTP/") == true { return true }
        return words.count == 3 && words[2].uppercased().hasPrefix("HTTP/")
            && words[0].allSatisfy { $0.isUppercase }
    }
}
