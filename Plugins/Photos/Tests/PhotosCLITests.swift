import Foundation
import RelayKit
import RelayKitTesting
import RelayModel
import Testing

/// `relay photos …` and Camera landing in Photos, through the real `relay` binary (which links every plugin).
@Suite struct PhotosCLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func relay(_ arguments: [String]) throws -> Run {
        let binary = try #require(PhotosCrashSafetyTests.relayBinary, "build the relay executable first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func importListAndErrors() throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let picture = try media.image("sky.png", color: "blue")
        let home = media.folder.appendingPathComponent("home").path

        let imported = try Self.relay(["photos", "import", picture.path, "--album", "Sky", "--home", home, "--json"])
        #expect(imported.status == 0)
        guard case .object(let report) = try JSONValue(parsing: imported.stdout) else { Issue.record("not JSON: \(imported.stdout)"); return }
        #expect(report["imported"] == .array([.int(1)]))

        let listed = try Self.relay(["photos", "list", "--album", "Sky", "--home", home])
        #expect(listed.status == 0)
        #expect(listed.stdout.hasPrefix("Found 1 photo in Sky.\n"))
        #expect(listed.stdout.contains("sky.png"))

        let missing = try Self.relay(["photos", "import", media.folder.appendingPathComponent("gone.jpg").path, "--home", home])
        #expect(missing.status == 1)
        #expect(missing.stderr == "relay photos import: '\(media.folder.appendingPathComponent("gone.jpg").path)': no such file or folder.\n")

        let badDate = try Self.relay(["photos", "list", "--when", "someday", "--home", home])
        #expect(badDate.status == 1)
        #expect(badDate.stderr.hasPrefix("relay photos list: invalid_arguments: when:"))

        // The audit log has the import.
        let audit = try String(contentsOfFile: home + "/audit.jsonl", encoding: .utf8)
        #expect(audit.contains("\"action\":\"photos.import_media\""))
    }

    @Test func cameraPhotosLandInThePhotosLibrary() throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try media.video("feed.mp4", seconds: 2)
        let home = media.folder.appendingPathComponent("home").path

        let set = try Self.relay(["call", "camera.set_source", "--args", "{\"path\": \"\(video.path)\"}", "--home", home])
        #expect(set.status == 0, "\(set.stderr)")
        let photo = try Self.relay(["call", "camera.take_photo", "--args", "{\"album\": \"Camera Roll\"}", "--home", home])
        #expect(photo.status == 0, "\(photo.stderr)")
        let clip = try Self.relay(["call", "camera.record_clip", "--args", "{\"duration\": 1}", "--home", home])
        #expect(clip.status == 0, "\(clip.stderr)")

        let listed = try Self.relay(["photos", "list", "--json", "--home", home])
        guard case .object(let result) = try JSONValue(parsing: listed.stdout), case .object(let data)? = result["data"],
              case .array(let items)? = data["items"] else { Issue.record("not a search result: \(listed.stdout)"); return }
        #expect(items.count == 2)
        let kinds = items.compactMap { item -> String? in
            if case .object(let o) = item, case .string(let kind)? = o["kind"] { return kind }
            return nil
        }
        #expect(kinds.sorted() == ["photo", "video"])
        let album = try Self.relay(["photos", "list", "--album", "Camera Roll", "--home", home])
        #expect(album.stdout.hasPrefix("Found 1 photo in Camera Roll."))
    }
}
