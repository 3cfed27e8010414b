import Foundation
import NotesPlugin
import RelayKit
import RelayKitTesting
import Testing

@Suite("Notes sample plugin")
struct NotesPluginTests {
    /// 2026-03-15 10:00 UTC.
    let now = Date(timeIntervalSince1970: 1_773_568_800)

    @Test func declarationsAreConsistent() {
        #expect(ActionCatalog(subsystems: [NotesSubsystem()]).problems.isEmpty)
    }

    @Test func notebooksAndNotes() async throws {
        try await PluginTest(subsystems: [NotesSubsystem()], now: now) { phone in
            let created = try await phone.say("create a notebook called Groceries")
            #expect(created.call?.name == "notes.create_notebook")
            #expect(created.result?.message == "Created the notebook Groceries.")

            let added = try await phone.say("add a note to groceries saying Oat milk, eggs")
            #expect(added.call?.arguments == ["text": "Oat milk, eggs", "notebook": "Groceries"])  // declaration order
            #expect(added.result?.message == "Added a note to Groceries.")

            try await phone.call("notes.add_note", ["text": "Call Anna"])
            let rows = try await phone.rows("notes", "SELECT text, notebook_id FROM note ORDER BY id")
            #expect(rows == [["text": "Oat milk, eggs", "notebook_id": 2], ["text": "Call Anna", "notebook_id": 1]])

            let listed = try await phone.call("notes.list_notes", ["notebook": "groceries"])
            #expect(listed.message == "You have one note: Oat milk, eggs")
            let today = try await phone.say("show my notes from today")
            #expect(today.result?.message == "You have 2 notes. The latest: Call Anna")
            let yesterday = try await phone.say("what did I write yesterday")
            #expect(yesterday.result?.message == "You have no notes from yesterday.")
        }
    }

    @Test func refusalsAndErrors() async throws {
        try await PluginTest(subsystems: [NotesSubsystem()], now: now) { phone in
            var r = await phone.dispatch("notes.create_notebook", ["name": "inbox"])
            #expect(r.status == .refused)
            #expect(r.message == "There is already a notebook named inbox.")
            r = await phone.dispatch("notes.add_note", ["text": "x", "notebook": "Work"])
            #expect(r.status == .notFound)
            #expect(r.message == "There is no notebook named Work.")
            r = await phone.dispatch("notes.add_note", ["text": ""])
            #expect(r.message == "text: must not be empty.")
            r = await phone.dispatch("notes.delete_notebook", ["notebook": "Inbox"], confirmed: true)
            #expect(r.status == .refused)
        }
    }

    @Test func deletingANotebookNeedsConfirmation() async throws {
        try await PluginTest(subsystems: [NotesSubsystem()], now: now) { phone in
            try await phone.call("notes.create_notebook", ["name": "Old"])
            try await phone.call("notes.add_note", ["text": "a", "notebook": "Old"])
            let asked = try await phone.say("delete the notebook old")
            #expect(asked.result?.status == .needsConfirmation)
            #expect(asked.result?.message == "Delete the notebook Old and its note?")
            #expect(asked.result?.data["count"] == .int(2))
            let fromVideo = try await phone.say("delete the notebook old", origin: .video)
            #expect(fromVideo.result?.status == .needsConfirmation)
            let done = try await phone.say("delete the notebook old", confirmed: true)
            #expect(done.result?.message == "Deleted the notebook Old and its note.")
            #expect(try await phone.rows("notes", "SELECT COUNT(*) AS n FROM note") == [["n": 0]])
        }
    }

    @Test func goldenSentences() async throws {
        let folder = try #require(Bundle.module.url(forResource: "Golden", withExtension: nil))
        let reports = try await GoldenCases.runAll(in: folder, subsystems: [NotesSubsystem()])
        #expect(reports.map(\.sentences).reduce(0, +) >= 12)
    }
}
