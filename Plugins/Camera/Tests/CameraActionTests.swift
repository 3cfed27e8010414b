@testable import CameraPlugin
import Foundation
import RelayKit
import RelayKitTesting
import RelayMedia
import Testing

/// Every Camera action's effect on a real `camera.sqlite`, and what it hands Photos, through the dispatcher.
@Suite struct CameraActionTests {
    /// Sunday 15 March 2026, 10:00 UTC: with a fixed clock, camera time is the source's start offset.
    let now = Date(timeIntervalSince1970: 1_773_568_800)

    @Test func declarationsAreConsistent() {
        let subsystems: [any Subsystem] = [CameraSubsystem(), FakePhotos()]
        #expect(ActionCatalog(subsystems: subsystems).problems == [])
        #expect(CommandMatcher(subsystems: subsystems).problems == [])
    }

    @Test func aFreshCameraPhotographsItsBuiltInScene() async throws {
        try await PluginTest(subsystems: [CameraSubsystem(), FakePhotos()], now: now) { phone in
            let first = try await phone.call("camera.take_photo")
            #expect(first.message == "Took a photo.")
            #expect(first.data["kind"] == .string("scene"))
            let status = try await phone.call("camera.get_status")
            #expect(status.data["source"] == .null)
            #expect(status.message.hasPrefix("The camera films its built-in scene, a clock; 1 photo so far."))
            let imported = try await phone.rows("photos", "SELECT path, isJPEG FROM imported")
            #expect(imported.count == 1)
            #expect(imported.first?["isJPEG"] == .int(1))
            // A clip needs a video: a clear refusal, not a failure.
            let clip = await phone.dispatch("camera.record_clip")
            #expect(clip.status == .refused)
            #expect(clip.message.contains("camera.set_source"))
        }
    }

    @Test func theSceneShowsTheTimeSoTwoPhotosDiffer() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let a = CameraScene.frame(at: now, calendar: calendar)
        let b = CameraScene.frame(at: now.addingTimeInterval(1), calendar: calendar)
        #expect(a.width == 640 && a.height == 480)
        #expect(a != b)
        #expect(a == CameraScene.frame(at: now, calendar: calendar))   // the same instant, the same picture
    }

    @Test func setSourceValidatesTheFile() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try await media.video("feed.mp4", seconds: 2)
        let garbage = try media.garbage("noise.mp4")
        try await PluginTest(subsystems: [CameraSubsystem(), FakePhotos()], now: now) { phone in
            let missing = await phone.dispatch("camera.set_source", ["path": .string(media.folder.appendingPathComponent("none.mp4").path)])
            #expect(missing.status == .notFound)
            #expect(missing.message.hasSuffix("none.mp4': no such file. Give a video or image file as the camera source."))
            let bad = await phone.dispatch("camera.set_source", ["path": .string(garbage.path)])
            #expect(bad.status == .notFound)
            #expect(bad.message.contains("noise.mp4': cannot be used as a camera source"))
            let ok = try await phone.call("camera.set_source", ["path": .string(video.path), "start": .double(0.5)])
            #expect(ok.message == "The camera now films the video feed.mp4 (2.0 s).")
            let rows = try await phone.rows("camera", "SELECT path, kind, startOffset FROM source")
            #expect(rows == [["path": .string(video.standardizedFileURL.path), "kind": .string("video"), "startOffset": .double(0.5)]])
        }
    }

    @Test func takePhotoSavesAJPEGIntoPhotos() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try await media.video("feed.mp4", seconds: 2)
        try await PluginTest(subsystems: [CameraSubsystem(), FakePhotos()], now: now) { phone in
            try await phone.call("camera.set_source", ["path": .string(video.path), "start": .double(1.2)])
            let r = try await phone.call("camera.take_photo", ["album": .string("Shots")])
            #expect(r.message == "Took a photo and added it to Shots.")
            let captures = try await phone.rows("camera", "SELECT kind, sourceTime, photosAssetId, path FROM capture")
            try #require(captures.count == 1)
            #expect(captures[0]["kind"] == .string("photo"))
            #expect(captures[0]["sourceTime"] == .double(1.2))
            #expect(captures[0]["photosAssetId"] == .int(1))
            guard case .string(let file)? = captures[0]["path"] else { Issue.record("no path"); return }
            #expect(file.hasPrefix(phone.home.appendingPathComponent("camera").path))
            let imported = try await phone.rows("photos", "SELECT path, album, isJPEG, start FROM imported")
            #expect(imported == [["path": .string(file), "album": .string("Shots"), "isJPEG": .int(1), "start": .null]])
        }
    }

    @Test func recordClipHandsPhotosARange() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try await media.video("feed.mp4", seconds: 2)
        try await PluginTest(subsystems: [CameraSubsystem(), FakePhotos()], now: now) { phone in
            try await phone.call("camera.set_source", ["path": .string(video.path), "start": .double(0.25)])
            let short = try await phone.call("camera.record_clip", ["duration": .int(1)])
            #expect(short.message == "Recorded a 1-second clip.")
            // Longer than the source: the clip is the whole video.
            let long = try await phone.call("camera.record_clip", ["duration": .int(10)])
            #expect(long.message.hasPrefix("Recorded a 2-second clip (the source video is only 2 seconds long)"))
            let imported = try await phone.rows("photos", "SELECT path, start, duration FROM imported ORDER BY id")
            let path = JSONValue.string(video.standardizedFileURL.path)
            #expect(imported == [
                ["path": path, "start": .double(0.25), "duration": .int(1)],
                ["path": path, "start": .double(0), "duration": .int(2)],
            ])
            let status = try await phone.call("camera.get_status")
            #expect(status.data["clips_recorded"] == .int(2))
            #expect(status.message == "The camera films feed.mp4; 0 photos and 2 clips so far.")
        }
    }

    @Test func stillImageSourceTakesPhotosButNoClips() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let image = try await media.image("scene.png", color: "yellow")
        try await PluginTest(subsystems: [CameraSubsystem(), FakePhotos()], now: now) { phone in
            let set = try await phone.call("camera.set_source", ["path": .string(image.path)])
            #expect(set.message == "The camera now films the image scene.png.")
            try await phone.call("camera.take_photo")
            let clip = await phone.dispatch("camera.record_clip")
            #expect(clip.status == .refused)
            #expect(clip.message == "The camera films a still image; set a video with camera.set_source to record clips.")
            let captures = try await phone.rows("camera", "SELECT kind FROM capture")
            #expect(captures == [["kind": .string("photo")]])
        }
    }

    @Test func photosFailureLeavesNoCapture() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let video = try await media.video("feed.mp4")
        try await PluginTest(subsystems: [CameraSubsystem(), FakePhotos(failing: true)], now: now) { phone in
            try await phone.call("camera.set_source", ["path": .string(video.path)])
            let r = await phone.dispatch("camera.take_photo")
            #expect(r.status == .failed)
            #expect(r.message == "The photo could not be saved to Photos: The library is full.")
            let captures = try await phone.rows("camera", "SELECT COUNT(*) AS n FROM capture")
            #expect(captures == [["n": .int(0)]])
            let files = (try? FileManager.default.contentsOfDirectory(atPath: phone.home.appendingPathComponent("camera").path)) ?? []
            #expect(files.filter { $0.hasSuffix(".jpg") } == [])
        }
    }

    @Test func mandarinGoldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/camera-zh.json")
        let report = try await GoldenCases.run(file: url, subsystems: [CameraSubsystem(), FakePhotos()])
        #expect(report.sentences >= 5)
    }

    @Test func goldenSentences() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/camera.json")
        let report = try await GoldenCases.run(file: url, subsystems: [CameraSubsystem(), FakePhotos()])
        #expect(report.sentences >= 10)
    }
}
