import Testing

@testable import Dashboard

@Suite struct URLCheckTests {
    @Test(arguments: [
        "https://example.com/hook", "https://hooks.slack.com/services/T/B/X", "https://8.8.8.8/x",
        "https://user:pw@example.com:8443/x", "https://foo.internal/", "  https://example.com  ",
    ])
    func accepted(_ url: String) {
        #expect(URLCheck.problem(with: url) == nil)
    }

    @Test(arguments: [
        ("", "Required: where Polar posts events"),
        ("example.com", "Must start with https://"),
        ("http://example.com", "Use https://, not http://"),
        ("https://:8443/path", "Needs a host after https://"),
        ("https://localhost:3000/x", "No localhost or private IPs"),
        ("https://127.0.0.1/x", "No localhost or private IPs"),
        ("https://192.168.1.10/x", "No localhost or private IPs"),
        ("https://172.20.0.1/x", "No localhost or private IPs"),
        ("https://10.0.0.1/hook", "No localhost or private IPs"),
        ("https://[::1]/x", "No localhost or private IPs"),
        ("https://[fd00::1]/x", "No localhost or private IPs"),
        ("https://exa mple.com/", "Host has invalid characters"),
    ])
    func rejected(_ url: String, _ message: String) {
        #expect(URLCheck.problem(with: url) == message)
    }

    @Test func lengthLimit() {
        let base = "https://example.com/"
        #expect(URLCheck.problem(with: base + String(repeating: "a", count: 2083 - base.count)) == nil)
        #expect(URLCheck.problem(with: base + String(repeating: "a", count: 2084 - base.count)) != nil)
    }
}
