import Foundation
import RelayKit

/// How the camera's state is serialised, and the shared "no source" failure.
enum CameraReport {
    static func json(_ source: CameraSource, now: Date) -> JSONObject {
        var o: JSONObject = ["source": .string(source.path), "kind": .string(source.kind)]
        if let duration = source.duration { o["duration"] = .double(duration) }
        o["camera_time"] = .double((source.cameraTime(at: now) * 1000).rounded() / 1000)
        return o
    }

    /// The configured source, or nil while the camera films its built-in scene (``CameraScene``).
    static func source(in context: ActionContext) async throws -> CameraSource? {
        guard let source = try await context.read({ db in try CameraSource.fetchOne(db, key: 1) }) else { return nil }
        guard FileManager.default.isReadableFile(atPath: source.path) else {
            throw ActionFailure(.failed, "'\(source.path)': the camera's source file is gone. Set another with camera.set_source.")
        }
        return source
    }

    /// The state of a camera filming the built-in scene.
    static func sceneJSON() -> JSONObject {
        ["source": .null, "kind": .string("scene")]
    }

    /// The Photos id of what a `photos.import_media` result imported (or found already there, for clips).
    static func importedID(_ result: CommandResult) -> Int64? {
        for key in ["imported", "ids"] {
            if case .array(let ids)? = result.data[key], case .int(let id)? = ids.first { return Int64(id) }
        }
        return nil
    }
}
