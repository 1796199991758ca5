import Foundation
import PolarEmulator
import Testing

@testable import polar_hooks

/// The endpoint IDs a shell is offered on TAB: the account's, or nothing at all.
@Suite struct EndpointIDCompletionTests {
    private let words = ["polar-hooks", "endpoints", "get", ""]

    /// A home without a config file, the organization token, and this server.
    private func environment(apiURL: String) -> [String: String] {
        let home = FileManager.default.temporaryDirectory.path
        return [
            "HOME": home, "XDG_CONFIG_HOME": home, "POLAR_API_URL": apiURL,
            "POLAR_ACCESS_TOKEN": EmulatorTokens.organization,
        ]
    }

    @Test func offersTheAccountsEndpointIDs() async throws {
        try await EmulatorFixture.with { fixture in
            let expected = try await fixture.endpoints().map(\.id).sorted()
            #expect(!expected.isEmpty)
            let candidates = await EndpointIDCompletion.candidates(
                words: words, prefix: "", environment: fixture.environment(), deadline: .seconds(20))
            #expect(candidates.sorted() == expected)

            let first = try #require(expected.first)
            let prefix = String(first.prefix(4))
            let narrowed = await EndpointIDCompletion.candidates(
                words: words, prefix: prefix, environment: fixture.environment(), deadline: .seconds(20))
            #expect(narrowed.contains(first))
            #expect(narrowed.allSatisfy { $0.hasPrefix(prefix) })
        }
    }

    @Test func theCommandLinesOwnConnectionFlagsWin() async throws {
        try await EmulatorFixture.with { fixture in
            let expected = try await fixture.endpoints().map(\.id).sorted()
            let environment = ["HOME": fixture.home.path, "XDG_CONFIG_HOME": fixture.home.path]
            let words = [
                "polar-hooks", "endpoints", "get", "--api-url", fixture.baseURL,
                "--token='\(EmulatorTokens.organization)'", "",
            ]
            let candidates = await EndpointIDCompletion.candidates(
                words: words, prefix: "", environment: environment, deadline: .seconds(20))
            #expect(candidates.sorted() == expected)
        }
    }

    @Test func withoutATokenThereIsNothing() async throws {
        try await EmulatorFixture.with { fixture in
            let candidates = await EndpointIDCompletion.candidates(
                words: words, prefix: "", environment: fixture.environment(token: nil))
            #expect(candidates.isEmpty)
        }
    }

    @Test func aServerThatRefusesGivesNothing() async throws {
        let candidates = await EndpointIDCompletion.candidates(
            words: words, prefix: "", environment: environment(apiURL: "http://127.0.0.1:1"))
        #expect(candidates.isEmpty)
    }

    /// A server that takes the connection and never answers: the deadline ends the wait (the
    /// time limit only keeps a regression from hanging the suite).
    @Test(.timeLimit(.minutes(1))) func aServerThatNeverAnswersGivesNothing() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let candidates = await EndpointIDCompletion.candidates(
            words: words, prefix: "", environment: environment(apiURL: "http://127.0.0.1:\(listener.port)"))
        #expect(candidates.isEmpty)
    }

    @Test func flagValuesAreReadInBothSpellingsWithoutQuotes() {
        #expect(EndpointIDCompletion.value(of: "--profile", in: ["x", "--profile", "work"]) == "work")
        #expect(EndpointIDCompletion.value(of: "--profile", in: ["x", "--profile=\"work\""]) == "work")
        #expect(EndpointIDCompletion.value(of: "--profile", in: ["x", "--profile"]) == nil)
        #expect(EndpointIDCompletion.value(of: "--profile", in: ["x", "--profiles", "work"]) == nil)
    }

    @Test func onlyPlainIdentifiersReachTheCommandLine() {
        #expect(EndpointIDCompletion.isPlainIdentifier("1dbfc517-0bbf-4301-9ba8-555ca42b9737"))
        #expect(!EndpointIDCompletion.isPlainIdentifier("1dbfc517-0bbf-4301-9ba8-555ca42b9737; rm -rf ~"))
        #expect(!EndpointIDCompletion.isPlainIdentifier("\u{1b}]0;title\u{7}"))
        #expect(!EndpointIDCompletion.isPlainIdentifier(""))
    }
}

/// A TCP port on loopback that accepts connections (the kernel's backlog does) and never
/// reads or answers.
private final class SilentListener {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw FixtureError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else {
            Glibc.close(descriptor)
            throw FixtureError("bind() or listen() failed")
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &actualLength) }
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    func close() {
        Glibc.close(descriptor)
    }
}
