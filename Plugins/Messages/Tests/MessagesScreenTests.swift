import Foundation
import MessagesPlugin
import RelayKit
import RelayKitTesting
import Testing

/// The Messages app's screens: the conversation list, and a message written and sent by tapping and typing.
@Suite struct MessagesScreenTests {
    let subsystems: [any Subsystem] = [MessagesSubsystem()]

    @Test func writeAndSendAMessage() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let screen = try await phone.screen(width: 720, height: 1280, app: "messages")
            let list = try await screen.layout().elements
            let anna = try #require(list.first { $0.text == "Anna Smith" })
            #expect(anna.isClickable && anna.description == "1 new · Great, see you there!")
            try await screen.click("Anna Smith")
            #expect(try await screen.layout().title == "Anna Smith")
            // Send with an empty box: the dispatcher refuses (no body), nothing is sent.
            let empty = try await screen.click("Send")
            #expect(empty.status == "invalid_arguments")
            try await screen.click("Message: Text message")
            await screen.perform(.type("On my way"))
            // The keyboard covers Send (as on a phone): Back hides it first.
            #expect(try await !screen.layout().elements.contains { $0.text == "Send" })
            #expect(await screen.perform(.systemButton(.back)).message == "The keyboard is hidden.")
            let sent = try await screen.click("Send")
            #expect(sent.status == "done" && sent.message == #"Sent to Anna: "On my way""#)
            let rows = try await phone.rows("messages", "SELECT body, direction FROM message ORDER BY id DESC LIMIT 1")
            #expect(rows == [["body": "On my way", "direction": "out"]])
            let after = try await screen.layout().elements
            #expect(after.contains { $0.text == "On my way" && $0.description?.hasPrefix("You · ") == true })
            #expect(after.first { $0.isEditable }?.text == "", "a sent message leaves the box empty")
            #expect(try phone.auditEntries().map { $0.objectValue?["origin"] } == ["screen", "screen"])
        }
    }

    /// A message's time reads in the phone's time zone (the dispatcher's calendar, which the status bar's clock reads
    /// in: 12:05 here), not in UTC (03:05).
    @Test func messageTimesAgreeWithTheStatusBar() async throws {
        var tokyo = Calendar(identifier: .gregorian)
        tokyo.timeZone = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-02T03:05:00Z"))  // 12:05 in Tokyo
        try await PluginTest(subsystems: subsystems, now: now, calendar: tokyo) { phone in
            let screen = try await phone.screen(width: 720, height: 1280, app: "messages")
            try await screen.click("Anna Smith")
            try await screen.click("Message: Text message")
            await screen.perform(.type("Lunch?"))
            await screen.perform(.systemButton(.back))
            #expect(try await screen.click("Send").status == "done")
            let row = try #require(try await screen.layout().elements.first { $0.text == "Lunch?" })
            #expect(row.description == "You · 2 Dec 12:05", "\(row.description ?? "")")
        }
    }
}
