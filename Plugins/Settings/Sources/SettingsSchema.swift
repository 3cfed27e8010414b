public import RelayKit

/// The Settings app's SQLite schema, seeded with a new phone's defaults.
public enum SettingsSchema {
    /// The migrator that creates, seeds and upgrades `settings.sqlite`.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: toggles, levels") { db in
            try db.create(table: "toggle") { t in
                t.primaryKey("name", .text)
                t.column("isOn", .boolean).notNull()
            }
            try db.create(table: "level") { t in
                t.primaryKey("name", .text)
                t.column("percent", .integer).notNull()
            }
            for toggle in Toggle.allCases {
                try db.execute(sql: "INSERT INTO toggle (name, isOn) VALUES (?, ?)", arguments: [toggle.rawValue, toggle.isOnByDefault])
            }
            for level in Level.allCases {
                try db.execute(sql: "INSERT INTO level (name, percent) VALUES (?, ?)", arguments: [level.rawValue, 50])
            }
        }
        return migrator
    }
}
