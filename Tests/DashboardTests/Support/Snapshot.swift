import Foundation
import TerminalUI
import Testing

/// Compares a canvas's text to `Snapshots/<name>.txt`. A missing file, or UPDATE_SNAPSHOTS=1,
/// writes the file and fails the test, so a missing snapshot can never pass silently.
func expectSnapshot(
    _ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent("\(name).txt")
    let actual = canvas.text + "\n"
    let update = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
    guard !update, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            Issue.record(
                "Could not write snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
        }
        let message: String =
            "Snapshot \(name).txt was \(update ? "rewritten (UPDATE_SNAPSHOTS=1)" : "missing and has been written"); "
            + "read it, then run the tests again."
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(actualLines, expectedLines).enumerated().first {
            $0.element.0 != $0.element.1
        }
        let row = firstDifference?.offset ?? min(actualLines.count, expectedLines.count)
        let expectedRow = row < expectedLines.count ? String(expectedLines[row]) : "<none>"
        let actualRow = row < actualLines.count ? String(actualLines[row]) : "<none>"
        let message: String =
            "Snapshot \(name).txt differs at row \(row):\nexpected: \(expectedRow)\nactual:   \(actualRow)\n"
            + "Run with UPDATE_SNAPSHOTS=1 to accept the new rendering.\n\(actual)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
