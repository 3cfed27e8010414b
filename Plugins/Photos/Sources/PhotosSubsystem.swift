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
