import CameraPlugin
import Foundation
import PhotosPlugin
import RelayAgent
import RelayKit
import RelayKitTesting
import RelayMedia
import RelayModel
import RelayTestSupport
import Testing
import RelayPerception

/// Issue #11, above the media layer: Photos import (metadata, thumbnail = sample + resize + JPEG), Camera photo and clip
/// (into the real Photos), video analysis (one pass, downscale, keyframe JPEGs), the Qwen2.5-VL request preparation
/// (sampling + smart resize) and the token plan, on odd, tiny, large and rotated pictures in several pixel formats.
/// In-process, so the AddressSanitizer run of `Samples/scripts/test-sanitized.sh` covers all of it.
@Suite struct SizeMatrixPipelineTests {
    typealias Case = PictureSizeCase

    static let cases: [Case] = [
        Case(width: 332, height: 186, pixelFormat: "yuv420p", codec: ["-c:v", "libvpx"], ext: "webm"),
        Case(width: 333, height: 187, pixelFormat: "yuv420p", codec: ["-c:v", "ffv1"], ext: "mkv"),
        Case(width: 3, height: 17, pixelFormat: "yuv444p", codec: ["-c:v", "ffv1"], ext: "mkv"),
        Case(width: 1, height: 1, pixelFormat: "gray", codec: ["-c:v", "ffv1"], ext: "mkv"),
        // 4095×187, not ×15: Qwen2.5-VL refuses aspect ratios above 200 (planVideo throws, by design).
        Case(width: 4095, height: 187, pixelFormat: "yuv420p10le", codec: ["-c:v", "ffv1"], ext: "mkv"),
        // rawvideo in Matroska: Photos imports by extension (no .nut) and NUT declares no frame rate for the token plan.
        Case(width: 1921, height: 1001, pixelFormat: "nv12", codec: ["-c:v", "rawvideo"], ext: "mkv"),
        Case(width: 187, height: 333, pixelFormat: "pal8", codec: ["-c:v", "png"], ext: "mkv"),
        Case(width: 17, height: 15, pixelFormat: "rgb24", codec: ["-c:v", "png"], ext: "mkv"),
        Case(width: 333, height: 187, pixelFormat: "yuvj420p", codec: ["-c:v", "mjpeg"], ext: "avi"),
        Case(width: 332, height: 186, pixelFormat: "yuv420p", codec: ["-c:v", "libx264", "-preset", "ultrafast"], ext: "mp4", rotate: 90),
        Case(width: 333, height: 187, pixelFormat: "yuv444p", codec: ["-c:v", "libx264", "-preset", "ultrafast"], ext: "mp4", rotate: -90),
    ]

    @Test(arguments: cases)
    func photosCameraAnalysisAndTokens(_ c: Case) async throws {
        let dir = try Fixtures.folder("relay-size-pipeline")
        let video = dir.appendingPathComponent("clip.\(c.ext)")
        try await c.makeClip(at: video, seconds: 1.2)
        // A still in the same size and format family, for the photo paths.
        let still = dir.appendingPathComponent("still.png")
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=320x240:d=0.1", "-vf", "scale=\(c.width):\(c.height)", "-frames:v", "1",
                                           "-pix_fmt", c.pixelFormat == "pal8" ? "pal8" : "rgb24", still.path])
        let (displayW, displayH) = c.displaySize

        // Photos import: metadata + thumbnail of the video and the still.
        try await PluginTest(subsystems: [PhotosSubsystem(), CameraSubsystem()]) { phone in
            let imported = try await phone.call("photos.import_media", ["path": .string(dir.path)])
            #expect(imported.message == "Imported 2 items.", "\(c)")
            let rows = try await phone.rows("photos", "SELECT filename, width, height, thumbnailPath FROM asset ORDER BY filename")
            #expect(rows.count == 2, "\(c)")
            for row in rows where row["filename"] == .string("clip.\(c.ext)") {
                #expect(row["width"] == .int(displayW) && row["height"] == .int(displayH), "\(c)")
            }
            for row in rows {
                guard case .string(let thumbnail)? = row["thumbnailPath"] else { Issue.record("no thumbnail \(c)"); continue }
                let bytes = try Data(contentsOf: phone.home.appendingPathComponent(thumbnail))
                #expect(bytes.starts(with: [0xFF, 0xD8]), "\(c)")
            }
            // Camera: a photo (sample + JPEG) and a clip (thumbnail of a time range) into the real Photos.
            try await phone.call("camera.set_source", ["path": .string(video.path), "start": .double(0.2)])
            let photo = try await phone.call("camera.take_photo")
            #expect(photo.message.hasPrefix("Took a photo"), "\(c)")
            let clip = try await phone.call("camera.record_clip", ["duration": .int(1)])
            #expect(!clip.message.isEmpty, "\(c)")
            try await phone.call("camera.set_source", ["path": .string(still.path)])
            let stillPhoto = try await phone.call("camera.take_photo")
            #expect(stillPhoto.message.hasPrefix("Took a photo"), "\(c)")
        }

        // Analysis: one pass over video (every frame downscaled) and keyframe JPEGs.
        let analysis = try await VideoAnalyzer.analyze(video)
        #expect(!analysis.timeline.scenes.isEmpty, "\(c)")
        for keyframe in analysis.keyframes { #expect(keyframe.jpeg.starts(with: [0xFF, 0xD8]), "\(c)") }

        // Tokens and the model request: the plan, then the frames sampled and smart-resized to it.
        let plan = try RequestPreparer.planVideoFile(video, sampling: VideoSampling(fps: 2))
        #expect(plan.nframes > 0, "\(c)")
        let prepared = try await RequestPreparer.prepareVideo(VideoInput(.file(video), fps: 2))
        #expect(prepared.frames.count == prepared.plan.nframes, "\(c)")
        let image = try RequestPreparer.prepareImage(ImageInput(.file(still)))
        #expect(image.frame.width == image.plan.resizedWidth, "\(c)")
    }
}
