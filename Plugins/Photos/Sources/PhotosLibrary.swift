public import Foundation
public import RelayKit

/// The Photos library's operations, as plain functions over a GRDB `Database`.
///
/// Every function runs inside the caller's transaction, so an action that calls several of
/// them is applied whole or not at all. Files (thumbnails, copies) are never deleted here:
/// functions that drop rows return the files to remove *after* the transaction commits, so a
/// rollback can never leave a row whose file is gone.
public enum PhotosLibrary {
    // MARK: Assets

    /// The assets matching `query`, newest first.
    public static func assets(_ db: Database, matching query: PhotoQuery = PhotoQuery()) throws -> [PhotoAsset] {
        var sql = "SELECT asset.* FROM asset"
        var arguments: [any DatabaseValueConvertible] = []
        var conditions: [String] = [query.inRecentlyDeleted ? "asset.deletedAt IS NOT NULL" : "asset.deletedAt IS NULL"]
        if let albumID = query.albumID {
            conditions.append("asset.id IN (SELECT assetId FROM albumAsset WHERE albumId = ?)")
            arguments.append(albumID)
        }
        if let label = query.label {
            conditions.append("asset.id IN (SELECT assetId FROM assetLabel WHERE label = ? COLLATE NOCASE)")
            arguments.append(label)
        }
        if let range = query.range {
            conditions.append("asset.createdAt >= ? AND asset.createdAt < ?")
            arguments.append(range.start)
            arguments.append(range.end)
        }
        if let kind = query.kind {
            conditions.append("asset.kind = ?")
            arguments.append(kind.rawValue)
        }
        if query.favoritesOnly { conditions.append("asset.isFavorite = 1") }
        sql += " WHERE " + conditions.joined(separator: " AND ")
        sql += " ORDER BY asset.createdAt DESC, asset.id DESC"
        if let limit = query.limit { sql += " LIMIT \(max(0, limit))" }
        return try PhotoAsset.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
    }

    /// The asset with this id, in the library or in Recently Deleted.
    public static func asset(_ db: Database, id: Int64) throws -> PhotoAsset? {
        try PhotoAsset.fetchOne(db, key: id)
    }

    /// The asset imported from this source (path, or path and range for clips), if any.
    public static func asset(_ db: Database, sourceKey: String) throws -> PhotoAsset? {
        try PhotoAsset.fetchOne(db, sql: "SELECT * FROM asset WHERE sourceKey = ?", arguments: [sourceKey])
    }

    /// Inserts a new asset with its labels; the caller has already written its thumbnail.
    @discardableResult
    public static func insert(_ db: Database, _ asset: PhotoAsset, labels: [String] = []) throws -> PhotoAsset {
        var asset = asset
        try asset.insert(db)
        guard let id = asset.id else { throw PhotosError(.importFailed, "The library did not assign an id to \(asset.filename).") }
        for label in Set(labels.map { $0.lowercased() }) {
            try db.execute(sql: "INSERT OR IGNORE INTO assetLabel (assetId, label) VALUES (?, ?)", arguments: [id, label])
        }
        return asset
    }

    /// The labels of an asset, sorted.
    public static func labels(_ db: Database, assetID: Int64) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT label FROM assetLabel WHERE assetId = ? ORDER BY label", arguments: [assetID])
    }

    /// Marks or unmarks assets as favorites; returns how many changed.
    @discardableResult
    public static func setFavorite(_ db: Database, ids: [Int64], _ favorite: Bool) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        try db.execute(
            sql: "UPDATE asset SET isFavorite = ? WHERE isFavorite != ? AND id IN (\(placeholders(ids.count)))",
            arguments: StatementArguments([favorite, favorite] + ids)
        )
        return db.changesCount
    }

    /// Moves assets into Recently Deleted (they leave albums' listings but keep their memberships); returns how many moved.
    @discardableResult
    public static func moveToRecentlyDeleted(_ db: Database, ids: [Int64], at date: Date = Date()) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        try db.execute(
            sql: "UPDATE asset SET deletedAt = ? WHERE deletedAt IS NULL AND id IN (\(placeholders(ids.count)))",
            arguments: StatementArguments([date] + ids)
        )
        return db.changesCount
    }

    /// Brings assets back from Recently Deleted (all of them when `ids` is nil); returns how many came back.
    @discardableResult
    public static func recover(_ db: Database, ids: [Int64]? = nil) throws -> Int {
        if let ids {
            guard !ids.isEmpty else { return 0 }
            try db.execute(
                sql: "UPDATE asset SET deletedAt = NULL WHERE deletedAt IS NOT NULL AND id IN (\(placeholders(ids.count)))",
                arguments: StatementArguments(ids)
            )
        } else {
            try db.execute(sql: "UPDATE asset SET deletedAt = NULL WHERE deletedAt IS NOT NULL")
        }
        return db.changesCount
    }

    /// Deletes everything in Recently Deleted for good; returns the removed assets, whose
    /// thumbnails and copies the caller deletes once the transaction has committed.
    public static func emptyRecentlyDeleted(_ db: Database) throws -> [PhotoAsset] {
        let gone = try assets(db, matching: PhotoQuery(inRecentlyDeleted: true))
        try db.execute(sql: "DELETE FROM asset WHERE deletedAt IS NOT NULL")
        return gone
    }

    /// Every file path (relative to the home folder) that a row refers to: thumbnails and copies.
    public static func referencedFiles(_ db: Database) throws -> Set<String> {
        let thumbnails = try String.fetchAll(db, sql: "SELECT thumbnailPath FROM asset WHERE thumbnailPath IS NOT NULL")
        let copies = try String.fetchAll(db, sql: "SELECT storedPath FROM asset WHERE storedPath IS NOT NULL")
        return Set(thumbnails + copies)
    }

    // MARK: Albums

    /// All albums, by name.
    public static func albums(_ db: Database) throws -> [PhotoAlbum] {
        try PhotoAlbum.fetchAll(db, sql: "SELECT * FROM album ORDER BY name COLLATE NOCASE")
    }

    /// The album with this name, ignoring case and surrounding spaces.
    public static func album(_ db: Database, named name: String) throws -> PhotoAlbum? {
        try PhotoAlbum.fetchOne(
            db, sql: "SELECT * FROM album WHERE name = ? COLLATE NOCASE",
            arguments: [name.trimmingCharacters(in: .whitespacesAndNewlines)]
        )
    }

    /// The album with this id.
    public static func album(_ db: Database, id: Int64) throws -> PhotoAlbum? {
        try PhotoAlbum.fetchOne(db, key: id)
    }

    /// How many library assets (not in Recently Deleted) an album holds.
    public static func assetCount(_ db: Database, albumID: Int64) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM albumAsset JOIN asset ON asset.id = albumAsset.assetId
                WHERE albumAsset.albumId = ? AND asset.deletedAt IS NULL
                """,
            arguments: [albumID]
        ) ?? 0
    }

    /// Creates an album; throws when the name is empty or taken.
    @discardableResult
    public static func createAlbum(_ db: Database, name: String, at date: Date = Date()) throws -> PhotoAlbum {
        let name = try validAlbumName(name)
        if let existing = try album(db, named: name) {
            throw PhotosError(.albumExists, "There is already an album named \(existing.name).")
        }
        var album = PhotoAlbum(name: name, createdAt: date)
        try album.insert(db)
        return album
    }

    /// Renames an album; throws when the new name is empty or belongs to another album.
    @discardableResult
    public static func renameAlbum(_ db: Database, id: Int64, to newName: String) throws -> PhotoAlbum {
        let newName = try validAlbumName(newName)
        guard var album = try album(db, id: id) else { throw PhotosError(.noSuchAlbum, "That album no longer exists.") }
        if let other = try self.album(db, named: newName), other.id != id {
            throw PhotosError(.albumExists, "There is already an album named \(other.name).")
        }
        album.name = newName
        try album.update(db)
        return album
    }

    /// Deletes an album; its photos and videos stay in the library. Returns the deleted album.
    @discardableResult
    public static func deleteAlbum(_ db: Database, id: Int64) throws -> PhotoAlbum {
        guard let album = try album(db, id: id) else { throw PhotosError(.noSuchAlbum, "That album no longer exists.") }
        try db.execute(sql: "DELETE FROM album WHERE id = ?", arguments: [id])
        return album
    }

    /// Adds assets to an album; returns how many were not in it before.
    @discardableResult
    public static func add(_ db: Database, ids: [Int64], toAlbum albumID: Int64, at date: Date = Date()) throws -> Int {
        var added = 0
        for id in ids {
            try db.execute(
                sql: "INSERT OR IGNORE INTO albumAsset (albumId, assetId, addedAt) VALUES (?, ?, ?)",
                arguments: [albumID, id, date]
            )
            added += db.changesCount
        }
        return added
    }

    /// Removes assets from an album (they stay in the library); returns how many were in it.
    @discardableResult
    public static func remove(_ db: Database, ids: [Int64], fromAlbum albumID: Int64) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        try db.execute(
            sql: "DELETE FROM albumAsset WHERE albumId = ? AND assetId IN (\(placeholders(ids.count)))",
            arguments: StatementArguments([albumID] + ids)
        )
        return db.changesCount
    }

    // MARK: Helpers

    private static func validAlbumName(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw PhotosError(.invalidArgument, "An album name cannot be empty.") }
        guard trimmed.count <= 200 else { throw PhotosError(.invalidArgument, "An album name can be at most 200 characters.") }
        return trimmed
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
