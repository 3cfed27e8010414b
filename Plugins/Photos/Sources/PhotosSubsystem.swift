public import Foundation
public import RelayKit

/// The Photos app: a library of imported photos and videos with albums, favorites and Recently Deleted.
/// Rows live in `<home>/photos.sqlite`; thumbnails (and copies) under `<home>/photos/`.
public struct PhotosSubsystem: Subsystem {
    /// Creates the subsystem.
    public init() {}

    /// The entity kind of albums, resolved by spoken name.
    public static let album: EntityKind = "album"

    public var name: String { "photos" }
    public var displayName: String { "Photos" }
    public var summary: String { "The photo library: import, search by date, kind, album or label; albums, favorites, Recently Deleted." }
    public var actions: [any Action.Type] {
        [
            ImportMedia.self, SearchMedia.self, ListAlbums.self, CreateAlbum.self, RenameAlbum.self, DeleteAlbum.self,
            AddToAlbum.self, RemoveFromAlbum.self, FavoritePhotos.self, UnfavoritePhotos.self, DeletePhotos.self,
            RecoverPhotos.self, EmptyRecentlyDeleted.self,
        ]
    }
    public var migrator: DatabaseMigrator { PhotosSchema.migrator }
    public var screens: [any Screen.Type] { [PhotoGridScreen.self, PhotoScreen.self, AlbumListScreen.self, AlbumPickerScreen.self] }

    /// How long items stay in Recently Deleted before they are deleted for good, as on a phone.
    public static let recentlyDeletedDays = 30

    public var keepsTime: Bool { true }

    /// Deletes for good what has been in Recently Deleted longer than ``recentlyDeletedDays``.
    public func passTime(_ passage: TimePassage, in db: Database) throws -> [PhoneEvent] {
        let cutoff = passage.now.addingTimeInterval(-Double(Self.recentlyDeletedDays) * 86_400)
        let old = try PhotoAsset.fetchAll(db, sql: "SELECT * FROM asset WHERE deletedAt IS NOT NULL AND deletedAt <= ? ORDER BY id", arguments: [cutoff])
        guard !old.isEmpty else { return [] }
        try db.execute(sql: "DELETE FROM asset WHERE deletedAt IS NOT NULL AND deletedAt <= ?", arguments: [cutoff])
        // Thumbnails and copies are left for the next import's sweep, as when Recently Deleted is emptied by hand.
        return [PhoneEvent(
            subsystem: name, kind: "purged",
            message: "Permanently deleted \(PhotoReport.count(old)) that had been in Recently Deleted for more than \(Self.recentlyDeletedDays) days.",
            data: ["deleted": .array(old.compactMap(\.id).map { .int(Int($0)) })], announce: false, time: passage.now)]
    }

    public func nextDeadline(after now: Date, calendar: Calendar, in db: Database) throws -> Date? {
        try Date.fetchOne(db, sql: "SELECT MIN(deletedAt) FROM asset WHERE deletedAt IS NOT NULL")
            .map { $0.addingTimeInterval(Double(Self.recentlyDeletedDays) * 86_400) }
    }

    public var rules: SentenceRules {
        [
            "en": [
                "media": "(photos|pictures|pics|images|videos|clips|media|shots|everything)",
                "one": "(photo|picture|pic|image|video|clip|shot)",
                "selection": "[the|my|this|that|these|those] [last|latest|newest|recent] (<one>|<media>)",
            ],
            "zh": [:],
        ]
    }

    public func entities(of kind: EntityKind, in db: Database) throws -> [Entity] {
        guard kind == Self.album else { return [] }
        return try PhotosLibrary.albums(db).compactMap { album in album.id.map { Entity(id: $0, name: album.name) } }
    }

    public func state(in db: Database) throws -> JSONValue {
        let assets = try PhotosLibrary.assets(db) + PhotosLibrary.assets(db, matching: PhotoQuery(inRecentlyDeleted: true))
        var albums: [JSONValue] = []
        for album in try PhotosLibrary.albums(db) {
            guard let id = album.id else { continue }
            let members = try Int64.fetchAll(db, sql: "SELECT assetId FROM albumAsset WHERE albumId = ? ORDER BY assetId", arguments: [id])
            albums.append(.object(["id": .int(Int(id)), "name": .string(album.name), "assets": .array(members.map { .int(Int($0)) })]))
        }
        return .object([
            "assets": .array(try assets.sorted { ($0.id ?? 0) < ($1.id ?? 0) }.map { try PhotoReport.json($0, db: db) }),
            "albums": .array(albums),
        ])
    }
}

/// The conventional entry point the installed-plugins list calls.
public enum PhotosPlugin {
    /// The Photos subsystem.
    public static func makeSubsystem() -> any Subsystem { PhotosSubsystem() }
}
