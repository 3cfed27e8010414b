public import RelayKit

/// The Clock app's SQLite schema.
public enum ClockSchema {
    /// The migrator that creates and upgrades `clock.sqlite`.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: alarms, timers") { db in
            try db.create(table: "alarm") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("hour", .integer).notNull()
                t.column("minute", .integer).notNull()
                t.column("label", .text)
                t.column("isEnabled", .boolean).notNull().defaults(to: true)
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "timer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("seconds", .double).notNull()
                t.column("label", .text)
                t.column("startedAt", .datetime).notNull()
                t.column("endsAt", .datetime).notNull().indexed()
            }
        }
        return migrator
    }
}
