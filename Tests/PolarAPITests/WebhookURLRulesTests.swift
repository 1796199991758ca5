import Testing

@testable import PolarAPI

@Suite struct WebhookURLRulesTests {
    @Test(arguments: [
        "https://example.com/hook", "https://Example.COM", "https://8.8.8.8/x", "https://1.1.1.1:8443/x",
        "https://[2606:4700::1111]/", "https://foo.internal/", "https://münchen.example/",
        "https://user:pw@example.com:8443/x", "  https://example.com/hooks\n", "\thttps://example.com\t",
        "https://172.32.0.1/", "https://100.128.0.1/", "https://11.0.0.1/",
    ])
    func acceptsPublicHTTPSURLs(_ url: String) {
        #expect(WebhookURLRules.check(url) == nil)
    }

    @Test(arguments: [
        ("https://localhost/hooks", "localhost"),
        ("https://LOCALHOST:3000/", "localhost"),
        ("https://127.0.0.1/", "127.0.0.1"),
        ("https://127.1/", "127.0.0.1"),
        ("https://2130706433/", "127.0.0.1"),
        ("https://0x7f.0.0.1/", "127.0.0.1"),
        ("https://0.0.0.0/", "0.0.0.0"),
        ("https://10.1.2.3/", "10.1.2.3"),
        ("https://172.16.0.1/", "172.16.0.1"),
        ("https://172.31.255.255/", "172.31.255.255"),
        ("https://192.168.1.1/", "192.168.1.1"),
        ("https://169.254.169.254/", "169.254.169.254"),
        ("https://100.64.0.1/", "100.64.0.1"),
        ("https://[::1]/", "[::1]"),
        ("https://[fc00::1]/", "[fc00::1]"),
        ("https://[fd00::1]/", "[fd00::1]"),
        ("https://[fe80::1]/", "[fe80::1]"),
        ("https://[::ffff:127.0.0.1]/", "[::ffff:127.0.0.1]"),
    ])
    func refusesLocalAndPrivateHosts(_ url: String, _ host: String) {
        #expect(WebhookURLRules.check(url) == .localOrPrivate(host: host))
    }

    @Test func refusesWhatIsNotAnHTTPSURLWithAHost() {
        #expect(WebhookURLRules.check("") == .empty)
        #expect(WebhookURLRules.check("  \n ") == .empty)
        #expect(WebhookURLRules.check("example.com/hooks") == .notAbsolute)
        #expect(WebhookURLRules.check("http://example.com/") == .schemeNotHTTPS(scheme: "http"))
        #expect(WebhookURLRules.check("ftp://example.com/") == .schemeNotHTTPS(scheme: "ftp"))
        #expect(WebhookURLRules.check("https:///path") == .noHost)
        #expect(WebhookURLRules.check("https://") == .noHost)
        #expect(WebhookURLRules.check("https://exa mple.com/") == .invalidHost)
        #expect(WebhookURLRules.check("https://a..b/") == .invalidHost)
        #expect(WebhookURLRules.check("https://example.com:99999/") == .invalidHost)
        #expect(WebhookURLRules.check("https://256.1.1.1/") == .invalidHost)
    }

    @Test func allowInsecureAcceptsHTTPAndLocalHosts() {
        #expect(WebhookURLRules.check("http://127.0.0.1:8080/hook", allowInsecure: true) == nil)
        #expect(WebhookURLRules.check("https://localhost/", allowInsecure: true) == nil)
        #expect(WebhookURLRules.check("ftp://localhost/", allowInsecure: true) == .schemeNotHTTPS(scheme: "ftp"))
    }

    @Test func lengthLimitIs2083CharactersAfterStripping() {
        let base = "https://example.com/"
        let longest = base + String(repeating: "a", count: 2083 - base.count)
        #expect(WebhookURLRules.check(longest) == nil)
        #expect(WebhookURLRules.check("   " + longest + "  ") == nil)
        #expect(WebhookURLRules.check(longest + "a") == .tooLong(count: 2084))
    }

    @Test func problemsAreWorded() {
        #expect(WebhookURLProblem.tooLong(count: 2084).description.contains("at most 2083"))
        #expect(WebhookURLProblem.schemeNotHTTPS(scheme: "http").description.contains("https://"))
        #expect(
            WebhookURLProblem.localOrPrivate(host: "10.0.0.1").description
                == "webhook URLs cannot point to localhost or private IP addresses ('10.0.0.1' is not public)")
    }

    @Test func classifiesHosts() {
        #expect(WebhookURLRules.isGloballyRoutable(host: "8.8.8.8"))
        #expect(WebhookURLRules.isGloballyRoutable(host: "example.com"))
        #expect(WebhookURLRules.isGloballyRoutable(host: "2606:4700::1111"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "127.1"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "::1"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "[fc00::]"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "192.168.0.1"))
        #expect(WebhookURLRules.isLoopback(host: "127.1"))
        #expect(WebhookURLRules.isLoopback(host: "[::1]"))
        #expect(WebhookURLRules.isLoopback(host: "::ffff:127.0.0.1"))
        #expect(WebhookURLRules.isLoopback(host: "localhost."))
        #expect(!WebhookURLRules.isLoopback(host: "10.0.0.1"))
        #expect(!WebhookURLRules.isLoopback(host: "example.com"))
    }
}
