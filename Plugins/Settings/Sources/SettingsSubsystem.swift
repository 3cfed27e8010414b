public import RelayKit

/// The Settings app: Wi-Fi, Bluetooth, Do Not Disturb, airplane mode and dark mode toggles,
/// brightness and volume in percent. State lives in `<home>/settings.sqlite`.
public struct SettingsSubsystem: Subsystem {
    /// Creates the subsystem.
    public init() {}

    public var name: String { "settings" }
    public var displayName: String { "Settings" }
    public var summary: String { "Toggles (Wi-Fi, Bluetooth, Do Not Disturb, airplane mode, dark mode), brightness and volume." }
    public var actions: [any Action.Type] {
        [SetToggle.self, FlipToggle.self, GetToggle.self, SetLevel.self, AdjustLevel.self, GetLevel.self, ShowSettings.self]
    }
    public var migrator: DatabaseMigrator { SettingsSchema.migrator }
    public var screens: [any Screen.Type] { [SettingsScreen.self] }
    public var decidesScreenAppearance: Bool { true }
    public func screenAppearance(in db: Database) throws -> ScreenAppearance {
        ScreenAppearance(isDark: try SettingsStore.isOn(db, .darkMode))
    }

    public var rules: SentenceRules {
        [
            "en": ["level_word": "(level|setting)"],
            "zh": [:],
        ]
    }

    public func state(in db: Database) throws -> JSONValue {
        var toggles = JSONObject()
        let states = try SettingsStore.toggles(db)
        for toggle in Toggle.allCases { toggles[toggle.rawValue] = .bool(states[toggle] ?? false) }
        var levels = JSONObject()
        for level in Level.allCases { levels[level.rawValue] = .int(try SettingsStore.percent(db, level)) }
        return .object(["toggles": .object(toggles), "levels": .object(levels)])
    }
}

/// The conventional entry point the installed-plugins list calls.
public enum SettingsPlugin {
    /// The Settings subsystem.
    public static func makeSubsystem() -> any Subsystem { SettingsSubsystem() }
}
