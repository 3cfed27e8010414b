import Foundation
import PhotosPlugin
import RelayKit
import RelayKitTesting
import Testing

/// Search, albums, favorites and Recently Deleted through the dispatcher, on a small imported library.
@Suite struct PhotosLibraryTests {
    let subsystems: [any Subsystem] = [PhotosSubsystem()]
    /// Sunday 15 March 2026, 10:00 UTC.
    let now = MediaFixtures.instant("2026-03-15T10:00:00Z")

    /// Imports blue.png (yesterday), walk.mp4 (yesterday), red.png (last week), green.png (February); ids by file name.
    func withLibrary(_ body: (TestPhone, [String: Int]) async throws -> Void) async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        try await media.image("blue.png", color: "blue", taken: MediaFixtures.instant("2026-03-14T12:00:00Z"))
        try await media.image("red.png", color: "red", taken: MediaFixtures.instant("2026-03-10T12:00:00Z"))
        try await media.image("green.png", color: "green", taken: MediaFixtures.instant("2026-02-20T12:00:00Z"))
        try await media.video("walk.mp4")
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            try await phone.call("photos.import_media", ["path": .string(media.folder.path)])
            var ids: [String: Int] = [:]
            for row in try await phone.rows("photos", "SELECT id, filename FROM asset") {
                if case .int(let id)? = row["id"], case .string(let name)? = row["filename"] { ids[name] = id }
            }
            try #require(ids.count == 4)
            try await body(phone, ids)
        }
    }

    func names(_ result: CommandResult) -> [String] {
        guard case .array(let items)? = result.data["items"] else { return [] }
        return items.compactMap { item in
            guard case .object(let o) = item, case .string(let name)? = o["filename"] else { return nil }
            return name
        }
    }

    @Test func searchByDateKindLabelAndFavorites() async throws {
        try await withLibrary { phone, ids in
            let all = try await phone.call("photos.search_media")
            #expect(names(all) == ["blue.png", "walk.mp4", "red.png", "green.png"])
            #expect(all.message == "Found 3 photos and 1 video.")
            let yesterday = try await phone.call("photos.search_media", ["when": .string("yesterday")])
            #expect(names(yesterday) == ["blue.png", "walk.mp4"])
            #expect(yesterday.message == "Found 1 photo and 1 video from yesterday.")
            let lastWeek = try await phone.call("photos.search_media", ["when": .string("last_week"), "kind": .string("photo")])
            #expect(names(lastWeek) == ["blue.png", "red.png"])
            let february = try await phone.call("photos.search_media", ["when": .string("february")])
            #expect(names(february) == ["green.png"])
            let videos = try await phone.call("photos.search_media", ["kind": .string("video")])
            #expect(names(videos) == ["walk.mp4"])
            let red = try await phone.call("photos.search_media", ["label": .string("Red")])
            #expect(names(red).contains("red.png"))
            #expect(!names(red).contains("blue.png") && !names(red).contains("green.png"))
            let videoLabel = try await phone.call("photos.search_media", ["label": .string("video")])
            #expect(names(videoLabel) == ["walk.mp4"])
            let none = try await phone.call("photos.search_media", ["favorites": .bool(true)])
            #expect(none.message == "No photos or videos (favorite).")
            let limited = try await phone.call("photos.search_media", ["limit": .int(1)])
            #expect(names(limited) == ["blue.png"])
            let bad = await phone.dispatch("photos.search_media", ["when": .string("someday")])
            #expect(bad.status == .invalidArguments)
            #expect(bad.problems.first?.argument == "when")
        }
    }

    @Test func favoriteAndUnfavorite() async throws {
        try await withLibrary { phone, ids in
            // Nothing said: the newest item.
            let newest = try await phone.call("photos.favorite_photos")
            #expect(newest.message == "Added 1 photo to Favorites.")
            let byID = try await phone.call("photos.favorite_photos", ["photo": .int(ids["red.png"] ?? 0)])
            #expect(byID.data["changed"] == .int(1))
            let favorites = try await phone.call("photos.search_media", ["favorites": .bool(true)])
            #expect(names(favorites) == ["blue.png", "red.png"])
            let again = try await phone.call("photos.favorite_photos", ["photo": .int(ids["red.png"] ?? 0)])
            #expect(again.message == "Already a favorite.")
            try await phone.call("photos.unfavorite_photos", ["when": .string("last_week"), "kind": .string("photo")])
            let rows = try await phone.rows("photos", "SELECT COUNT(*) AS n FROM asset WHERE isFavorite = 1")
            #expect(rows == [["n": .int(0)]])
            let missing = await phone.dispatch("photos.favorite_photos", ["photo": .int(999)])
            #expect(missing.status == .notFound)
            #expect(missing.message == "There is no item 999.")
        }
    }

    @Test func albumsCreateRenameAddRemoveDelete() async throws {
        try await withLibrary { phone, ids in
            try await phone.call("photos.create_album", ["name": .string("Vacation")])
            let duplicate = await phone.dispatch("photos.create_album", ["name": .string("vacation")])
            #expect(duplicate.status == .refused)
            #expect(duplicate.message == "There is already an album named Vacation.")

            let noVideos = await phone.dispatch("photos.add_to_album", ["album": .string("Vacation"), "when": .string("last_month"), "kind": .string("video")])
            #expect(noVideos.status == .notFound)
            #expect(noVideos.message == "There are no videos from last month.")
            let added = try await phone.call("photos.add_to_album", ["album": .string("vacation"), "when": .string("yesterday")])
            #expect(added.message == "Added 1 photo and 1 video to Vacation.")
            try await phone.call("photos.add_to_album", ["album": .string("Vacation"), "photo": .int(ids["green.png"] ?? 0)])
            let inAlbum = try await phone.call("photos.search_media", ["album": .string("Vacation")])
            #expect(names(inAlbum) == ["blue.png", "walk.mp4", "green.png"])

            try await phone.call("photos.remove_from_album", ["album": .string("Vacation"), "kind": .string("video"), "latest": .int(5)])
            let afterRemove = try await phone.call("photos.search_media", ["album": .string("Vacation")])
            #expect(names(afterRemove) == ["blue.png", "green.png"])
            let notThere = await phone.dispatch("photos.remove_from_album", ["album": .string("Vacation"), "photo": .int(ids["red.png"] ?? 0)])
            #expect(notThere.status == .notFound)
            #expect(notThere.message == "Item \(ids["red.png"] ?? 0) is not in Vacation.")

            let renamed = try await phone.call("photos.rename_album", ["album": .string("Vacation"), "new_name": .string("Paris 2026")])
            #expect(renamed.message == "Renamed Vacation to Paris 2026.")
            let list = try await phone.call("photos.list_albums")
            #expect(list.message == "You have 1 album: Paris 2026 (2).")

            let unknown = await phone.dispatch("photos.rename_album", ["album": .string("Vacation"), "new_name": .string("X")])
            #expect(unknown.status == .notFound)
            #expect(unknown.message == "There is no album named Vacation.")

            let asked = await phone.dispatch("photos.delete_album", ["album": .string("Paris 2026")])
            #expect(asked.status == .needsConfirmation)
            try await phone.call("photos.delete_album", ["album": .string("Paris 2026")], confirmed: true)
            let albums = try await phone.rows("photos", "SELECT COUNT(*) AS n FROM album")
            #expect(albums == [["n": .int(0)]])
            let assets = try await phone.rows("photos", "SELECT COUNT(*) AS n FROM asset")
            #expect(assets == [["n": .int(4)]])  // the photos stay
        }
    }

    @Test func deleteRecoverAndEmptyRecentlyDeleted() async throws {
        try await withLibrary { phone, ids in
            try await phone.call("photos.create_album", ["name": .string("Trip")])
            try await phone.call("photos.add_to_album", ["album": .string("Trip"), "latest": .int(2)])
            let deleted = try await phone.call("photos.delete_photos", ["when": .string("yesterday")])
            #expect(deleted.message == "Moved 1 photo and 1 video to Recently Deleted.")
            let library = try await phone.call("photos.search_media")
            #expect(names(library) == ["red.png", "green.png"])
            let trash = try await phone.call("photos.search_media", ["recently_deleted": .bool(true)])
            #expect(names(trash) == ["blue.png", "walk.mp4"])
            let list = try await phone.call("photos.list_albums")
            #expect(list.message == "You have 1 album: Trip (0).")

            let one = try await phone.call("photos.recover_photos", ["photo": .int(ids["blue.png"] ?? 0)])
            #expect(one.message == "Recovered 1 photo.")
            let back = try await phone.call("photos.list_albums")
            #expect(back.message == "You have 1 album: Trip (1).")  // membership survived

            let asked = await phone.dispatch("photos.empty_recently_deleted")
            #expect(asked.status == .needsConfirmation)
            #expect(asked.message == "Permanently delete 1 video in Recently Deleted?")
            let fromVideo = await phone.dispatch("photos.empty_recently_deleted", origin: .video)
            #expect(fromVideo.status == .needsConfirmation)
            let emptied = try await phone.call("photos.empty_recently_deleted", confirmed: true)
            #expect(emptied.message == "Permanently deleted 1 video.")
            let rows = try await phone.rows("photos", "SELECT filename FROM asset ORDER BY filename")
            #expect(rows.map { $0["filename"] } == [.string("blue.png"), .string("green.png"), .string("red.png")])

            // The emptied item's thumbnail is debris now; a sweep removes it and keeps the others.
            let store = try await phone.dispatcher.store(for: "photos")
            let removed = try await PhotoImporter(home: phone.home).sweep(store.queue, minimumAge: 0)
            #expect(removed == 1)
            let thumbnails = try FileManager.default.contentsOfDirectory(atPath: phone.home.appendingPathComponent("photos/thumbnails").path)
            #expect(thumbnails.count == 3)

            let nothing = await phone.dispatch("photos.recover_photos")
            #expect(nothing.status == .notFound)
            #expect(nothing.message == "Recently Deleted is empty.")
        }
    }

    @Test func emptyLibraryHasNothingToSelect() async throws {
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            let r = await phone.dispatch("photos.delete_photos")
            #expect(r.status == .notFound)
            #expect(r.message == "The library is empty.")
            let search = try await phone.call("photos.search_media", ["kind": .string("video"), "when": .string("today")])
            #expect(search.message == "No videos from today.")
        }
    }

    @Test func mandarinGoldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/photos-zh.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 5)
    }

    @Test func goldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/photos.json")
        let report = try await GoldenCases.run(file: url, subsystems: subsystems)
        #expect(report.sentences >= 10)
    }
}
