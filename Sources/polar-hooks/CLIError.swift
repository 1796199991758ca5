import PolarAPI

/// The process exit statuses the commands promise to scripts.
enum ExitStatus {
    static let success: Int32 = 0
    /// The API answered with an error, or the network failed.
    static let failure: Int32 = 1
    /// The command line or an input value was wrong; nothing was sent.
    static let usage: Int32 = 2
    /// The token is missing, unknown or lacks a permission (401/403).
    static let authentication: Int32 = 3
    /// The endpoint or event does not exist (404).
    static let notFound: Int32 = 4
    /// `health`: a selected endpoint is failing or disabled, as `--fail-on` defines it.
    static let unhealthy: Int32 = 5
}

/// An error the user can act on: one sentence for stderr and the exit status it maps to.
///
/// The message never contains the access token or a secret.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let exitStatus: Int32

    init(_ message: String, exitStatus: Int32) {
        self.message = message
        self.exitStatus = exitStatus
    }

    var description: String { message }

    /// Bad input found before any request was made.
    static func usage(_ message: String) -> CLIError {
        CLIError(message, exitStatus: ExitStatus.usage)
    }

    /// No token, or one the API refused.
    static func authentication(_ message: String) -> CLIError {
        CLIError(message, exitStatus: ExitStatus.authentication)
    }

    static func failure(_ message: String) -> CLIError {
        CLIError(message, exitStatus: ExitStatus.failure)
    }

    /// Maps an API error to its words and exit status.
    init(_ error: PolarError) {
        let status: Int32
        switch error {
        case _ where error.isAuthentication: status = ExitStatus.authentication
        case .notFound, .routeNotFound: status = ExitStatus.notFound
        case .validation: status = ExitStatus.usage
        default: status = ExitStatus.failure
        }
        self.init(error.description, exitStatus: status)
    }
}
