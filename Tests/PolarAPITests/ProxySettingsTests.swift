import Testing

@testable import PolarAPI

/// HTTPS_PROXY / HTTP_PROXY / NO_PROXY parsing and the choice of proxy per base URL.
@Suite struct ProxySettingsTests {
    @Test func httpsBaseURLUsesHTTPSProxy() {
        let settings = ProxySettings(environment: [
            "HTTPS_PROXY": "http://proxy.corp:3128", "HTTP_PROXY": "http://plain.corp:8080",
        ])
        #expect(settings.proxy(forBaseURL: "https://api.polar.sh") == ProxyAddress(host: "proxy.corp", port: 3128))
        #expect(settings.proxy(forBaseURL: "http://polar.test:8787") == ProxyAddress(host: "plain.corp", port: 8080))
    }

    @Test func noFallbackBetweenSchemes() {
        let settings = ProxySettings(environment: ["HTTP_PROXY": "plain.corp:8080"])
        #expect(settings.proxy(forBaseURL: "https://api.polar.sh") == nil)
    }

    @Test func lowerCaseVariablesWorkAndUpperCaseWins() {
        #expect(
            ProxySettings(environment: ["https_proxy": "low:1"]).httpsProxy == ProxyAddress(host: "low", port: 1))
        #expect(
            ProxySettings(environment: ["https_proxy": "low:1", "HTTPS_PROXY": "up:2"]).httpsProxy
                == ProxyAddress(host: "up", port: 2))
        #expect(ProxySettings(environment: ["HTTPS_PROXY": "  "]).httpsProxy == nil)
    }

    @Test func addressForms() {
        #expect(ProxyAddress.parse("proxy:3128") == .success(ProxyAddress(host: "proxy", port: 3128)))
        #expect(ProxyAddress.parse("http://proxy") == .success(ProxyAddress(host: "proxy", port: 80)))
        #expect(ProxyAddress.parse("http://proxy:3128/") == .success(ProxyAddress(host: "proxy", port: 3128)))
        #expect(
            ProxyAddress.parse("http://me:p%40ss@proxy:3128")
                == .success(ProxyAddress(host: "proxy", port: 3128, username: "me", password: "p@ss")))
        #expect(ProxyAddress.parse("http://[::1]:3128") == .success(ProxyAddress(host: "::1", port: 3128)))
        #expect(
            ProxyAddress.parse("socks5://sock:9050") == .success(ProxyAddress(kind: .socks5, host: "sock", port: 9050)))
        #expect(ProxyAddress.parse("socks5://sock") == .success(ProxyAddress(kind: .socks5, host: "sock", port: 1080)))
    }

    @Test func unusableSettingsAreReportedWithoutCredentials() {
        let settings = ProxySettings(environment: [
            "HTTPS_PROXY": "ftp://user:hunter2@proxy:21", "HTTP_PROXY": "proxy:notaport",
        ])
        #expect(settings.httpsProxy == nil)
        #expect(settings.httpProxy == nil)
        #expect(settings.problems.count == 2)
        #expect(settings.problems.allSatisfy { !$0.contains("hunter2") })
        #expect(settings.problems.contains { $0.hasPrefix("HTTPS_PROXY ignored: unsupported proxy scheme \"ftp\"") })
    }

    @Test func descriptionHidesCredentials() {
        let address = ProxyAddress(host: "proxy", port: 3128, username: "me", password: "hunter2")
        #expect(address.description == "http://proxy:3128")
    }

    @Test func noProxySuffixesAndPorts() {
        let settings = ProxySettings(environment: [
            "HTTPS_PROXY": "proxy:3128", "NO_PROXY": "internal.corp, .example.com,*.polar.test,api.other:8443,10.1.2.3",
        ])
        #expect(settings.noProxy == ["internal.corp", ".example.com", "*.polar.test", "api.other:8443", "10.1.2.3"])
        #expect(settings.bypasses(host: "internal.corp", port: 443))
        #expect(settings.bypasses(host: "a.b.internal.corp", port: 443))
        #expect(!settings.bypasses(host: "notinternal.corp", port: 443))
        #expect(settings.bypasses(host: "example.com", port: 443))
        #expect(settings.bypasses(host: "api.EXAMPLE.com", port: 443))
        #expect(settings.bypasses(host: "x.polar.test", port: 443))
        #expect(settings.bypasses(host: "api.other", port: 8443))
        #expect(!settings.bypasses(host: "api.other", port: 443))
        #expect(settings.bypasses(host: "10.1.2.3", port: 443))
        #expect(settings.proxy(forBaseURL: "https://hooks.internal.corp/x") == nil)
        #expect(settings.proxy(forBaseURL: "https://api.polar.sh") == ProxyAddress(host: "proxy", port: 3128))
    }

    @Test func noProxyStarDisablesTheProxy() {
        let settings = ProxySettings(environment: ["HTTPS_PROXY": "proxy:3128", "no_proxy": "*"])
        #expect(settings.proxy(forBaseURL: "https://api.polar.sh") == nil)
    }

    @Test func loopbackIsAlwaysDirect() {
        let settings = ProxySettings(environment: ["HTTP_PROXY": "proxy:3128"])
        #expect(settings.proxy(forBaseURL: "http://127.0.0.1:8787") == nil)
        #expect(settings.proxy(forBaseURL: "http://localhost:8787") == nil)
        #expect(settings.proxy(forBaseURL: "http://[::1]:8787") == nil)
        #expect(settings.proxy(forBaseURL: "http://polar.test:8787") == ProxyAddress(host: "proxy", port: 3128))
    }

    @Test func clientPicksTheProxyFromItsEnvironment() async {
        let client = PolarClient(
            configuration: PolarClientConfiguration(environment: .production, token: "t"),
            environmentVariables: ["HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "sandbox-api.polar.sh"])
        let sandbox = PolarClient(
            configuration: PolarClientConfiguration(environment: .sandbox, token: "t"),
            environmentVariables: ["HTTPS_PROXY": "http://proxy.corp:3128", "NO_PROXY": "sandbox-api.polar.sh"])
        #expect(client.proxy == ProxyAddress(host: "proxy.corp", port: 3128))
        #expect(sandbox.proxy == nil)
        await client.shutdown()
        await sandbox.shutdown()
    }

    @Test func unreachableProxyIsNamedInTheError() async {
        // Port 9 (discard) on loopback is closed on a test machine; the API host is never reached.
        let client = makeClient(
            baseURL: "http://polar.test", retryPolicy: .none, environment: ["HTTP_PROXY": "127.0.0.1:9"])
        let error = await polarError { () async throws(PolarError) in try await client.endpoint(id: "x") }
        await client.shutdown()
        #expect(error == .network("connection refused by the proxy http://127.0.0.1:9 (for polar.test:80)"))
    }
}
