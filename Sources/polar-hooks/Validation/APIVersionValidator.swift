import PolarAPI
import TextTools

/// `--api-version` must be a payload version the server supports.
enum APIVersionValidator {
    static func validate(_ text: String?) throws(CLIError) -> APIVersion? {
        guard let text else { return nil }
        let version = APIVersion(rawValue: text.trimmingWhitespace())
        guard APIVersion.supported.contains(version) else {
            let list = APIVersion.supported.map(\.rawValue).joined(separator: ", ")
            throw .usage("'\(text)' is not an API version Polar supports; use one of \(list)")
        }
        return version
    }
}
