public import RelayKit

/// The Settings app's operations, as plain functions over a GRDB `Database` (inside the caller's transaction).
public enum SettingsStore {
    /// A toggle's change: its state before and after, and other toggles it switched.
    public struct ToggleChange: Sendable, Hashable {
        /// The toggle asked for.
        public var toggle: Toggle
        /// Its state before.
        public var wasOn: Bool
        /// Its state after.
        public var isOn: Bool
        /// Toggles switched as a consequence (airplane mode turning Wi-Fi off), with their new state.
        public var sideEffects: [Toggle: Bool]
    }

    /// Whether `toggle` is on.
    public static func isOn(_ db: Database, _ toggle: Toggle) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT isOn FROM toggle WHERE name = ?", arguments: [toggle.rawValue]) ?? toggle.isOnByDefault
    }

    /// Every toggle's state.
    public static func toggles(_ db: Database) throws -> [Toggle: Bool] {
        var states: [Toggle: Bool] = [:]
        for toggle in Toggle.allCases { states[toggle] = try isOn(db, toggle) }
        return states
    }

    /// Turns `toggle` on or off (nil flips it). Airplane mode on turns Wi-Fi and Bluetooth off.
    @discardableResult
    public static func set(_ db: Database, _ toggle: Toggle, on: Bool?) throws -> ToggleChange {
        let wasOn = try isOn(db, toggle)
        let isOn = on ?? !wasOn
        try write(db, toggle, isOn)
        var sideEffects: [Toggle: Bool] = [:]
        if toggle == .airplaneMode, isOn, !wasOn {
            for radio in [Toggle.wifi, .bluetooth] where try self.isOn(db, radio) {
                try write(db, radio, false)
                sideEffects[radio] = false
            }
        }
        return ToggleChange(toggle: toggle, wasOn: wasOn, isOn: isOn, sideEffects: sideEffects)
    }

    /// A level in percent.
    public static func percent(_ db: Database, _ level: Level) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT percent FROM level WHERE name = ?", arguments: [level.rawValue]) ?? 50
    }

    /// Sets a level, clamped to 0...100; returns the value before and after.
    @discardableResult
    public static func set(_ db: Database, _ level: Level, percent: Int) throws -> (before: Int, after: Int) {
        let before = try self.percent(db, level)
        let after = min(100, max(0, percent))
        try db.execute(sql: "INSERT OR REPLACE INTO level (name, percent) VALUES (?, ?)", arguments: [level.rawValue, after])
        return (before, after)
    }

    /// Moves a level by `step` percent (negative lowers it), clamped to 0...100.
    @discardableResult
    public static func adjust(_ db: Database, _ level: Level, by step: Int) throws -> (before: Int, after: Int) {
        try set(db, level, percent: try percent(db, level) + step)
    }

    private static func write(_ db: Database, _ toggle: Toggle, _ isOn: Bool) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO toggle (name, isOn) VALUES (?, ?)", arguments: [toggle.rawValue, isOn])
    }
}
