import Foundation
import Testing
import WebhookListener

@testable import polar_hooks

@Suite struct CapturedRequestTests {
    @Test func aSavedWebhookReadsBackWithItsExactBody() throws {
        let body = Array("{\"a\":\"x\\r\\n\\r\\ny\"}\r\n\r\n".utf8)
        let webhook = ReceivedWebhook(
            sequence: 7, receivedAt: Date(timeIntervalSince1970: 1_795_000_000), path: "/hooks", webhookID: "evt_1",
            timestamp: "1", signature: "v1,x",
            apiVersion: nil, eventType: "order.paid", body: body, verification: .notChecked,
            forwarding: .notForwarded, answeredStatus: 200,
            headers: [
                .init(name: "Content-Type", value: "application/json"), .init(name: "webhook-id", value: "evt_1"),
            ])
        let bytes = CapturedRequest.bytes(of: webhook)
        #expect(String(decoding: bytes.prefix(24), as: UTF8.self) == "POST /hooks HTTP/1.1\r\nCo")
        let parsed = try CapturedRequest.parse(bytes)
        #expect(parsed.body == body)
        #expect(
            parsed.headers == [
                "content-type": "application/json", "webhook-id": "evt_1", "content-length": "\(body.count)",
            ])
        #expect(WebhookArchive.fileName(for: webhook) == "20261118T110640Z-0007-order.paid.http")
        #expect(WebhookArchive.fileName(for: webhook, suffix: 2) == "20261118T110640Z-0007-order.paid-2.http")
    }

    @Test func framingIsWrittenForTheWholeBodyAndOddSeparatorsStayInTheirValue() throws {
        let webhook = ReceivedWebhook(
            sequence: 1, receivedAt: Date(), path: "/", webhookID: nil, timestamp: nil, signature: nil,
            apiVersion: nil, eventType: nil, body: Array("abc".utf8), verification: .notChecked,
            forwarding: .notForwarded, answeredStatus: 200,
            headers: [
                .init(name: "Transfer-Encoding", value: "chunked"),
                .init(name: "x-note", value: "one\u{2028}webhook-id: forged"),
                .init(name: "webhook-id", value: "evt_real"),
            ])
        let bytes = CapturedRequest.bytes(of: webhook)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("Transfer-Encoding"))
        #expect(text.contains("Content-Length: 3\r\n\r\nabc"))
        let parsed = try CapturedRequest.parse(bytes)
        #expect(parsed.headers["webhook-id"] == "evt_real")
        #expect(parsed.headers["x-note"] == "one\u{2028}webhook-id: forged")
        #expect(parsed.body == Array("abc".utf8))
    }

    @Test func anOpenFolderIsPointedOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        #expect(try WebhookArchive(path: folder.path).exposure?.contains("chmod 700") == true)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        #expect(try WebhookArchive(path: folder.path).exposure == nil)
    }

    @Test func aHandWrittenFileWithPlainNewlinesWorks() throws {
        let parsed = try CapturedRequest.parse(Array("webhook-id: a\nwebhook-timestamp: 1\n\n{}".utf8))
        #expect(parsed.headers["webhook-timestamp"] == "1")
        #expect(parsed.body == Array("{}".utf8))
    }

    @Test func withoutABlankLineItIsRefusedInWords() {
        #expect(throws: CLIError.self) { try CapturedRequest.parse(Array("webhook-id: a\n{}".utf8)) }
    }

    @Test func aSecondRunNeverOverwritesTheFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try WebhookArchive(path: folder.path)
        let first = ReceivedWebhook(
            sequence: 1, receivedAt: Date(timeIntervalSince1970: 1_795_000_000), path: "/", webhookID: nil,
            timestamp: nil, signature: nil, apiVersion: nil, eventType: "order.paid", body: Array("one".utf8),
            verification: .notChecked, forwarding: .notForwarded, answeredStatus: 200)
        let again = ReceivedWebhook(
            sequence: 1, receivedAt: Date(timeIntervalSince1970: 1_795_000_000), path: "/", webhookID: nil,
            timestamp: nil, signature: nil, apiVersion: nil, eventType: "order.paid", body: Array("two".utf8),
            verification: .notChecked, forwarding: .notForwarded, answeredStatus: 200)
        let firstPath = try archive.save(first).get()
        let secondPath = try archive.save(again).get()
        #expect(firstPath != secondPath)
        #expect(try Data(contentsOf: URL(fileURLWithPath: firstPath)).suffix(3) == Data("one".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: secondPath)).suffix(3) == Data("two".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: secondPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aHostileTypeCannotLeaveTheFolder() {
        let webhook = ReceivedWebhook(
            sequence: 1, receivedAt: Date(timeIntervalSince1970: 1_795_000_000), path: "/", webhookID: nil,
            timestamp: nil, signature: nil,
            apiVersion: nil, eventType: "../../etc/passwd", body: [], verification: .notChecked,
            forwarding: .notForwarded, answeredStatus: 200)
        #expect(WebhookArchive.fileName(for: webhook) == "20261118T110640Z-0001-....etcpasswd.http")
    }
}
