public import Foundation
public import RelayKit
import RelayJSON

/// Files an analysed video and its scene keyframes into Photos through the dispatcher, so permissions,
/// the audit log and undo apply as for any other command.
///
/// The video is imported in place (`photos.import_media` refers to the original); the keyframes are
/// written as JPEGs to a temporary folder and imported as copies (the folder is removed afterwards).
public enum VideoPhotosImporter {
    /// What happened to one analysis.
    public struct Outcome: Sendable {
        /// The video file.
        public var file: URL
        /// The dispatcher's results: the video's import, then the keyframes'.
        public var results: [CommandResult]
        /// True when every command succeeded.
        public var succeeded: Bool { !results.isEmpty && results.allSatisfy(\.isDone) }
    }

    /// Imports `analysis`'s video and keyframes, optionally into `album`.
    public static func importAnalysis(_ analysis: VideoAnalysis, album: String?, dispatcher: Dispatcher) async -> Outcome {
        var results: [CommandResult] = []
        var video: JSONObject = ["path": .string(analysis.file.path)]
        if let album { video["album"] = .string(album) }
        results.append(await dispatcher.call("photos.import_media", video, origin: .cli))

        guard !analysis.keyframes.isEmpty else { return Outcome(file: analysis.file, results: results) }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("relay-keyframes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let stem = analysis.file.deletingPathExtension().lastPathComponent
            for key in analysis.keyframes {
                let name = String(format: "%@-scene%03d-%.2fs.jpg", stem, key.sceneIndex + 1, key.time)
                try Data(key.jpeg).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            results.append(CommandResult(
                action: "photos.import_media", status: .failed,
                message: "Could not write the keyframes of '\(analysis.file.path)': \(error.localizedDescription)"))
            return Outcome(file: analysis.file, results: results)
        }
        var keyframes: JSONObject = ["path": .string(folder.path), "copy": .bool(true)]
        if let album { keyframes["album"] = .string(album) }
        results.append(await dispatcher.call("photos.import_media", keyframes, origin: .cli))
        return Outcome(file: analysis.file, results: results)
    }
}
