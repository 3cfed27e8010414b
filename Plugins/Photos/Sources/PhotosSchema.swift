public import RelayKit

/// The Photos library's SQLite schema, as GRDB migrations.
///
/// Migrations are append-only: a shipped migration is never edited, so a library created
/// by an older build opens in a newer one.
public enum PhotosSchema {
    /// The migrator that creates and upgrades `photos.sqlite`.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: assets, albums, labels") { db in
            try db.create(table: "asset") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("filename", .text).notNull()
                // What makes two imports "the same": the original's path (plus the range for clips).
                // Unique, so a re-run of an interrupted import skips what is already in.
                t.column("sourceKey", .text).notNull().unique()
                t.column("sourcePath", .text).notNull()
                t.column("storedPath", .text)
                t.column("fileSize", .integer).notNull()
                t.column("width", .integer)
                t.column("height", .integer)
                t.column("duration", .double)
                t.column("clipStart", .double)
                t.column("createdAt", .datetime).notNull().indexed()
                t.column("latitude", .double)
                t.column("longitude", .double)
                t.column("thumbnailPath", .text)
                t.column("importedAt", .datetime).notNull()
                t.column("isFavorite", .boolean).notNull().defaults(to: false)
                t.column("deletedAt", .datetime).indexed()
            }
            try db.create(table: "album") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique().collate(.nocase)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "albumAsset") { t in
                t.belongsTo("album", onDelete: .cascade).notNull()
                t.belongsTo("asset", onDelete: .cascade).notNull()
                t.column("addedAt", .datetime).notNull()
                t.primaryKey(["albumId", "assetId"])
            }
            try db.create(table: "assetLabel") { t in
                t.belongsTo("asset", onDelete: .cascade).notNull()
                t.column("label", .text).notNull().collate(.nocase)
                t.primaryKey(["assetId", "label"])
            }
        }
        return migrator
    }
}
