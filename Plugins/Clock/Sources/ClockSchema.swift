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
        // Time that passes: alarms remember when they were armed and when they last rang; timers when they finished.
        migrator.registerMigration("v2: ringing") { db in
            try db.alter(table: "alarm") { t in
                t.add(column: "armedAt", .datetime)
                t.add(column: "rungAt", .datetime)
            }
            try db.alter(table: "timer") { t in t.add(column: "finishedAt", .datetime) }
        }
        migrator.registerMigration("v3: repeating alarms") { db in
            try db.alter(table: "alarm") { t in t.add(column: "repeats", .text) }
        }
        return migrator
    }
}
