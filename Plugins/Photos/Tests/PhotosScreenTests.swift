import Foundation
import PhotosPlugin
import RelayKit
import RelayKitTesting
import RelayMedia
import Testing

/// The Photos app's screens: the grid of thumbnails, a photo's Favorite switch and Delete.
@Suite struct PhotosScreenTests {
    let subsystems: [any Subsystem] = [PhotosSubsystem()]

    @Test func gridFavoriteAndDelete() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            // One photo whose thumbnail (relative to the home folder, as imports write them) is a red square.
            let thumbnail = try ImageCodec.encodeJPEG(Frame(width: 32, height: 32, rgb: [UInt8](repeating: 0, count: 32 * 32 * 3).enumerated().map { $0.offset % 3 == 0 ? 220 : 20 }))
            try Data(thumbnail).write(to: phone.home.appendingPathComponent("red.jpg"))
            try await phone.seed("photos") { db in
                _ = try PhotosLibrary.insert(db, PhotoAsset(kind: .photo, filename: "red.jpg", sourceKey: "k1", sourcePath: "/tmp/red.jpg",
                                                            fileSize: 1, createdAt: Date(timeIntervalSince1970: 1_773_568_800),
                                                            thumbnailPath: "red.jpg"))
            }
            let screen = try await phone.screen(width: 720, height: 1280, app: "photos")
            let (layout, canvas) = try await screen.screenshot()
            let tile = try #require(layout.elements.first { $0.className == "android.widget.ImageView" })
            #expect(tile.description == "Photo 1: red.jpg" && tile.isClickable)
            let middle = canvas.pixel(x: tile.center.x, y: tile.center.y)
            #expect(middle.r > 180 && middle.g < 60, "the thumbnail is drawn in its tile: \(middle)")
            try await screen.click("Photo 1: red.jpg")
            try await screen.click("Favorite")
            #expect(try await phone.rows("photos", "SELECT isFavorite FROM asset") == [["isFavorite": .int(1)]])
            #expect(try await screen.layout().elements.first { $0.text == "Favorite" }?.isChecked == true)
            let deleted = try await screen.click("Delete")
            #expect(deleted.status == "done")
            #expect(await screen.route.screen == "photos.main")
            #expect(try await screen.layout().elements.map(\.text).contains("No photos yet"))
        }
    }

    /// Albums: created from a name field, then a photo added through its Add to album picker; the element lists read.
    @Test func createAnAlbumAndAddAPhotoToIt() async throws {
        try await PluginTest(subsystems: subsystems) { phone in
            try await phone.seed("photos") { db in
                _ = try PhotosLibrary.insert(db, PhotoAsset(kind: .photo, filename: "a.jpg", sourceKey: "k1", sourcePath: "/tmp/a.jpg",
                                                            fileSize: 1, createdAt: Date(timeIntervalSince1970: 1_773_568_800)))
            }
            let screen = try await phone.screen(width: 720, height: 1280, app: "photos")
            try await screen.click("Albums")
            let lines = try await screen.layout().elements.map(\.line)
            #expect(lines == [
                #"0 ImageButton "" (Navigate up) [8,56][104,152] clickable"#,
                #"1 TextView "Albums" [144,48][688,160]"#,
                #"2 TextView "No albums yet" [32,176][688,256]"#,
                #"3 EditText "" (Album name: New album) [32,312][688,416] editable clickable"#,
                #"4 Button "Create album" [32,448][688,544] clickable"#,
            ], "\(lines)")
            try await screen.click("Album name: New album")
            await screen.perform(.type("Trips"))
            await screen.perform(.systemButton(.enter))
            #expect(try await screen.click("Create album").status == "done")
            #expect(try await screen.layout().elements.contains { $0.text == "Trips" && $0.description == "0 items" })
            await screen.perform(.systemButton(.back))
            try await screen.click("Photo 1: a.jpg")
            try await screen.click("Add to album")
            #expect(await screen.route.screen == "photos.add_to_album")
            #expect(try await screen.click("Trips").status == "done")
            #expect(await screen.route.screen == "photos.photo")
            #expect(try await phone.rows("photos", "SELECT albumId, assetId FROM albumAsset") == [["albumId": .int(1), "assetId": .int(1)]])
        }
    }
}
