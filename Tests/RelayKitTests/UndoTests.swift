import Foundation
import RelayKit
import RelayModel
import RelayPlugins
import Testing

/// Bulk actions ask with the computed count; `relay undo` reverts the last command from the rows it changed (issue 16).
@Suite struct UndoTests {
    static func phone(_ home: TempHome) -> Dispatcher {
        Dispatcher(subsystems: InstalledPlugins.subsystems, home: home.url, calendar: utc, now: { fixedNow })
    }

    /// `count` photos straight into the library's table (no media needed: nothing here reads the files).
    static func seedPhotos(_ dispatcher: Dispatcher, count: Int) async throws {
        let store = try await dispatcher.store(for: "photos")
        try await store.write { db in
            for i in 1...count {
                try db.execute(sql: """
                    INSERT INTO asset (kind, filename, sourceKey, sourcePath, fileSize, createdAt, importedAt)
                    VALUES ('photo', ?, ?, ?, 1000, ?, ?)
                    """, arguments: ["IMG_\(i).jpg", "/seed/IMG_\(i).jpg", "/seed/IMG_\(i).jpg",
                                     fixedNow.addingTimeInterval(Double(-i * 60)), fixedNow])
            }
        }
    }

    static func deletedCount(_ dispatcher: Dispatcher) async throws -> Int {
        let store = try await dispatcher.store(for: "photos")
        return try await store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM asset WHERE deletedAt IS NOT NULL") ?? -1 }
    }

    @Test func deletingAllPhotosAsksWithTheCountAndUndoBringsThemBack() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = Self.phone(home)
        try await Self.seedPhotos(d, count: 11)
        let asked = await d.call("photos.delete_photos", ["kind": "photo", "all": true])
        #expect(asked.status == .needsConfirmation)
        #expect(asked.message == "Move 11 photos to Recently Deleted?")
        #expect(asked.data["count"] == .int(11))
        #expect(try await Self.deletedCount(d) == 0)
        let confirm = try #require(asked.data["confirm"]?.objectValue)
        let done = await d.call("photos.delete_photos", try #require(confirm["arguments"]?.objectValue), confirmed: true)
        #expect(done.message == "Moved 11 photos to Recently Deleted.")
        #expect(try await Self.deletedCount(d) == 11)

        let undone = await d.undoLast()
        #expect(undone.status == .done)
        #expect(undone.message == "Undone: moved 11 photos to Recently Deleted.")
        #expect(try await Self.deletedCount(d) == 0)
        // Undoing the undo redoes it; then there is nothing left to redo.
        let redone = await d.undoLast()
        #expect(redone.message == "Redone: moved 11 photos to Recently Deleted.")
        #expect(try await Self.deletedCount(d) == 11)
        #expect(await d.call("relay.redo").status == .refused)
        #expect(await d.call("relay.undo").status == .done)
        #expect(await d.call("relay.redo").message == "Redone: moved 11 photos to Recently Deleted.")
        #expect(try await Self.deletedCount(d) == 11)
    }

    @Test func aFewItemsDoNotAskButAllOfThemDo() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = Self.phone(home)
        try await Self.seedPhotos(d, count: 3)
        // The user said "all": several items ask even below the bulk threshold.
        let all = await d.call("photos.delete_photos", ["all": true])
        #expect(all.status == .needsConfirmation)
        #expect(all.message == "Move 3 photos to Recently Deleted?")
        // Two of three, named by number: not a bulk action.
        #expect(await d.call("photos.delete_photos", ["latest": 2]).status == .done)
        #expect(try await Self.deletedCount(d) == 2)
        // "All" of the one left is one item: nothing to ask.
        #expect(await d.call("photos.delete_photos", ["all": true]).status == .done)
        #expect(try await Self.deletedCount(d) == 3)
    }

    @Test func clearingAlarmsAsksWithTheCountAndUndoRestoresThem() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = Self.phone(home)
        for time in ["07:30", "08:00", "09:15"] { #expect(await d.call("clock.set_alarm", ["time": .string(time)]).isDone) }
        let before = try await d.state(of: "clock")
        let asked = await d.call("clock.cancel_all_alarms")
        #expect(asked.status == .needsConfirmation)
        #expect(asked.message == "Cancel all 3 alarms?")
        #expect(asked.data["count"] == .int(3))
        #expect(try await d.state(of: "clock") == before)
        #expect(await d.call("clock.cancel_all_alarms", confirmed: true).message == "Cancelled all 3 alarms.")
        #expect(try await d.state(of: "clock").compactJSON.contains("\"alarms\":[]"))
        #expect(await d.undoLast().isDone)
        #expect(try await d.state(of: "clock") == before)   // the same rows, ids included
    }

    @Test func aSentMessageCannotBeUndoneAndSaysSo() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = Self.phone(home)
        #expect(await d.undoLast().message == "There is nothing to undo.")
        #expect(await d.undoLast(origin: .video).status == .needsConfirmation)
        #expect(await d.call("messages.send_message", ["to": "Anna Smith", "body": "On my way"]).isDone)
        let r = await d.undoLast()
        #expect(r.status == .refused)
        #expect(r.message == "The last command can't be undone: a sent message can't be unsent.")
    }

    @Test func anUndoThatNoLongerAppliesChangesNothing() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = Self.phone(home)
        #expect(await d.call("clock.set_alarm", ["time": "07:30"]).isDone)
        #expect(await d.call("clock.set_alarm", ["time": "08:00"]).isDone)
        #expect(await d.call("clock.cancel_alarm", ["time": "07:30"]).isDone)
        // Another program takes the cancelled alarm's row id before the undo: restoring it would clash.
        let clock = try await d.store(for: "clock")
        try await clock.write { db in
            try db.execute(sql: "INSERT INTO alarm (id, hour, minute, isEnabled, createdAt) VALUES (1, 6, 0, 1, ?)", arguments: [fixedNow])
        }
        let before = try await d.state(of: "clock")
        let r = await d.undoLast()
        #expect(r.status == .failed)
        #expect(r.message.hasPrefix("The last command could not be undone, because the things it changed have changed since"))
        #expect(try await d.state(of: "clock") == before)
    }

    @Test func undoRevertsEverySubsystemACommandChanged() async throws {
        let home = try TempHome(); defer { home.cleanup() }
        let d = Self.phone(home)
        // take_photo writes Camera's capture row and, through photos.import_media, a Photos asset.
        let photo = await d.call("camera.take_photo")
        #expect(photo.isDone, "\(photo.message)")
        #expect(await d.undoLast().isDone)
        let photos = try await d.store(for: "photos")
        #expect(try await photos.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM asset") } == 0)
        let camera = try await d.store(for: "camera")
        #expect(try await camera.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM capture") } == 0)
        // Reads are not commands to undo.
        #expect(await d.call("clock.list_alarms").isDone)
        #expect(await d.undoLast().message.hasPrefix("Redone: took a photo"))
    }
}
