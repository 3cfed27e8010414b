import RelayKit

/// The Settings app's one screen: the toggles as switches, brightness and volume with − and + buttons.
struct SettingsScreen: Screen {
    static let name = "settings.main"
    static let title = "Settings"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let states = try SettingsStore.toggles(db)
        func row(_ toggle: Toggle) -> ScreenNode {
            let on = states[toggle] ?? toggle.isOnByDefault
            return .toggle(toggle.displayName, detail: on ? "On" : "Off", isOn: on,
                           tap: .call(SetToggle.name, ["toggle": .string(toggle.rawValue), "on": .bool(!on)]))
        }
        let levels: [ScreenNode] = try Level.allCases.map { level in
            let percent = try SettingsStore.percent(db, level)
            return .stepper(level.displayName, value: "\(percent)%",
                            decrease: .call(AdjustLevel.name, ["level": .string(level.rawValue), "direction": "down"]),
                            increase: .call(AdjustLevel.name, ["level": .string(level.rawValue), "direction": "up"]))
        }
        return [
            .section("Connections"),
            .list([row(.wifi), row(.bluetooth), row(.airplaneMode)]),
            .section("Sound & display"),
            .list([row(.doNotDisturb), row(.darkMode)] + levels),
        ]
    }
}
