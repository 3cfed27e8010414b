import Foundation
import RelayKit

/// `camera.record_clip`: a clip of the feed from now on, saved into Photos.
///
/// Relay has no video encoder, so a clip is kept as a reference to the source video plus a time
/// range (`photos.import_media` with `start` and `duration`); players seek to the start.
struct RecordClip: Action {
    static let name = "camera.record_clip"
    static let description = "Record a video clip of the camera feed from now, for a duration (default 10 seconds); it is saved to Photos."
    static let permission = Permission.write
    static let readBack: String? = "(Record a {duration:compound} video|Record a video for {duration})[ for the album {album}]?"
    static let parameters: [Parameter] = [
        .duration("duration", "How long to record", seconds: 1...600, default: 10),
        .string("album", "Also add it to this album (created if missing)", required: false),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (record|film|shoot|capture) [a] (video|clip|movie) <please>",
            "<please> (record|film|shoot|capture) [a] {duration} (video|clip|movie)",
            "<please> (record|film|shoot|capture) [a] (video|clip|movie) (for|of) {duration}",
            "<please> start recording",
        ],
        "zh": ["<please>录[一段]视频", "<please>录{duration}[的]视频"],
    ]

    let seconds: Int
    let album: String?

    init(arguments: Arguments) throws {
        let duration: Duration = try arguments.value("duration")
        seconds = Int(duration.components.seconds)
        album = try arguments.valueIfPresent("album")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        guard let source = try await CameraReport.source(in: context) else {
            // Relay has no video encoder: a clip is a range of a source video, and the built-in scene is drawn, not filmed.
            throw ActionFailure(.refused, "The camera shows its built-in scene, which can only be photographed; set a video with camera.set_source to record clips.")
        }
        guard source.isVideo, let total = source.duration else {
            throw ActionFailure(.refused, "The camera films a still image; set a video with camera.set_source to record clips.")
        }
        let length = min(Double(seconds), total)
        // A clip that would run past the end of the video starts earlier instead of wrapping.
        let start = min(source.cameraTime(at: context.now), max(0, total - length))
        var arguments: JSONObject = [
            "path": .string(source.path), "start": .double((start * 1000).rounded() / 1000), "duration": .int(max(1, Int(length.rounded(.down)))),
        ]
        if let album { arguments["album"] = .string(album) }
        let result = await context.call("photos.import_media", arguments)
        guard result.isDone, let assetID = CameraReport.importedID(result) else {
            throw ActionFailure(result.status == .done ? .failed : result.status, "The clip could not be saved to Photos: \(result.message)")
        }
        let capture = try await context.write { db in
            var capture = Capture(kind: "clip", path: source.path, sourceTime: start, duration: length, takenAt: context.now, photosAssetId: assetID)
            try capture.insert(db)
            return capture
        }
        var data = CameraReport.json(source, now: context.now)
        data["capture"] = .int(Int(capture.id ?? 0))
        data["video"] = .int(Int(assetID))
        data["start"] = .double(start)
        data["duration"] = .double(length)
        let note = length < Double(seconds) ? " (the source video is only \(Int(total)) seconds long)" : ""
        return .done("Recorded a \(Int(length))-second clip\(note).", data: data)
    }
}
