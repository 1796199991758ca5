import ArgumentParser
import PolarAPI

/// `--secret` / `--generate-secret`, shared by create and update.
struct EndpointSecretOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Your own signing secret (at least 32 characters; Polar signs with it the legacy way). Deprecated by Polar.",
            valueName: "secret"))
    var secret: String?

    @Flag(help: "Generate a whsec_ secret here and send it instead of letting the server choose.")
    var generateSecret = false

    /// The secret to send, if any, checked before any request.
    func resolve() throws(CLIError) -> String? {
        if secret != nil, generateSecret {
            throw .usage("give either --secret or --generate-secret, not both")
        }
        if let secret {
            if let problem = EndpointSecretRules.problem(with: secret) {
                throw .usage("the secret \(problem) (or use --generate-secret)")
            }
            return secret
        }
        return generateSecret ? EndpointSecretRules.generate() : nil
    }
}
