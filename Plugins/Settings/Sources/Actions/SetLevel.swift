import RelayKit

/// `settings.set_level`: set brightness or volume to a percentage.
struct SetLevel: Action {
    static let name = "settings.set_level"
    static let description = "Set the brightness or the volume to a percentage."
    static let permission = Permission.write
    static let readBack: String? = "Set the {level} to {percent}?"
    static let parameters: [Parameter] = [
        .choice("level", "Brightness or volume", SettingsChoices.levels),
        .percentage("percent", "The new value, 0 to 100"),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> <set> <the> {level} [level] (to|at) {percent} <please>",
            "<please> (turn|put) <the> {level} (to|at) {percent}",
            "{level} [to] {percent}",
            Sentence("<please> mute <the> (sound|volume|phone)", fixing: ["level": .string("volume"), "percent": .int(0)]),
            // A change said with its end point is a level: "raise the volume to 65", "turn the brightness down to 20".
            "<please> (raise|lower|increase|decrease|reduce|boost|bring|drop) <the> {level} [up|down] to {percent} <please>",
            Sentence("<please> (max|maximum|full) {level}", fixing: ["percent": .int(100)]),
            Sentence("<please> (min|minimum|lowest) {level}", fixing: ["percent": .int(0)]),
            Sentence("<please> turn <the> {level} all the way up <please>", fixing: ["percent": .int(100)]),
            Sentence("<please> turn <the> {level} all the way down <please>", fixing: ["percent": .int(0)]),
        ],
        "zh": ["<please>把{level}(调到|设为|设置为){percent}"],
    ]

    let level: Level
    let percent: Int

    init(arguments: Arguments) throws {
        level = try SettingsChoices.level(arguments)
        percent = try arguments.value("percent")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let level = level, percent = percent
        let (before, after) = try await context.write { db in try SettingsStore.set(db, level, percent: percent) }
        return LevelReport.outcome(level, before: before, after: after)
    }
}

/// Words and data for a level's change.
enum LevelReport {
    static func outcome(_ level: Level, before: Int, after: Int) -> ActionOutcome {
        let message = before == after
            ? "\(level.displayName) is already at \(after)%."
            : "\(level.displayName) is now \(after)% (was \(before)%)."
        return .done(message, data: [
            "level": .string(level.rawValue), "percent": .int(after), "previous": .int(before),
        ])
    }
}
