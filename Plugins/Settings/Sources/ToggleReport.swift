import RelayKit

/// Words and data for a toggle's change, shared by the set and flip actions.
enum ToggleReport {
    static func outcome(_ change: SettingsStore.ToggleChange) -> ActionOutcome {
        let state = change.isOn ? "on" : "off"
        var message = change.wasOn == change.isOn
            ? "\(change.toggle.displayName) was already \(state)."
            : "\(change.toggle.displayName) is now \(state)."
        let switched = Toggle.allCases.filter { change.sideEffects[$0] != nil }
        if !switched.isEmpty {
            message += " " + switched.map(\.displayName).joined(separator: " and ") + (switched.count == 1 ? " is" : " are") + " off."
        }
        var data: JSONObject = [
            "toggle": .string(change.toggle.rawValue),
            "on": .bool(change.isOn),
            "changed": .bool(change.wasOn != change.isOn),
        ]
        if !switched.isEmpty {
            data["also_turned_off"] = .array(switched.map { .string($0.rawValue) })
        }
        return .done(message, data: data)
    }
}
