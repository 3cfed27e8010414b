import Foundation
import RelayKit
import RelayMedia

/// `camera.take_photo`: a JPEG of what the camera sees now, saved into Photos.
struct TakePhoto: Action {
    static let name = "camera.take_photo"
    static let description = "Take a photo of what the camera sees now (its source, or a built-in scene with a clock until one is set); it is saved to Photos (and to an album, if given)."
    static let permission = Permission.write
    static let readBack: String? = "Take a photo[ for the album {album}]?"
    static let parameters: [Parameter] = [.string("album", "Also add it to this album (created if missing)", required: false)]
    static let sentences: Sentences = [
        "en": [
            "<please> (take|snap|shoot|capture) [a|the] (photo|picture|pic|shot|selfie|snapshot) <please>",
            "<please> (take|snap) [a] (photo|picture) for [the] [album] {album}",
            "(say cheese|cheese)",
        ],
        "zh": ["<please>拍[一]张照片", "<please>拍照"],
    ]

    let album: String?

    init(arguments: Arguments) throws {
        album = try arguments.valueIfPresent("album")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let source = try await CameraReport.source(in: context)
        let time = source?.cameraTime(at: context.now) ?? 0
        let jpeg: [UInt8]
        do {
            // No source set: the built-in scene, so the camera works on a fresh phone.
            let picture = try await source?.frame(at: time) ?? CameraScene.frame(at: context.now, calendar: context.calendar)
            jpeg = try ImageCodec.encodeJPEG(picture, quality: 90)
        } catch let error as CameraError {
            throw ActionFailure(.failed, error.message)
        }
        let folder = try context.filesDirectory
        let stamp = Int((context.now.timeIntervalSince1970 * 1000).rounded())
        let file = folder.appendingPathComponent("IMG_\(stamp)_\(UUID().uuidString.prefix(8).lowercased()).jpg")
        // Temporary name then rename, so Photos never imports half a JPEG.
        let partial = folder.appendingPathComponent(".\(file.lastPathComponent).partial")
        do {
            try Data(jpeg).write(to: partial)
            try FileManager.default.moveItem(at: partial, to: file)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw ActionFailure(.failed, "'\(file.path)': cannot save the photo (\(error.localizedDescription)). Is the home folder writable?")
        }
        var arguments: JSONObject = ["path": .string(file.path)]
        if let album { arguments["album"] = .string(album) }
        let result = await context.call("photos.import_media", arguments)
        guard result.isDone, let assetID = CameraReport.importedID(result) else {
            try? FileManager.default.removeItem(at: file)
            throw ActionFailure(result.status == .done ? .failed : result.status, "The photo could not be saved to Photos: \(result.message)")
        }
        let capture = try await context.write { db in
            var capture = Capture(kind: "photo", path: file.path, sourceTime: time, takenAt: context.now, photosAssetId: assetID)
            try capture.insert(db)
            return capture
        }
        var data = source.map { CameraReport.json($0, now: context.now) } ?? CameraReport.sceneJSON()
        data["capture"] = .int(Int(capture.id ?? 0))
        data["photo"] = .int(Int(assetID))
        data["file"] = .string(file.path)
        return .done("Took a photo\(album.map { " and added it to \($0)" } ?? "").", data: data)
    }
}
