import RelayKit

/// `settings.get_level`: say the brightness or volume.
struct GetLevel: Action {
    static let name = "settings.get_level"
    static let description = "Tell the current brightness or volume in percent."
    static let permission = Permission.read
    static let parameters: [Parameter] = [.choice("level", "Brightness or volume", SettingsChoices.levels)]
    static let sentences: Sentences = [
        "en": ["what is <the> {level} [level|set to|at]", "how (loud|bright) is (it|the phone|the screen)", "(check|tell me) <the> {level}"],
        "zh": ["{level}是多少"],
    ]

    let level: Level

    init(arguments: Arguments) throws {
        level = try SettingsChoices.level(arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let level = level
        let percent = try await context.read { db in try SettingsStore.percent(db, level) }
        return .done("\(level.displayName) is at \(percent)%.", data: ["level": .string(level.rawValue), "percent": .int(percent)])
    }
}
