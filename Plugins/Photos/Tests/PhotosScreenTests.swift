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
}
