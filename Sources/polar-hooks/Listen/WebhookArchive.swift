import Foundation
import WebhookListener

/// `listen --save DIR`: each webhook as a request file that `verify --request` checks again.
/// The files carry signatures and customers' data, so the folder is 0700 and each file 0600.
struct WebhookArchive {
    let directory: URL

    /// Makes the folder (0700) when it is missing; refuses a path that cannot hold files.
    init(path: String) throws(CLIError) {
        directory = URL(fileURLWithPath: path, isDirectory: true)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .usage("--save \(path) is a file, not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(
                    at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .usage("cannot create the folder \(path): \((error as NSError).localizedDescription)")
            }
        }
        guard FileManager.default.isWritableFile(atPath: directory.path) else {
            throw .usage("cannot write in the folder \(path)")
        }
    }

    /// `0001-order.paid.http`: the sequence keeps the order, the type tells them apart.
    static func fileName(for webhook: ReceivedWebhook) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        let type = String((webhook.eventType ?? "webhook").lowercased().filter { allowed.contains($0) }.prefix(60))
        return String(format: "%04d", webhook.sequence) + "-" + (type.isEmpty ? "webhook" : type) + ".http"
    }

    /// Writes one webhook; the path written, or the reason it could not be.
    func save(_ webhook: ReceivedWebhook) -> Result<String, CLIError> {
        let file = directory.appendingPathComponent(Self.fileName(for: webhook))
        let created = FileManager.default.createFile(
            atPath: file.path, contents: Data(CapturedRequest.bytes(of: webhook)),
            attributes: [.posixPermissions: 0o600])
        return created ? .success(file.path) : .failure(.failure("could not save the webhook to \(file.path)"))
    }
}
