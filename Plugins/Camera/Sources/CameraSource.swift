public import Foundation
public import RelayKit
import RelayMedia

/// The file the simulated camera films: a video plays as a looping live feed, an image is a still scene.
///
/// "Camera time" is where the feed is now: `startOffset` plus the seconds since the source was set,
/// wrapped around the video's duration, so successive photos show successive moments of the video.
public struct CameraSource: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table name.
    public static let databaseTableName = "source"
    /// Always 1: there is one camera.
    public var id: Int64 = 1
    /// Absolute path of the file.
    public var path: String
    /// "video" or "image".
    public var kind: String
    /// Video duration in seconds.
    public var duration: Double?
    /// Display width.
    public var width: Int?
    /// Display height.
    public var height: Int?
    /// When it was set.
    public var setAt: Date
    /// Camera time at `setAt`.
    public var startOffset: Double

    /// Whether the source is a video (clips need one).
    public var isVideo: Bool { kind == "video" }

    /// Camera time at `now`: seconds into the video, looping; 0 for images.
    public func cameraTime(at now: Date) -> Double {
        guard isVideo, let duration, duration > 0 else { return 0 }
        let elapsed = startOffset + max(0, now.timeIntervalSince(setAt))
        return elapsed.truncatingRemainder(dividingBy: duration)
    }

    /// Probes `url` and describes it as a camera source; throws a readable `CameraError` when it cannot be filmed.
    public static func make(_ url: URL, at now: Date, startOffset: Double) throws -> CameraSource {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw CameraError("'\(url.path)': no such file. Give a video or image file as the camera source.")
        }
        let info: MediaInfo
        do {
            info = try MediaProbe.probe(url)
        } catch {
            throw CameraError("'\(url.path)': cannot be used as a camera source (\(error)).")
        }
        guard let video = info.videoStream else {
            throw CameraError("'\(url.path)': has no picture; the camera needs a video or image file.")
        }
        let format = info.format.formatName
        let isImage = format == "image2" || format.hasSuffix("_pipe")
        let duration = isImage ? nil : (info.format.duration ?? video.duration)
        if !isImage, (duration ?? 0) <= 0 {
            throw CameraError("'\(url.path)': the video has no known duration, so the camera cannot play it.")
        }
        return CameraSource(
            path: url.path, kind: isImage ? "image" : "video", duration: duration, width: video.width, height: video.height,
            setAt: now, startOffset: max(0, startOffset)
        )
    }

    /// Decodes the picture the camera sees at `time` (seconds into the video).
    func frame(at time: Double) async throws -> Frame {
        let url = URL(fileURLWithPath: path)
        if !isVideo { return try ImageCodec.decode(url) }
        for try await frame in FrameSampler.frames(of: url, at: [time]) { return frame }
        throw CameraError("'\(path)': no frame could be decoded at \(String(format: "%.2f", time)) s.")
    }
}

/// A Camera failure a user can act on.
public struct CameraError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One readable sentence saying what went wrong and what to try.
    public var message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
