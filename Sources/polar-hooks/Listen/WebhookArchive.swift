import FoundationEssentials
import PolarAPI
import SystemIO
import TextTools
import WebhookListener

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `listen --save DIR`: each webhook as a request file that `verify --request` checks again.
/// The files carry signatures and customers' data, so a new folder is 0700 and each file 0600.
/// With a secret, only webhooks that verify are kept (anyone reaching the port could send more).
struct WebhookArchive {
    let directory: URL

    /// Makes the folder (0700) when it is missing; refuses a path that cannot hold files.
    init(path: String) throws(CLIError) {
        directory = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory else { throw .usage("--save \(path) is a file, not a folder") }
        } else {
            do {
                try Directory.create(directory.path, mode: 0o700)
            } catch {
                throw .usage("cannot create the folder \(path): \(error.reason)")
            }
            // The umask may have taken bits away; the folder is the owner's alone, exactly.
            chmod(directory.path, 0o700)
        }
        guard FileManager.default.isWritableFile(atPath: directory.path) else {
            throw .usage("cannot write in the folder \(path)")
        }
    }

    /// A warning when others may read the folder (an existing one is left as it is).
    var exposure: String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: directory.path),
            let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0
        else { return nil }
        return "\(directory.path) is open to other users (mode \(String(mode, radix: 8))); "
            + "the saved webhooks hold signatures and customers' data: chmod 700 \(directory.path)"
    }

    /// `20261129T142301Z-0001-order.paid.http`: the time and sequence keep the order across
    /// runs of the listener, the type tells them apart.
    static func fileName(for webhook: ReceivedWebhook, suffix: Int = 1) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        let type = String((webhook.eventType ?? "webhook").lowercased().filter { allowed.contains($0) }.prefix(60))
        let time = PolarTimestamp.format(webhook.receivedAt).prefix(19)
            .replacing("-", with: "").replacing(":", with: "")
        let again = suffix > 1 ? "-\(suffix)" : ""
        return "\(time)Z-" + String(webhook.sequence, zeroPaddedTo: 4) + "-" + (type.isEmpty ? "webhook" : type)
            + again + ".http"
    }

    /// Writes one webhook to a new file, never over an earlier one; the path written, or why not.
    func save(_ webhook: ReceivedWebhook) -> Result<String, CLIError> {
        let bytes = CapturedRequest.bytes(of: webhook)
        for suffix in 1...100 {
            let path = directory.appendingPathComponent(Self.fileName(for: webhook, suffix: suffix)).path
            do {
                // A cut-short file would later read as a bad signature: `create` leaves none behind.
                if try PrivateFile.create(path, with: bytes) { return .success(path) }
            } catch {
                return .failure(.failure("could not save the webhook to \(path): \(error.reason)"))
            }
        }
        return .failure(.failure("could not save the webhook: too many files named like it in \(directory.path)"))
    }
}
