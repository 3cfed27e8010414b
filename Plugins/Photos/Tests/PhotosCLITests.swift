import Foundation
import RelayKit
import RelayKitTesting
import Testing

/// `relay photos …` and Camera landing in Photos, through the real `relay` binary (which links every plugin).
@Suite struct PhotosCLITests {
    @Test func importListAndErrors() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let picture = try await media.image("sky.png", color: "blue")
        let home = media.folder.appendingPathComponent("home").path

        let imported = try await RelayCLI.run(["photos", "import", picture.path, "--album", "Sky", "--home", home, "--json"])
        #expect(imported.status == 0)
        guard case .object(let report) = try JSONValue(parsing: imported.stdout) else { Issue.record("not JSON: \(imported.stdout)"); return }
        #expect(report["imported"] == .array([.int(1)]))

        let listed = try await RelayCLI.run(["photos", "list", "--album", "Sky", "--home", home])
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("Found 1 photo in Sky.\n"))
        #expect(listed.stdout.contains("sky.png"))

        let missing = try await RelayCLI.run(["photos", "import", media.folder.appendingPathComponent("gone.jpg").path, "--home", home])
        #expect(missing.status == 1)
        #expect(missing.stderr == "relay photos import: '\(media.folder.appendingPathComponent("gone.jpg").path)': no such file or folder.\n")

        let badDate = try await RelayCLI.run(["photos", "list", "--when", "someday", "--home", home])
        #expect(badDate.status == 1)
        #expect(badDate.stderr.hasPrefix("relay photos list: invalid_arguments: when:"))

        // The audit log has the import.
        let audit = try String(contentsOfFile: home + "/audit.jsonl", encoding: .utf8)
        #expect(audit.contains("\"action\":\"photos.import_media\""))
    }

    @Test func cameraPhotosLandInThePhotosLibrary() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try await media.video("feed.mp4", seconds: 2)
        let home = media.folder.appendingPathComponent("home").path

        let set = try await RelayCLI.run(["call", "camera.set_source", "--args", "{\"path\": \"\(video.path)\"}", "--home", home])
        #expect(set.status == 0, "\(set.stderr)")
        let photo = try await RelayCLI.run(["call", "camera.take_photo", "--args", "{\"album\": \"Camera Roll\"}", "--home", home])
        #expect(photo.status == 0, "\(photo.stderr)")
        let clip = try await RelayCLI.run(["call", "camera.record_clip", "--args", "{\"duration\": 1}", "--home", home])
        #expect(clip.status == 0, "\(clip.stderr)")

        let listed = try await RelayCLI.run(["photos", "list", "--json", "--home", home])
        guard case .object(let result) = try JSONValue(parsing: listed.stdout), case .object(let data)? = result["data"],
              case .array(let items)? = data["items"] else { Issue.record("not a search result: \(listed.stdout)"); return }
        #expect(items.count == 2)
        let kinds = items.compactMap { item -> String? in
            if case .object(let o) = item, case .string(let kind)? = o["kind"] { return kind }
            return nil
        }
        #expect(kinds.sorted() == ["photo", "video"])
        let album = try await RelayCLI.run(["photos", "list", "--album", "Camera Roll", "--home", home])
        #expect(album.stdout.hasPrefix("Found 1 photo in Camera Roll."))
    }
}
