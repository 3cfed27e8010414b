import Foundation
import PhotosPlugin
import RelayKit
import RelayKitTesting
import Testing

/// `photos.import_media` against real files and a real `photos.sqlite`.
@Suite struct PhotosImportTests {
    let subsystems: [any Subsystem] = [PhotosSubsystem()]

    @Test func declarationsAreConsistent() {
        #expect(ActionCatalog(subsystems: subsystems).problems == [])
        #expect(CommandMatcher(subsystems: subsystems).problems == [])
    }

    @Test func importFolderReadsMetadataMakesThumbnailsAndSkipsDuplicates() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let blue = try await media.image("blue.png", color: "blue", taken: MediaFixtures.instant("2026-03-14T12:00:00Z"), in: "album")
        try await media.image("red.jpg", color: "red", size: "48x64", taken: MediaFixtures.instant("2026-02-20T12:00:00Z"), in: "album")
        try Data("notes".utf8).write(to: media.folder.appendingPathComponent("album/readme.txt"))
        let video = try await media.video("album/walk.mp4")
        let originalBlue = try MediaFixtures.contents(blue)

        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("photos.import_media", ["path": .string(media.folder.appendingPathComponent("album").path)])
            #expect(r.message == "Imported 3 items.")
            let rows = try await phone.rows("photos", "SELECT filename, kind, width, height, duration, latitude, thumbnailPath, storedPath FROM asset ORDER BY filename")
            #expect(rows.map { $0["filename"] } == [.string("blue.png"), .string("red.jpg"), .string("walk.mp4")])
            #expect(rows.map { $0["kind"] } == [.string("photo"), .string("photo"), .string("video")])
            #expect(rows[1]["width"] == .int(48) && rows[1]["height"] == .int(64))
            guard case .double(let duration)? = rows[2]["duration"], case .double(let latitude)? = rows[2]["latitude"] else {
                Issue.record("video metadata missing: \(rows[2])"); return
            }
            #expect(abs(duration - 1) < 0.15)
            #expect(abs(latitude - 48.8584) < 0.0001)
            for row in rows {
                #expect(row["storedPath"] == .null)  // referenced, not copied
                guard case .string(let thumbnail)? = row["thumbnailPath"] else { Issue.record("no thumbnail"); continue }
                let bytes = try Data(contentsOf: phone.home.appendingPathComponent(thumbnail))
                #expect(bytes.starts(with: [0xFF, 0xD8]))  // a JPEG
            }
            // Creation time comes from the video's tag, else the file's date.
            let dates = try await phone.rows("photos", "SELECT filename FROM asset WHERE createdAt >= '2026-03-14' AND createdAt < '2026-03-15' ORDER BY filename")
            #expect(dates.map { $0["filename"] } == [.string("blue.png"), .string("walk.mp4")])
            // Labels come from the pixels.
            let labels = try await phone.rows("photos", "SELECT label FROM assetLabel JOIN asset ON asset.id = assetId WHERE filename = 'blue.png' ORDER BY label")
            #expect(labels.map { $0["label"] } == [.string("blue"), .string("landscape"), .string("photo")])

            let again = try await phone.call("photos.import_media", ["path": .string(media.folder.appendingPathComponent("album").path)])
            #expect(again.message == "Nothing new to import. 3 already in the library.")
            let count = try await phone.rows("photos", "SELECT COUNT(*) AS n FROM asset")
            #expect(count == [["n": .int(3)]])
        }
        #expect(try MediaFixtures.contents(blue) == originalBlue)
        #expect(FileManager.default.fileExists(atPath: video.path))
    }

    @Test func importWithCopyAndAlbum() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let green = try await media.image("green.png", color: "green")
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("photos.import_media", ["path": .string(green.path), "copy": .bool(true), "album": .string("Garden")])
            #expect(r.message == "Imported 1 item into Garden.")
            let rows = try await phone.rows("photos", "SELECT storedPath FROM asset")
            guard case .string(let stored)? = rows.first?["storedPath"] else { Issue.record("no copy"); return }
            #expect(try Data(contentsOf: phone.home.appendingPathComponent(stored)) == Data(contentsOf: green))
            let members = try await phone.rows("photos", "SELECT album.name FROM albumAsset JOIN album ON album.id = albumId")
            #expect(members == [["name": .string("Garden")]])
        }
    }

    @Test func importClipOfAVideo() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try await media.video("long.mp4", seconds: 2)
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("photos.import_media", ["path": .string(video.path), "start": .double(0.5), "duration": .int(1)])
            #expect(r.message == "Saved a 1-second clip.")
            let rows = try await phone.rows("photos", "SELECT kind, clipStart, duration, sourcePath FROM asset")
            #expect(rows == [["kind": .string("video"), "clipStart": .double(0.5), "duration": .double(1), "sourcePath": .string(video.standardizedFileURL.path)]])
            let same = try await phone.call("photos.import_media", ["path": .string(video.path), "start": .double(0.5), "duration": .int(1)])
            #expect(same.message == "That clip is already in the library.")
            #expect(same.data["ids"] == r.data["ids"])
            #expect(r.data["ids"] == .array([.int(1)]))
            // The whole video is a different item from the clip.
            try await phone.call("photos.import_media", ["path": .string(video.path)])
            let count = try await phone.rows("photos", "SELECT COUNT(*) AS n FROM asset")
            #expect(count == [["n": .int(2)]])
        }
    }

    @Test func badFilesFailWithTheirName() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let garbage = try media.garbage("broken.jpg")
        try await PluginTest(subsystems: subsystems) { phone in
            let bad = await phone.dispatch("photos.import_media", ["path": .string(garbage.path)])
            #expect(bad.status == .failed)
            #expect(bad.message.contains("broken.jpg"))
            let missing = await phone.dispatch("photos.import_media", ["path": .string(media.folder.appendingPathComponent("nope.png").path)])
            #expect(missing.status == .notFound)
            #expect(missing.message.contains("nope.png': no such file or folder"))
            let empty = await phone.dispatch("photos.import_media", ["path": .string(media.folder.path)])
            #expect(empty.status == .failed)  // the folder holds only the broken file
            let count = try await phone.rows("photos", "SELECT COUNT(*) AS n FROM asset")
            #expect(count == [["n": .int(0)]])
        }
    }

    @Test func partialFailureKeepsTheGoodFiles() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        try await media.image("ok.png", color: "white")
        try media.garbage("bad.png")
        try await PluginTest(subsystems: subsystems) { phone in
            let r = try await phone.call("photos.import_media", ["path": .string(media.folder.path)])
            #expect(r.message == "Imported 1 item. 1 could not be imported.")
            guard case .array(let failed)? = r.data["failed"] else { Issue.record("no failures listed"); return }
            #expect(failed.count == 1)
        }
    }
}
