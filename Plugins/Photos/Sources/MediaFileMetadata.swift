public import Foundation
import RelayMedia

/// What the library records about a photo or video file, read with RelayMedia's probe.
public struct MediaFileMetadata: Sendable, Hashable {
    /// Photo or video.
    public var kind: MediaKind
    /// Display width in pixels (after rotation).
    public var width: Int?
    /// Display height in pixels (after rotation).
    public var height: Int?
    /// Duration in seconds, for videos.
    public var duration: Double?
    /// When it was taken: the `creation_time` tag, else the file's modification date.
    public var createdAt: Date
    /// Latitude and longitude from an ISO 6709 `location` tag.
    public var location: (latitude: Double, longitude: Double)?
    /// Size of the file in bytes.
    public var fileSize: Int64

    /// File name extensions the importer picks up when it walks a folder (RelayMedia's `MediaFiles`).
    public static var imageExtensions: Set<String> { MediaFiles.imageExtensions }
    /// Video file name extensions the importer picks up when it walks a folder (RelayMedia's `MediaFiles`).
    public static var videoExtensions: Set<String> { MediaFiles.videoExtensions }

    /// Reads the metadata of `url`; throws a `PhotosError` naming the file when it is not a photo or video.
    public static func read(_ url: URL) throws -> MediaFileMetadata {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw PhotosError(.importFailed, "'\(url.path)': cannot read the file. Check that it exists and is readable.")
        }
        let fileSize = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date) ?? Date()
        let info: MediaInfo
        do {
            info = try MediaProbe.probe(url)
        } catch {
            throw PhotosError(.importFailed, "'\(url.path)': not a photo or video the library can read (\(error)).")
        }
        guard let video = info.videoStream else {
            throw PhotosError(.importFailed, "'\(url.path)': has no picture; only photos and videos can be imported.")
        }
        let kind = isStillImage(info, url: url) ? MediaKind.photo : .video
        var width = video.width
        var height = video.height
        if let rotation = video.rotation, Int(abs(rotation.rounded())) % 180 == 90 { swap(&width, &height) }
        let tags = info.format.tags.merging(video.tags) { format, _ in format }
        return MediaFileMetadata(
            kind: kind,
            width: width,
            height: height,
            duration: kind == .video ? (info.format.duration ?? video.duration) : nil,
            createdAt: tags["creation_time"].flatMap(parseCreationTime) ?? modified,
            location: (tags["location"] ?? tags["com.apple.quicktime.location.ISO6709"]).flatMap(parseISO6709),
            fileSize: fileSize
        )
    }

    /// Whether a probed file is a still picture: an image demuxer, or an image extension with one frame.
    static func isStillImage(_ info: MediaInfo, url: URL) -> Bool {
        let format = info.format.formatName
        if format == "image2" || format.hasSuffix("_pipe") { return true }
        return imageExtensions.contains(url.pathExtension.lowercased()) && format != "gif"
    }

    /// Parses ffprobe's `creation_time` (`2024-03-01T10:00:00.000000Z`) and its variants.
    static func parseCreationTime(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        // Some writers keep 6 fractional digits, which ISO8601DateFormatter rejects: drop the fraction.
        if let dot = text.firstIndex(of: "."), let zone = text[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            return plain.date(from: String(text[..<dot]) + String(text[zone...]))
        }
        return nil
    }

    /// Parses an ISO 6709 location such as `+48.8584+002.2945/` or `+48.8584+002.2945+035.000/`.
    static func parseISO6709(_ text: String) -> (latitude: Double, longitude: Double)? {
        var numbers: [Double] = []
        var current = ""
        for character in text {
            if character == "+" || character == "-" {
                if let value = Double(current) { numbers.append(value) }
                current = String(character)
            } else if character.isNumber || character == "." {
                current.append(character)
            } else {
                break
            }
        }
        if let value = Double(current) { numbers.append(value) }
        guard numbers.count >= 2, abs(numbers[0]) <= 90, abs(numbers[1]) <= 180 else { return nil }
        return (numbers[0], numbers[1])
    }

    public static func == (lhs: MediaFileMetadata, rhs: MediaFileMetadata) -> Bool {
        lhs.kind == rhs.kind && lhs.width == rhs.width && lhs.height == rhs.height && lhs.duration == rhs.duration
            && lhs.createdAt == rhs.createdAt && lhs.location?.latitude == rhs.location?.latitude
            && lhs.location?.longitude == rhs.location?.longitude && lhs.fileSize == rhs.fileSize
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(createdAt)
        hasher.combine(fileSize)
    }
}
