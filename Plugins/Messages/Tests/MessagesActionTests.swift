import Foundation
import MessagesPlugin
import RelayKit
import RelayKitTesting
import Testing

/// Every Messages action's effect on a real `messages.sqlite`, through the dispatcher.
@Suite struct MessagesActionTests {
    let subsystems: [any Subsystem] = [MessagesSubsystem()]

    @Test func declarationsAreConsistent() {
        #expect(ActionCatalog(subsystems: subsystems).problems == [])
        #expect(CommandMatcher(subsystems: subsystems).problems == [])
    }

    @Test func newPhoneIsSeeded() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let contacts = try await phone.call("messages.list_contacts")
            #expect(contacts.message == "You have 4 contacts: Anna Smith, Ben Carter, David Chen, Maria Lopez.")
            let unread = try await phone.call("messages.count_unread")
            #expect(unread.data["unread"] == .int(3))
            // Counting does not mark anything read.
            let rows = try await phone.rows("messages", "SELECT COUNT(*) AS n FROM message WHERE isRead = 0")
            #expect(rows == [["n": .int(3)]])
        }
    }

    @Test func sendMessageByNameOrAlias() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("messages.send_message", ["to": .string("mom"), "body": .string("Landed safely!")])
            #expect(r.message == "Sent to Maria: \"Landed safely!\"")
            let rows = try await phone.rows("messages", """
                SELECT contact.name, message.direction, message.body FROM message JOIN contact ON contact.id = message.contactId
                ORDER BY message.id DESC LIMIT 1
                """)
            #expect(rows == [["name": .string("Maria Lopez"), "direction": .string("out"), "body": .string("Landed safely!")]])
        }
    }

    @Test func sendMessageToUnknownOrEmpty() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let unknown = await phone.dispatch("messages.send_message", ["to": .string("Zoe"), "body": .string("hi")])
            #expect(unknown.status == .notFound)
            #expect(unknown.message == "There is no contact named Zoe.")
            let empty = await phone.dispatch("messages.send_message", ["to": .string("Ben"), "body": .string("   ")])
            #expect(empty.status == .invalidArguments)
            #expect(empty.message == "body: must not be empty.")
            let rows = try await phone.rows("messages", "SELECT COUNT(*) AS n FROM message WHERE direction = 'out'")
            #expect(rows == [["n": .int(1)]])  // only the seeded reply
        }
    }

    @Test func ambiguousContactAsksWhich() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            try await phone.call("messages.add_contact", ["name": .string("Anna Jones")])
            try await phone.call("messages.add_contact", ["name": .string("Tom Jones")])
            let r = await phone.dispatch("messages.send_message", ["to": .string("Jones"), "body": .string("hi")])
            #expect(r.status == .ambiguous)
            #expect(r.message == "Which contact do you mean: Anna Jones or Tom Jones?")
            #expect(Set(r.candidates.map(\.name)) == ["Anna Jones", "Tom Jones"])
            // "Anna" is Anna Smith's alias, so it is not ambiguous.
            let anna = try await phone.call("messages.send_message", ["to": .string("Anna"), "body": .string("hi")])
            #expect(anna.message == "Sent to Anna: \"hi\"")
            let sent = try await phone.rows("messages", "SELECT COUNT(*) AS n FROM message WHERE direction = 'out' AND contactId = 1")
            #expect(sent == [["n": .int(2)]])
        }
    }

    @Test func readMessagesMarksThemRead() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("messages.read_messages", ["from": .string("Maria Lopez"), "unread_only": .bool(true)])
            #expect(r.message == "Maria said: Call me when you land. Maria said: Don't forget your jacket.")
            let left = try await phone.rows("messages", "SELECT COUNT(*) AS n FROM message WHERE isRead = 0")
            #expect(left == [["n": .int(1)]])  // Anna's is still unread
            let again = try await phone.call("messages.read_messages", ["from": .string("mom"), "unread_only": .bool(true)])
            #expect(again.message == "No unread messages from Maria.")
        }
    }

    @Test func readRecentFromEveryone() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("messages.read_messages", ["limit": .int(2)])
            guard case .array(let messages)? = r.data["messages"] else { Issue.record("no messages"); return }
            #expect(messages.count == 2)
            let unread = try await phone.call("messages.count_unread")
            #expect(unread.data["unread"] == .int(1))
        }
    }

    @Test func addContactValidates() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("messages.add_contact", ["name": .string("Zoe Park"), "phone": .string("+44 20 7946 0000")])
            #expect(r.message == "Added Zoe Park to your contacts.")
            let rows = try await phone.rows("messages", "SELECT phone FROM contact WHERE name = 'Zoe Park'")
            #expect(rows == [["phone": .string("+44 20 7946 0000")]])
            let duplicate = await phone.dispatch("messages.add_contact", ["name": .string("zoe park")])
            #expect(duplicate.status == .refused)
            #expect(duplicate.message == "There is already a contact named Zoe Park.")
            let badPhone = await phone.dispatch("messages.add_contact", ["name": .string("Sam"), "phone": .string("call me")])
            #expect(badPhone.status == .refused)
            #expect(badPhone.message.contains("is not a phone number"))
            let count = try await phone.rows("messages", "SELECT COUNT(*) AS n FROM contact")
            #expect(count == [["n": .int(5)]])
        }
    }

    @Test func mandarinGoldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/messages-zh.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 6)
    }

    @Test func goldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/messages.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 10)
    }
}
