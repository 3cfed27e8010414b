import Foundation
import RelayKit

/// `camera.set_source`: choose the video or image file the camera films.
struct SetSource: Action {
    static let name = "camera.set_source"
    static let description = "Choose the video (played as a looping live feed) or image file the camera films, optionally starting at a time in seconds."
    static let permission = Permission.write
    static let readBack: String? = "Film {path} with the camera?"
    static let parameters: [Parameter] = [
        .string("path", "The video or image file"),
        .offset("start", "Camera time to start at, in seconds into the video", seconds: 0...86_400, default: 0),
    ]
    static let sentences: Sentences = [
        "en": ["<please> (use|set) {path} as [the] camera (source|feed) <please>", "<please> point the camera at {path}"],
        "zh": ["<please>把{path}设为相机来源"],
    ]

    let path: String
    let start: Double

    init(arguments: Arguments) throws {
        path = try arguments.value("path")
        start = try arguments.value("start")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL
        let source: CameraSource
        do {
            source = try CameraSource.make(url, at: context.now, startOffset: start)
        } catch let error as CameraError {
            throw ActionFailure(.notFound, error.message)
        }
        try await context.write { db in try source.save(db) }
        let what = source.isVideo ? "the video \(url.lastPathComponent) (\(String(format: "%.1f", source.duration ?? 0)) s)" : "the image \(url.lastPathComponent)"
        return .done("The camera now films \(what).", data: CameraReport.json(source, now: context.now))
    }
}
