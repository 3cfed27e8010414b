import RelayKit

/// `settings.adjust_level`: raise or lower brightness or volume by a step.
struct AdjustLevel: Action {
    static let name = "settings.adjust_level"
    static let description = "Raise or lower the brightness or the volume by a step in percent (default 10), staying within 0 to 100."
    static let permission = Permission.write
    static let readBack: String? = "Turn the {level} {direction}[ by {step}]?"
    static let parameters: [Parameter] = [
        .choice("level", "Brightness or volume", SettingsChoices.levels),
        .choice("direction", "Up or down", SettingsChoices.directions),
        .percentage("step", "How many percent to move", default: 10),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (turn|bring|move|put) <the> {level} {direction} [by {step}] <please>",
            Sentence("<please> (increase|raise|boost) <the> {level} [by {step}]", fixing: ["direction": .string("up")]),
            Sentence("<please> (decrease|lower|reduce|dim) <the> {level} [by {step}]", fixing: ["direction": .string("down")]),
            Sentence("<please> make it louder", fixing: ["direction": .string("up"), "level": .string("volume")]),
            Sentence("<please> make it brighter", fixing: ["direction": .string("up"), "level": .string("brightness")]),
            Sentence("(louder|volume up) <please>", fixing: ["direction": .string("up"), "level": .string("volume")]),
            Sentence("(quieter|volume down) <please>", fixing: ["direction": .string("down"), "level": .string("volume")]),
            Sentence("(brighter|brightness up) <please>", fixing: ["direction": .string("up"), "level": .string("brightness")]),
            Sentence("(dimmer|darker|brightness down) <please>", fixing: ["direction": .string("down"), "level": .string("brightness")]),
        ],
        "zh": ["<please>把{level}{direction}[一点]"],
    ]

    let level: Level
    let step: Int

    init(arguments: Arguments) throws {
        level = try SettingsChoices.level(arguments)
        let direction: String = try arguments.value("direction")
        let magnitude: Int = try arguments.value("step")
        step = direction == "down" ? -magnitude : magnitude
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let level = level, step = step
        let (before, after) = try await context.write { db in try SettingsStore.adjust(db, level, by: step) }
        return LevelReport.outcome(level, before: before, after: after)
    }
}
