import PolarAPI

/// What the dashboard talks to: a client, the environment it points at (for the header
/// badge) and the kind of token it holds (which decides the organization field).
public struct DashboardConnection: Sendable {
    public var client: PolarClient
    public var environment: PolarEnvironment
    public var tokenKind: TokenKind

    public init(client: PolarClient, environment: PolarEnvironment, tokenKind: TokenKind) {
        self.client = client
        self.environment = environment
        self.tokenKind = tokenKind
    }
}
