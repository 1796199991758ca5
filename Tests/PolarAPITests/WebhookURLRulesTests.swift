import Testing

@testable import PolarAPI

@Suite struct WebhookURLRulesTests {
    /// What pydantic 2.13.4, idna 3.18 and Python 3.13's `ipaddress` (the server's versions, with
    /// Polar's validators from `webhook/schemas.py`) answer for each input (CONTRACT.md §2.3).
    static let serverAnswers: [(String, Result<String, WebhookURL.Failure>)] = [
        ("https://example.com/hook", .success("https://example.com/hook")),
        ("https://Example.COM", .success("https://example.com/")),
        ("https://8.8.8.8/x", .success("https://8.8.8.8/x")),
        ("https://1.1.1.1:8443/x", .success("https://1.1.1.1:8443/x")),
        ("https://[2606:4700::1111]/", .success("https://[2606:4700::1111]/")),
        ("https://foo.internal/", .success("https://foo.internal/")),
        ("https://m\u{FC}nchen.example/", .success("https://xn--mnchen-3ya.example/")),
        ("https://user:pw@example.com:8443/x", .success("https://user:pw@example.com:8443/x")),
        ("  https://example.com/hooks\u{A}", .success("https://example.com/hooks")),
        ("\u{9}https://example.com\u{9}", .success("https://example.com/")),
        ("https://172.32.0.1/", .success("https://172.32.0.1/")),
        ("https://100.128.0.1/", .success("https://100.128.0.1/")),
        ("https://11.0.0.1/", .success("https://11.0.0.1/")),
        ("https://localhost/hooks", .failure(.localOrPrivate(host: "localhost"))),
        ("https://LOCALHOST:3000/", .failure(.localOrPrivate(host: "localhost"))),
        ("https://127.0.0.1/", .failure(.localOrPrivate(host: "127.0.0.1"))),
        ("https://127.1/", .failure(.localOrPrivate(host: "127.0.0.1"))),
        ("https://2130706433/", .failure(.localOrPrivate(host: "127.0.0.1"))),
        ("https://0x7f.0.0.1/", .failure(.localOrPrivate(host: "127.0.0.1"))),
        ("https://0x7f.1/", .failure(.localOrPrivate(host: "127.0.0.1"))),
        ("https://0.0.0.0/", .failure(.localOrPrivate(host: "0.0.0.0"))),
        ("https://0/", .failure(.localOrPrivate(host: "0.0.0.0"))),
        ("https://10.1.2.3/", .failure(.localOrPrivate(host: "10.1.2.3"))),
        ("https://172.16.0.1/", .failure(.localOrPrivate(host: "172.16.0.1"))),
        ("https://172.31.255.255/", .failure(.localOrPrivate(host: "172.31.255.255"))),
        ("https://192.168.1.1/", .failure(.localOrPrivate(host: "192.168.1.1"))),
        ("https://169.254.169.254/", .failure(.localOrPrivate(host: "169.254.169.254"))),
        ("https://100.64.0.1/", .failure(.localOrPrivate(host: "100.64.0.1"))),
        ("https://[::1]/", .failure(.localOrPrivate(host: "[::1]"))),
        ("https://[fc00::1]/", .failure(.localOrPrivate(host: "[fc00::1]"))),
        ("https://[fd00::1]/", .failure(.localOrPrivate(host: "[fd00::1]"))),
        ("https://[fe80::1]/", .failure(.localOrPrivate(host: "[fe80::1]"))),
        ("https://[::ffff:127.0.0.1]/", .failure(.localOrPrivate(host: "[::ffff:7f00:1]"))),
        ("https://[::ffff:8.8.8.8]/", .success("https://[::ffff:808:808]/")),
        ("https://[::ffff:10.0.0.1]/", .failure(.localOrPrivate(host: "[::ffff:a00:1]"))),
        ("https://[::127.0.0.1]/", .success("https://[::7f00:1]/")),
        ("https://192.0.0.8/", .failure(.localOrPrivate(host: "192.0.0.8"))),
        ("https://192.0.0.9/", .success("https://192.0.0.9/")),
        ("https://192.0.0.10/", .success("https://192.0.0.10/")),
        ("https://192.0.0.170/", .failure(.localOrPrivate(host: "192.0.0.170"))),
        ("https://224.0.0.1/", .success("https://224.0.0.1/")),
        ("https://[2002::1]/", .failure(.localOrPrivate(host: "[2002::1]"))),
        ("https://[2001:db8::1]/", .failure(.localOrPrivate(host: "[2001:db8::1]"))),
        ("https://[64:ff9b::808:808]/", .success("https://[64:ff9b::808:808]/")),
        ("https://[2001:4:112::1]/", .success("https://[2001:4:112::1]/")),
        ("https://[ff02::1]/", .success("https://[ff02::1]/")),
        ("https://[::]/", .failure(.localOrPrivate(host: "[::]"))),
        ("https://255.255.255.255/", .failure(.localOrPrivate(host: "255.255.255.255"))),
        ("https://4294967295/", .failure(.localOrPrivate(host: "255.255.255.255"))),
        ("https://4294967296/", .failure(.unparsable("invalid IPv4 address"))),
        ("https://256.1.1.1/", .failure(.unparsable("invalid IPv4 address"))),
        ("https://1.2.3.4.5/", .failure(.unparsable("invalid IPv4 address"))),
        ("https://09.1/", .failure(.unparsable("invalid IPv4 address"))),
        ("https://08/", .failure(.unparsable("invalid IPv4 address"))),
        ("https://1.2.3.09/", .failure(.unparsable("invalid IPv4 address"))),
        ("https://1.2.3.4./", .success("https://1.2.3.4/")),
        ("https://1.2.3.4../", .failure(.invalidDomainName)),
        ("https://0x/", .failure(.localOrPrivate(host: "0.0.0.0"))),
        ("https://0xg/", .success("https://0xg/")),
        ("https://1e3.com/", .success("https://1e3.com/")),
        ("https://[::1", .failure(.unparsable("invalid IPv6 address"))),
        ("https://[::1]x/", .failure(.unparsable("invalid IPv6 address"))),
        ("https://[fe80::1%25eth0]/", .failure(.unparsable("invalid IPv6 address"))),
        ("https://[::ffff:1.2.3.04]/", .failure(.unparsable("invalid IPv6 address"))),
        ("https://[1:2:3:4:5:6:7::]/", .success("https://[1:2:3:4:5:6:7:0]/")),
        ("https://[0:0:1:0:0:1:0:0]/", .success("https://[::1:0:0:1:0:0]/")),
        ("https://[1:0:0:2:0:0:0:3]/", .success("https://[1:0:0:2::3]/")),
        ("https://[::FFFF:8.8.8.8]:8443/X?Y#Z", .success("https://[::ffff:808:808]:8443/X?Y#Z")),
        ("", .failure(.empty)),
        ("   ", .failure(.empty)),
        ("example.com/hooks", .failure(.notAbsolute)),
        ("http://example.com/", .failure(.scheme("http"))),
        ("ftp://example.com/", .failure(.scheme("ftp"))),
        ("mailto:x@y.z", .failure(.scheme("mailto"))),
        ("foo://bar", .failure(.scheme("foo"))),
        ("HTTPS://Example.com", .success("https://example.com/")),
        ("https:example.com", .success("https://example.com/")),
        ("https:/example.com", .success("https://example.com/")),
        ("https:\\\\example.com\\x", .success("https://example.com/x")),
        ("https://", .failure(.unparsable("empty host"))),
        ("https:///path", .success("https://path/")),
        ("https://exa mple.com/", .failure(.unparsable("invalid international domain name"))),
        ("https://a..b/", .failure(.invalidDomainName)),
        ("https://example.com:99999/", .failure(.unparsable("invalid port number"))),
        ("https://example.com:65536/", .failure(.unparsable("invalid port number"))),
        ("https://example.com:65535/", .success("https://example.com:65535/")),
        ("https://example.com:0/", .success("https://example.com:0/")),
        ("https://example.com:443/x", .success("https://example.com/x")),
        ("https://example.com:0443/x", .success("https://example.com/x")),
        ("https://example.com:80/x", .success("https://example.com:80/x")),
        ("https://example.com:/x", .success("https://example.com/x")),
        ("https://a:b:c/", .failure(.unparsable("invalid port number"))),
        ("https://ab--cd.example.com", .failure(.invalidDomainName)),
        ("https://-a.com", .failure(.invalidDomainName)),
        ("https://a-.com", .failure(.invalidDomainName)),
        ("https://a_b.com", .failure(.invalidDomainName)),
        ("https://a..b.com", .failure(.invalidDomainName)),
        ("https://\u{1F4A9}.la", .failure(.invalidDomainName)),
        ("https://xn--ls8h.la", .failure(.invalidDomainName)),
        ("https://api.xn--ls8h.example/hook", .failure(.invalidDomainName)),
        ("https://xn--a.com", .failure(.unparsable("invalid international domain name"))),
        ("https://xn--ab-.com", .failure(.unparsable("invalid international domain name"))),
        ("https://xn--.com", .failure(.unparsable("invalid international domain name"))),
        ("https://xn--4ca.com", .success("https://xn--4ca.com/")),
        ("https://XN--4CA.com", .success("https://xn--4ca.com/")),
        ("https://localhost./", .success("https://localhost./")),
        ("https://Localhost./x", .success("https://localhost./x")),
        ("https://M\u{DC}NCHEN.Example/A", .success("https://xn--mnchen-3ya.example/A")),
        ("https://fa\u{DF}.de", .success("https://xn--fa-hia.de/")),
        ("https://\u{E4}.example\u{3002}com/", .success("https://xn--4ca.example.com/")),
        ("https://\u{FF21}\u{FF22}\u{FF23}.com/", .success("https://abc.com/")),
        ("https://a*b.com/", .failure(.invalidDomainName)),
        ("https://a!b.com/", .failure(.invalidDomainName)),
        ("https://a<b.com", .failure(.unparsable("invalid international domain name"))),
        ("https://a%00b.com", .failure(.unparsable("invalid international domain name"))),
        ("https://ex%41mple.com/", .success("https://example.com/")),
        ("https://ex%2Fmple.com/", .failure(.unparsable("invalid international domain name"))),
        ("https://exa%20mple.com", .failure(.unparsable("invalid international domain name"))),
        ("https://%65xample.com", .success("https://example.com/")),
        ("https://a\\b.com", .success("https://a/b.com")),
        ("https://a.b-.c", .failure(.invalidDomainName)),
        ("https://a.xn--ls8h", .failure(.invalidDomainName)),
        (
            "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/",
            .success("https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/")
        ),
        ("https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/", .failure(.invalidDomainName)),
        (
            "https://abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.abcdefghi.com/",
            .failure(.invalidDomainName)
        ),
        ("https://\u{E7}.com/", .success("https://xn--7ca.com/")),
        ("https://\u{C4}.com", .success("https://xn--4ca.com/")),
        ("https://\u{65E5}\u{672C}.jp/", .success("https://xn--wgv71a.jp/")),
        ("https://xn--wgv71a.jp/", .success("https://xn--wgv71a.jp/")),
        ("https://e.com/a/../b/./c/%2e%2E/d", .success("https://e.com/b/d")),
        ("https://e.com/?a'b\"c<d>e`f{g}h|i^j", .success("https://e.com/?a%27b%22c%3Cd%3Ee`f{g}h|i^j")),
        ("https://e.com/#a'b\"c<d>e`f{g}h|i^j%zz", .success("https://e.com/#a'b%22c%3Cd%3Ee%60f{g}h|i^j%zz")),
        ("https://e.com/a'b\"c<d>e`f{g}h|i^j[k]%zz", .success("https://e.com/a'b%22c%3Cd%3Ee%60f%7Bg%7Dh|i^j[k]%zz")),
        ("https://us er:pa:ss@e.com/", .success("https://us%20er:pa%3Ass@e.com/")),
        ("https://:pw@e.com/", .success("https://:pw@e.com/")),
        ("https://user@e.com/", .success("https://user@e.com/")),
        ("https://@e.com/", .success("https://e.com/")),
        ("https://a@b@e.com/", .success("https://a%40b@e.com/")),
        ("https://user!$&'()*+,;=:x@e.com", .success("https://user!$&'()*+,%3B%3D:x@e.com/")),
        ("https://e.com/..%2F", .success("https://e.com/..%2F")),
        ("https://e.com/a/..", .success("https://e.com/")),
        ("https://e.com/.", .success("https://e.com/")),
        ("https://e.com?x", .success("https://e.com/?x")),
        ("https://e.com#x", .success("https://e.com/#x")),
        ("https://e.com/\u{E4}", .success("https://e.com/%C3%A4")),
        ("https://e.com/?\u{E4}#\u{E4}", .success("https://e.com/?%C3%A4#%C3%A4")),
        ("https://e.com/a\u{0}b", .success("https://e.com/a%00b")),
        ("https://e.com/a b", .success("https://e.com/a%20b")),
        ("https://e.com/\u{1}x", .success("https://e.com/%01x")),
        ("\u{1}https://e.com/\u{2}", .success("https://e.com/")),
        ("https://e.com/\u{9}/x", .success("https://e.com//x")),
        ("https://ex\u{A}ample.com/", .success("https://example.com/")),
        ("https://a\u{AD}b.com/", .success("https://ab.com/")),
        ("http://localhost:8080/", .failure(.scheme("http"))),
        ("https://user@/x", .failure(.unparsable("empty host"))),
        ("https://:80/", .failure(.unparsable("empty host"))),
        ("\u{3000}https://example.com/\u{A0}", .success("https://example.com/")),
        ("https://ab\u{200D}c.com/", .failure(.unparsable("invalid international domain name"))),
        ("https://a\u{B7}l.com/", .failure(.invalidDomainName)),
        ("https://l\u{B7}l.com/", .success("https://xn--ll-0ea.com/")),
        ("https://\u{3B1}\u{3B2}\u{3B3}.gr/", .success("https://xn--mxacd.gr/")),
        ("https://\u{3B5}\u{375}\u{3B1}.gr/", .success("https://xn--wva4jk.gr/")),
        ("https://\u{9E7}\u{9E8}\u{9E9}.bd/", .success("https://xn--17bcd.bd/")),
        ("https://\u{660}\u{661}\u{662}.eg/", .failure(.unparsable("invalid international domain name"))),
        ("https://\u{660}\u{6F1}.eg/", .failure(.unparsable("invalid international domain name"))),
    ]

    @Test func parsesAsTheServerDoes() {
        for (input, expected) in Self.serverAnswers {
            let answer = WebhookURL.parse(input).map(\.normalized)
            #expect(answer == expected, "\(input.debugDescription)")
        }
    }

    @Test func lengthIsCountedInUTF8BytesOfTheStrippedText() {
        let base = "https://example.com/"
        let longest = base + String(repeating: "a", count: 2083 - base.utf8.count)
        #expect(WebhookURL.parse(longest).map(\.normalized) == .success(longest))
        #expect(WebhookURL.parse("  " + longest + "\n").map(\.normalized) == .success(longest))
        #expect(WebhookURL.parse(longest + "a").map(\.normalized) == .failure(.tooLong(bytes: 2084)))
        // 20 + 2 × 1031 = 2082 bytes; stored percent-encoded, longer than 2083.
        let accented = base + String(repeating: "é", count: 1031)
        let stored = base + String(repeating: "%C3%A9", count: 1031)
        #expect(WebhookURL.parse(accented).map(\.normalized) == .success(stored))
        #expect(WebhookURL.parse(accented + "é").map(\.normalized) == .failure(.tooLong(bytes: 2084)))
        #expect(WebhookURLRules.check(accented + "é") == .tooLong(count: 2084))
    }

    @Test func labelAndNameLengths() {
        let label63 = String(repeating: "a", count: 63)
        #expect(WebhookURL.parse("https://\(label63).com/").map(\.normalized) == .success("https://\(label63).com/"))
        #expect(WebhookURL.parse("https://\(label63)a.com/").map(\.normalized) == .failure(.invalidDomainName))
        let name253 = Array(repeating: "abcdefghi", count: 25).joined(separator: ".") + ".com"
        #expect(name253.utf8.count == 253)
        #expect(WebhookURL.parse("https://\(name253)/").map(\.normalized) == .success("https://\(name253)/"))
        #expect(WebhookURL.parse("https://\(name253).").map(\.normalized) == .success("https://\(name253)./"))
        #expect(WebhookURL.parse("https://a\(name253)/").map(\.normalized) == .failure(.invalidDomainName))
    }

    @Test func allowInsecureAcceptsHTTPAndLocalHosts() {
        #expect(
            WebhookURL.parse("http://127.0.0.1:8080/hook", allowInsecure: true).map(\.normalized)
                == .success("http://127.0.0.1:8080/hook"))
        #expect(
            WebhookURL.parse("http://localhost:80/", allowInsecure: true).map(\.normalized)
                == .success("http://localhost/"))
        #expect(WebhookURL.parse("http://a_b/", allowInsecure: true).map(\.normalized) == .failure(.invalidDomainName))
        #expect(WebhookURLRules.check("https://localhost/", allowInsecure: true) == nil)
        #expect(WebhookURLRules.check("ftp://localhost/", allowInsecure: true) == .schemeNotHTTPS(scheme: "ftp"))
    }

    @Test func partsOfTheParsedURL() throws {
        let url = try WebhookURL.parse(" https://München.Example:8443/a?b#c ").get()
        #expect(url.scheme == "https" && url.host == "xn--mnchen-3ya.example" && url.port == 8443)
        #expect(url.normalized == "https://xn--mnchen-3ya.example:8443/a?b#c")
        #expect(try WebhookURL.parse("https://example.com:443").get().port == nil)
    }

    @Test func clientChecksGroupTheServersRefusals() {
        #expect(WebhookURLRules.check("https://example.com/hook") == nil)
        #expect(WebhookURLRules.check("") == .empty)
        #expect(WebhookURLRules.check("  \n ") == .empty)
        #expect(WebhookURLRules.check("example.com/hooks") == .notAbsolute)
        #expect(WebhookURLRules.check("http://example.com/") == .schemeNotHTTPS(scheme: "http"))
        #expect(WebhookURLRules.check("https://") == .noHost)
        #expect(WebhookURLRules.check("https://user@:8443/") == .noHost)
        // Any run of slashes introduces the host, so this is the host "path".
        #expect(WebhookURLRules.check("https:///path") == nil)
        #expect(WebhookURLRules.check("https://exa mple.com/") == .invalidHost)
        #expect(WebhookURLRules.check("https://a..b/") == .invalidHost)
        #expect(WebhookURLRules.check("https://a_b.example/") == .invalidHost)
        #expect(WebhookURLRules.check("https://example.com:99999/") == .invalidHost)
        #expect(WebhookURLRules.check("https://256.1.1.1/") == .invalidHost)
        #expect(WebhookURLRules.check("https://127.1/") == .localOrPrivate(host: "127.0.0.1"))
        #expect(WebhookURLRules.check("https://[::ffff:127.0.0.1]/") == .localOrPrivate(host: "[::ffff:7f00:1]"))
        #expect(WebhookURLRules.check("https://localhost./") == nil)
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
        #expect(WebhookURLRules.isGloballyRoutable(host: "::ffff:8.8.8.8"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "127.1"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "::1"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "[fc00::]"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "192.168.0.1"))
        #expect(!WebhookURLRules.isGloballyRoutable(host: "[3fff::1]"))
        #expect(WebhookURLRules.isLoopback(host: "127.1"))
        #expect(WebhookURLRules.isLoopback(host: "[::1]"))
        #expect(WebhookURLRules.isLoopback(host: "::ffff:127.0.0.1"))
        #expect(WebhookURLRules.isLoopback(host: "localhost."))
        #expect(!WebhookURLRules.isLoopback(host: "10.0.0.1"))
        #expect(!WebhookURLRules.isLoopback(host: "example.com"))
    }

    @Test func punycodeRoundTrips() {
        for label in ["münchen", "日本", "faß", "ελληνικά", "💩"] {
            let encoded = Punycode.encodeLabel(label)
            let decoded = encoded.flatMap { Punycode.decode(String($0.dropFirst(4))) }
            #expect(decoded.map { String(String.UnicodeScalarView($0)) } == label)
        }
        #expect(Punycode.decode("mnchen-3ya").map { String(String.UnicodeScalarView($0)) } == "münchen")
        // Valid Punycode for U+0080 (which the URL parser then refuses as a control character).
        #expect(Punycode.decode("a") == ["\u{80}"])
        #expect(Punycode.decode("ab!") == nil)
        #expect(Punycode.decode("zzzzzzzzzzzzzzzzzzzzz") == nil)
    }
}
