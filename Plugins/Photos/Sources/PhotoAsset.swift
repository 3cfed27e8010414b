public import Foundation
public import RelayKit

/// Whether an asset is a still photo or a video.
public enum MediaKind: String, Codable, Sendable, CaseIterable {
    /// A still image.
    case photo
    /// A video (or a clip: a time range of a video).
    case video
}

/// One photo or video in the library: a row of the `asset` table.
///
/// The original file is never modified: `sourcePath` points at it, and `storedPath` (relative
/// to the home folder) at the library's own copy when the import copied it.
public struct PhotoAsset: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table name.
    public static let databaseTableName = "asset"

    /// Row id, nil before insertion.
    public var id: Int64?
    /// Photo or video.
    public var kind: MediaKind
    /// The original's file name, for display.
    public var filename: String
    /// Identity of the import (the original's path, plus the time range for clips).
    public var sourceKey: String
    /// Absolute path of the original file.
    public var sourcePath: String
    /// Path of the library's copy, relative to the home folder, when the original was copied.
    public var storedPath: String?
    /// Size of the original in bytes.
    public var fileSize: Int64
    /// Display width in pixels.
    public var width: Int?
    /// Display height in pixels.
    public var height: Int?
    /// Duration in seconds (videos and clips).
    public var duration: Double?
    /// Start of a clip within its source video, in seconds; nil for whole files.
    public var clipStart: Double?
    /// When the photo or video was taken (its creation_time tag, else the file's modification date).
    public var createdAt: Date
    /// Latitude in degrees, when the file carries a location.
    public var latitude: Double?
    /// Longitude in degrees, when the file carries a location.
    public var longitude: Double?
    /// JPEG thumbnail path, relative to the home folder.
    public var thumbnailPath: String?
    /// When it entered the library.
    public var importedAt: Date
    /// Whether it is a favorite.
    public var isFavorite: Bool
    /// When it was moved to Recently Deleted; nil while it is in the library.
    public var deletedAt: Date?

    /// Creates an asset value (not yet inserted).
    public init(
        id: Int64? = nil, kind: MediaKind, filename: String, sourceKey: String, sourcePath: String,
        storedPath: String? = nil, fileSize: Int64, width: Int? = nil, height: Int? = nil, duration: Double? = nil,
        clipStart: Double? = nil, createdAt: Date, latitude: Double? = nil, longitude: Double? = nil,
        thumbnailPath: String? = nil, importedAt: Date = Date(), isFavorite: Bool = false, deletedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.filename = filename
        self.sourceKey = sourceKey
        self.sourcePath = sourcePath
        self.storedPath = storedPath
        self.fileSize = fileSize
        self.width = width
        self.height = height
        self.duration = duration
        self.clipStart = clipStart
        self.createdAt = createdAt
        self.latitude = latitude
        self.longitude = longitude
        self.thumbnailPath = thumbnailPath
        self.importedAt = importedAt
        self.isFavorite = isFavorite
        self.deletedAt = deletedAt
    }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A named album: a row of the `album` table.
public struct PhotoAlbum: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    /// The table name.
    public static let databaseTableName = "album"
    /// Row id, nil before insertion.
    public var id: Int64?
    /// The album's name, unique regardless of case.
    public var name: String
    /// When it was created.
    public var createdAt: Date

    /// Creates an album value (not yet inserted).
    public init(id: Int64? = nil, name: String, createdAt: Date = Date()) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
