import RelayKit

/// `settings.show_settings`: every toggle and level at once.
struct ShowSettings: Action {
    static let name = "settings.show_settings"
    static let description = "List every setting: which toggles are on, and the brightness and volume."
    static let permission = Permission.read
    static let sentences: Sentences = [
        "en": ["<show> <the> settings", "(what are|show me) <the> (current|quick) settings", "settings status"],
        "zh": ["显示设置"],
    ]

    init(arguments: Arguments) throws {}

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let (toggles, levels) = try await context.read { db in
            (try SettingsStore.toggles(db), try Level.allCases.map { ($0, try SettingsStore.percent(db, $0)) })
        }
        let on = Toggle.allCases.filter { toggles[$0] == true }.map(\.displayName)
        var message = on.isEmpty ? "Everything is off." : "On: " + on.joined(separator: ", ") + "."
        message += " " + levels.map { "\($0.0.displayName) \($0.1)%" }.joined(separator: ", ") + "."
        var data = JSONObject()
        for toggle in Toggle.allCases { data[toggle.rawValue] = .bool(toggles[toggle] ?? false) }
        for (level, percent) in levels { data[level.rawValue] = .int(percent) }
        return .done(message, data: data)
    }
}
