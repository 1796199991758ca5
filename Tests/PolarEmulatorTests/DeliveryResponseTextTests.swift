import Testing

@testable import PolarEmulator

/// The texts are httpx 0.28.1's, checked with the server's httpx against local receivers.
@Suite struct DeliveryResponseTextTests {
    @Test func bodiesAreCutToCodePointsWithoutNUL() {
        #expect(DeliveryResponseText.body([], contentType: nil) == nil)
        #expect(DeliveryResponseText.body([0, 0], contentType: nil) == "")
        #expect(DeliveryResponseText.body(Array("\u{0}o\u{0}k".utf8), contentType: "text/plain") == "ok")
        // "e" + combining acute is two code points: Python slices between them.
        let accents = String(repeating: "e\u{301}", count: 1500)
        let cut = DeliveryResponseText.body(Array(accents.utf8), contentType: nil)
        #expect(cut?.unicodeScalars.count == 2048)
        #expect(DeliveryResponseText.body([0xFF, 0x41], contentType: nil) == "\u{FFFD}A")
        #expect(DeliveryResponseText.body([0xE9], contentType: "text/plain; charset=ISO-8859-1") == "é")
    }

    @Test func statusErrorsReadLikeHttpx() {
        let url = "https://hooks.example/polar"
        #expect(
            DeliveryResponseText.statusError(code: 500, url: url, location: nil)
                == "Server error '500 Internal Server Error' for url 'https://hooks.example/polar'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/500"
        )
        #expect(
            DeliveryResponseText.statusError(code: 404, url: url, location: "/ignored")
                == "Client error '404 Not Found' for url 'https://hooks.example/polar'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/404"
        )
        #expect(
            DeliveryResponseText.statusError(code: 307, url: url, location: "https://elsewhere.example/")
                == "Redirect response '307 Temporary Redirect' for url 'https://hooks.example/polar'\nRedirect location: 'https://elsewhere.example/'\nFor more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/307"
        )
        #expect(
            DeliveryResponseText.statusError(code: 300, url: url, location: "https://elsewhere.example/")
                .hasPrefix("Redirect response '300 Multiple Choices' for url 'https://hooks.example/polar'\nFor more")
        )
        #expect(
            DeliveryResponseText.statusError(code: 599, url: url, location: nil).hasPrefix(
                "Server error '599 ' for url"))
        #expect(
            DeliveryResponseText.statusError(code: 600, url: url, location: nil).hasPrefix("Invalid status code '600 '")
        )
    }

    @Test func incompleteBodies() {
        #expect(
            DeliveryResponseText.NetworkFailure.incompleteBody(received: 3, expected: 10)
                == "peer closed connection without sending complete message body (received 3 bytes, expected 10)")
    }
}
