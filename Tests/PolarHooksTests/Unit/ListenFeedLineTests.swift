import Foundation
import PolarJSON
import StandardWebhooks
import TerminalText
import Testing
import WebhookListener

@testable import polar_hooks

@Suite struct ListenFeedLineTests {
    static func webhook(
        type: String? = "order.paid", verification: ReceivedWebhook.Verification = .verified(.standard),
        recurrence: ReceivedWebhook.Recurrence = .first, forwarding: ReceivedWebhook.Forwarding = .notForwarded,
        status: Int = 200, path: String = "/hooks", body: String = #"{"type":"order.paid"}"#
    ) -> ReceivedWebhook {
        ReceivedWebhook(
            sequence: 3, receivedAt: Date(timeIntervalSince1970: 1_795_000_000), path: path,
            webhookID: "evt_1", timestamp: "1795000000", signature: "v1,abc", apiVersion: "2026-10", eventType: type,
            body: Array(body.utf8), verification: verification, recurrence: recurrence, forwarding: forwarding,
            answeredStatus: status)
    }

    @Test func aLineSaysWhatArrivedWhetherItVerifiedAndWhatBecameOfIt() {
        let line = ListenFeedLine.text(
            Self.webhook(forwarding: .answered(status: 204, milliseconds: 12)), color: false)
        #expect(line.hasPrefix("11:06:40  order.paid"))
        #expect(line.contains("✓ verified (Standard Webhooks key)"))
        #expect(line.contains("→ 204 in 12 ms"))
        #expect(line.hasSuffix("evt_1"))
    }

    @Test func refusalsAndUnreachableTargetsAreWordedAndColouredOnlyWhenAsked() {
        let refused = ListenFeedLine.text(
            Self.webhook(verification: .failed(.noMatchingSignature), status: 401), color: false)
        #expect(refused.contains("✗ No signature in the webhook-signature header matches"))
        #expect(refused.contains("answered 401"))
        let unreachable = ListenFeedLine.text(
            Self.webhook(forwarding: .unreachable(reason: "connection refused"), status: 502), color: true)
        #expect(unreachable.contains("\u{1B}[31m→ not forwarded: connection refused\u{1B}[0m, answered 502"))
    }

    @Test func textFromTheNetworkCannotDriveTheTerminal() {
        let line = ListenFeedLine.text(Self.webhook(type: "order.paid\u{1B}]52;c;evil\u{07}"), color: false)
        #expect(!line.contains("\u{1B}"))
        #expect(!line.contains("\u{07}"))
    }

    @Test func aHostileHeaderQuotedInTheReasonIsCleanedToo() {
        let line = ListenFeedLine.text(
            Self.webhook(verification: .failed(.malformedTimestamp("1\u{9B}31m\u{202E}x")), status: 401), color: false)
        #expect(line.contains("is not a whole number of Unix seconds"))
        #expect(!line.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x202E })
    }

    @Test func jsonHasEveryKeyNullWhenAbsent() throws {
        let json = ListenFeedLine.json(Self.webhook(verification: .notChecked))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(!json.contains("\n"))
        #expect(
            Set(object.keys) == [
                "sequence", "received_at", "path", "webhook_id", "timestamp", "webhook_signature", "api_version",
                "type", "verified", "signing", "verification_error", "duplicate", "redelivery", "forwarded_status",
                "forward_error", "answered_status", "body",
            ])
        #expect(object["duplicate"] as? Bool == false)
        #expect(object["redelivery"] as? Bool == false)
        #expect(object["verified"] is NSNull)
        #expect(object["sequence"] as? Int == 3)
        #expect(object["body"] as? String == #"{"type":"order.paid"}"#)
        #expect(object["received_at"] as? String == "2026-11-18T11:06:40Z")
    }

    @Test func jsonKeysComeInAFixedOrderAndTheSameBytesEveryTime() throws {
        let webhook = Self.webhook(forwarding: .answered(status: 204, milliseconds: 12))
        let json = ListenFeedLine.json(webhook)
        guard case .object(let pairs) = try JSONParser.parse(Array(json.utf8)) else {
            Issue.record("not an object: \(json)")
            return
        }
        #expect(
            pairs.map(\.0) == [
                "sequence", "received_at", "path", "webhook_id", "timestamp", "webhook_signature", "api_version",
                "type", "verified", "signing", "verification_error", "duplicate", "redelivery", "forwarded_status",
                "forward_error",
                "answered_status", "body",
            ])
        for _ in 0..<20 { #expect(ListenFeedLine.json(webhook) == json) }
    }

    @Test func aDuplicateSaysSoAndThatItWasNotForwardedAgain() throws {
        let line = ListenFeedLine.text(
            Self.webhook(recurrence: .duplicate, forwarding: .skippedDuplicate), color: false)
        #expect(line.contains("✓ verified"))
        #expect(line.contains("not forwarded again, answered 200  ⧉ duplicate (same id and timestamp)"))
        #expect(line.hasSuffix("evt_1"))
        let json = ListenFeedLine.json(Self.webhook(recurrence: .duplicate, forwarding: .skippedDuplicate))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["duplicate"] as? Bool == true)
        #expect(object["redelivery"] as? Bool == false)
        #expect(object["forwarded_status"] is NSNull)
    }

    @Test func aRedeliveryIsMarkedBesideWhatBecameOfIt() throws {
        let line = ListenFeedLine.text(
            Self.webhook(recurrence: .redelivery, forwarding: .answered(status: 200, milliseconds: 3)), color: false)
        #expect(line.contains("→ 200 in 3 ms  ↻ redelivery  evt_1"))
        let json = ListenFeedLine.json(Self.webhook(recurrence: .redelivery))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["redelivery"] as? Bool == true)
        #expect(object["duplicate"] as? Bool == false)
    }

    @Test func jsonCarriesHostileTextExactlyButNoControlCharacterReachesTheTerminal() throws {
        let hostile = "x\u{1B}]0;owned\u{07}\u{9B}2J\u{7F}\u{202E}evil\u{2066}"
        // What the console prints for the line.
        let json = Sanitizer.terminalSafeJSON(
            ListenFeedLine.json(Self.webhook(type: hostile, path: "/h\u{9B}31m", body: #"{"type":"\#(hostile)"}"#)))
        // C0, DEL, C1 and the bidi controls: none may reach a terminal raw.
        #expect(
            !json.unicodeScalars.contains {
                $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            })
        #expect(json.lowercased().contains(#"\u009b"#))
        #expect(json.lowercased().contains(#"\u202e"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["type"] as? String == hostile)
        #expect(object["path"] as? String == "/h\u{9B}31m")
        #expect(object["body"] as? String == #"{"type":"\#(hostile)"}"#)
    }

    @Test func theClockIsTheTimeOfDayOfTheTablesTimestamps() {
        for seconds in [0, 59.999, 1_795_000_000, 1_795_003_599.5, 1_795_046_399, -1.5] as [Double] {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ListenFeedLine.clock(date) == String(TimeText.short(date).suffix(8)), "\(seconds)")
        }
        #expect(ListenFeedLine.clock(Date(timeIntervalSince1970: 1_795_000_000)) == "11:06:40")
    }

    @Test func aSavedDuplicateWouldOnlyFillTheDisk() {
        #expect(ListenCommand.keeps(Self.webhook()))
        #expect(ListenCommand.keeps(Self.webhook(recurrence: .redelivery)))
        #expect(!ListenCommand.keeps(Self.webhook(recurrence: .duplicate, forwarding: .skippedDuplicate)))
        #expect(!ListenCommand.keeps(Self.webhook(verification: .failed(.noMatchingSignature), status: 401)))
    }

    @Test func bodySizesReadAsBytesOrWithKOrM() {
        #expect(ListenLimitOptions.bytes("1048576") == 1_048_576)
        #expect(ListenLimitOptions.bytes("512K") == 524_288)
        #expect(ListenLimitOptions.bytes("1m") == 1_048_576)
        #expect(ListenLimitOptions.bytes("2MiB") == 2_097_152)
        #expect(ListenLimitOptions.bytes("1024M") == 1 << 30)
        #expect(ListenLimitOptions.bytes("1025M") == nil)
        #expect(ListenLimitOptions.bytes("12Q") == nil)
        #expect(ListenLimitOptions.bytes("-1") == nil)
        #expect(ListenLimitOptions.bytes("") == nil)
    }
}
