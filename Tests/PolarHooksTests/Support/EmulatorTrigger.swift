import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Makes the emulator at `baseURL` emit `count` events of `type` through its admin route, one
/// request each, as Polar would for real orders or refunds.
func triggerEvents(_ type: String = "order.paid", count: Int = 1, emulatorAt baseURL: String) async throws {
    let url = try #require(URL(string: baseURL + "/_emulator/trigger"))
    for _ in 0..<count {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"type":"\#(type)"}"#.utf8)
        let (_, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
    }
}
