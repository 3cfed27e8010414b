public import Foundation
public import RelayKit

/// One photo or clip the camera made: a row of the `capture` table.
public struct Capture: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    /// The table name.
    public static let databaseTableName = "capture"
    /// Row id, nil before insertion.
    public var id: Int64?
    /// "photo" or "clip".
    public var kind: String
    /// The JPEG written (photos) or the source video (clips).
    public var path: String
    /// Camera time of the photo, or the clip's start, in seconds.
    public var sourceTime: Double
    /// Clip length in seconds.
    public var duration: Double?
    /// When it was taken.
    public var takenAt: Date
    /// The Photos library's id for it.
    public var photosAssetId: Int64?

    /// Creates a capture value (not yet inserted).
    public init(id: Int64? = nil, kind: String, path: String, sourceTime: Double, duration: Double? = nil, takenAt: Date, photosAssetId: Int64?) {
        self.id = id
        self.kind = kind
        self.path = path
        self.sourceTime = sourceTime
        self.duration = duration
        self.takenAt = takenAt
        self.photosAssetId = photosAssetId
    }

    /// Stores the new row id.
    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
