import Glibc
import PolarAPI
import PolarJSON
import SystemIO
import TerminalText

/// Writes one pretty JSON array to standard output item by item, so a long list is never held
/// whole: nothing is written before the first item or `finish()` (a failure before then leaves
/// stdout empty), and the bytes go out in chunks of about 64 KB. The items look exactly as
/// ``JSONOutput`` writes them inside an array.
struct JSONArrayStream {
    private static let chunkSize = 64 * 1024
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// One item's compact JSON, before it is indented into `buffer`.
    private var item: [UInt8] = []
    private var hasItems = false

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.chunkSize + 8 * 1024)
    }

    /// Adds one item to the array.
    mutating func append(_ value: some Encodable) throws(CLIError) {
        item.removeAll(keepingCapacity: true)
        try JSONOutput.encode(value, into: &item)
        buffer.append(contentsOf: hasItems ? ",\n  ".utf8 : "[\n  ".utf8)
        JSONPrettyPrinter.reindent(item, level: 1, into: &buffer)
        hasItems = true
        if buffer.count >= Self.chunkSize { flush() }
    }

    /// Closes the array (`[]` when empty), ends the line and writes what is left.
    mutating func finish() {
        buffer.append(contentsOf: hasItems ? "\n]\n".utf8 : "[]\n".utf8)
        flush()
    }

    private mutating func flush() {
        // A closed pipe (`| head`) fails the write: the reader has gone, so stop quietly.
        FileDescriptorWriter.writeAll(Sanitizer.terminalSafeJSON(bytes: buffer), to: descriptor)
        buffer.removeAll(keepingCapacity: true)
    }
}
