import Foundation
import RelayKit

/// How assets are serialised and said.
enum PhotoReport {
    static func json(_ asset: PhotoAsset, db: Database) throws -> JSONValue {
        var o: JSONObject = [
            "id": .int(Int(asset.id ?? 0)),
            "kind": .string(asset.kind.rawValue),
            "filename": .string(asset.filename),
            "taken_at": .string(ISO8601DateFormatter().string(from: asset.createdAt)),
            "favorite": .bool(asset.isFavorite),
            "deleted": .bool(asset.deletedAt != nil),
        ]
        if let width = asset.width, let height = asset.height { o["size"] = .string("\(width)x\(height)") }
        if let duration = asset.duration { o["duration"] = .double((duration * 1000).rounded() / 1000) }
        if let start = asset.clipStart { o["clip_start"] = .double(start) }
        if let latitude = asset.latitude, let longitude = asset.longitude {
            o["location"] = .object(["latitude": .double(latitude), "longitude": .double(longitude)])
        }
        if let thumbnail = asset.thumbnailPath { o["thumbnail"] = .string(thumbnail) }
        o["source"] = .string(asset.sourcePath)
        if let id = asset.id { o["labels"] = .array(try PhotosLibrary.labels(db, assetID: id).map { .string($0) }) }
        return .object(o)
    }

    /// "3 photos", "1 video", "2 photos and videos".
    static func count(_ assets: [PhotoAsset]) -> String {
        let photos = assets.filter { $0.kind == .photo }.count
        let videos = assets.count - photos
        switch (photos, videos) {
        case (0, 0): return "nothing"
        case (_, 0): return "\(photos) photo\(photos == 1 ? "" : "s")"
        case (0, _): return "\(videos) video\(videos == 1 ? "" : "s")"
        default: return "\(photos) photo\(photos == 1 ? "" : "s") and \(videos) video\(videos == 1 ? "" : "s")"
        }
    }

    static let kinds: [Choice] = [
        Choice("photo", en: ["photos", "pictures", "picture", "pics", "pic", "images", "image", "shots", "selfies"], zh: ["照片", "图片"]),
        Choice("video", en: ["videos", "clips", "clip", "movies", "movie", "recordings"], zh: ["视频"]),
    ]
}
