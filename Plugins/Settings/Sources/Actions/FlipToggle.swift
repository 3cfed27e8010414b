import RelayKit

/// `settings.flip_toggle`: switch a setting to its other state.
struct FlipToggle: Action {
    static let name = "settings.flip_toggle"
    static let description = "Switch a setting to its other state (on becomes off, off becomes on)."
    static let permission = Permission.write
    static let readBack: String? = "Switch {toggle} to its other state?"
    static let parameters: [Parameter] = [.choice("toggle", "Which setting", SettingsChoices.toggles)]
    static let sentences: Sentences = [
        "en": ["<please> (toggle|flip) <the> {toggle} <please>"],
        "zh": ["<please>切换{toggle}"],
    ]

    let toggle: Toggle

    init(arguments: Arguments) throws {
        toggle = try SettingsChoices.toggle(arguments)
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let toggle = toggle
        let change = try await context.write { db in try SettingsStore.set(db, toggle, on: nil) }
        return ToggleReport.outcome(change)
    }
}
