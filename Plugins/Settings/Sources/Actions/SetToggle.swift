import RelayKit

/// `settings.set_toggle`: turn Wi-Fi, Bluetooth, Do Not Disturb, airplane mode or dark mode on or off.
struct SetToggle: Action {
    static let name = "settings.set_toggle"
    static let description = "Turn a setting on or off: Wi-Fi, Bluetooth, Do Not Disturb, airplane mode or dark mode."
    static let permission = Permission.write
    static let readBack: String? = "Turn {toggle} {on}?"
    static let parameters: [Parameter] = [
        .choice("toggle", "Which setting", SettingsChoices.toggles),
        .boolean("on", "True to turn it on, false to turn it off"),
    ]
    static let sentences: Sentences = [
        "en": [
            Sentence("<please> <turn_on> <the> {toggle} <please>", fixing: ["on": .bool(true)]),
            Sentence("<please> (turn|switch|put) <the> {toggle} on <please>", fixing: ["on": .bool(true)]),
            Sentence("<please> <turn_off> <the> {toggle} <please>", fixing: ["on": .bool(false)]),
            Sentence("<please> (turn|switch) <the> {toggle} off <please>", fixing: ["on": .bool(false)]),
            Sentence("(go|switch) to {toggle}", fixing: ["on": .bool(true)]),
            "<set> <the> {toggle} [to] {on}",
        ],
        "zh": [
            Sentence("<please><turn_on>{toggle}", fixing: ["on": .bool(true)]),
            Sentence("<please><turn_off>{toggle}", fixing: ["on": .bool(false)]),
        ],
    ]

    let toggle: Toggle
    let on: Bool

    init(arguments: Arguments) throws {
        toggle = try SettingsChoices.toggle(arguments)
        on = try arguments.value("on")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let toggle = toggle, on = on
        let change = try await context.write { db in try SettingsStore.set(db, toggle, on: on) }
        return ToggleReport.outcome(change)
    }
}
