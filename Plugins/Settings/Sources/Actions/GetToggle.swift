import RelayKit

/// `settings.get_toggle`: say whether a setting is on.
struct GetToggle: Action {
    static let name = "settings.get_toggle"
    static let description = "Tell whether a setting (Wi-Fi, Bluetooth, Do Not Disturb, airplane mode, dark mode) is on."
    static let permission = Permission.read
    static let parameters: [Parameter] = [.choice("toggle", "Which setting", SettingsChoices.toggles)]
    static let sentences: Sentences = [
        "en": [
            "is <the> {toggle} (on|off|enabled|disabled)",
            "(is|are) <the> {toggle} (turned|switched) (on|off)",
            "what is <the> {toggle} (status|state|set to)",
            "(check|status of) <the> {toggle}",
        ],
        "zh": ["{toggle}(开着吗|打开了吗|是开着的吗)"],
    ]

    let toggle: Toggle

    init(arguments: Arguments) throws {
        toggle = try SettingsChoices.toggle(arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let toggle = toggle
        let isOn = try await context.read { db in try SettingsStore.isOn(db, toggle) }
        return .done("\(toggle.displayName) is \(isOn ? "on" : "off").", data: ["toggle": .string(toggle.rawValue), "on": .bool(isOn)])
    }
}
