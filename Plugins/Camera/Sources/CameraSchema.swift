public import RelayKit

/// The Camera app's SQLite schema: the configured source and the captures made from it.
public enum CameraSchema {
    /// The migrator that creates and upgrades `camera.sqlite`.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: source, captures") { db in
            try db.create(table: "source") { t in
                // One row (id 1): the camera is a single configured file.
                t.primaryKey("id", .integer)
                t.column("path", .text).notNull()
                t.column("kind", .text).notNull()  // "video" | "image"
                t.column("duration", .double)
                t.column("width", .integer)
                t.column("height", .integer)
                t.column("setAt", .datetime).notNull()
                t.column("startOffset", .double).notNull().defaults(to: 0)
            }
            try db.create(table: "capture") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()  // "photo" | "clip"
                t.column("path", .text).notNull()
                t.column("sourceTime", .double).notNull()
                t.column("duration", .double)
                t.column("takenAt", .datetime).notNull()
                t.column("photosAssetId", .integer)
            }
        }
        return migrator
    }
}
