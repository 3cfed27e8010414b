import Foundation
import RelayKit

/// `camera.get_status`: what the camera films and what it has made.
struct CameraStatus: Action {
    static let name = "camera.get_status"
    static let description = "Tell which file the camera films, its current camera time, and how many photos and clips it has made."
    static let permission = Permission.read
    static let sentences: Sentences = [
        "en": ["what is the camera (filming|pointing at|looking at|seeing)", "camera status", "<show> [the] camera source"],
        "zh": ["相机状态"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let (source, photos, clips) = try await context.read { db in
            (
                try CameraSource.fetchOne(db, key: 1),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM capture WHERE kind = 'photo'") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM capture WHERE kind = 'clip'") ?? 0
            )
        }
        var data: JSONObject = ["photos_taken": .int(photos), "clips_recorded": .int(clips)]
        guard let source else {
            for (key, value) in CameraReport.sceneJSON() { data[key] = value }
            return .done("The camera films its built-in scene, a clock; \(photos) photo\(photos == 1 ? "" : "s") so far. Set a video or image with camera.set_source.", data: data)
        }
        for (key, value) in CameraReport.json(source, now: context.now) { data[key] = value }
        let name = (source.path as NSString).lastPathComponent
        return .done("The camera films \(name); \(photos) photo\(photos == 1 ? "" : "s") and \(clips) clip\(clips == 1 ? "" : "s") so far.", data: data)
    }
}
