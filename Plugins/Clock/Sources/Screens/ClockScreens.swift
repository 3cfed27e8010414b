import RelayKit

/// The Clock app's alarm list: each alarm with a switch, and a button to add one.
struct AlarmListScreen: Screen {
    static let name = "clock.main"
    static let title = "Alarms"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        let alarms = try ClockStore.alarms(db)
        var rows: [ScreenNode] = alarms.map { alarm in
            let time = TimeOfDay(hour: alarm.hour, minute: alarm.minute)?.spoken ?? alarm.time
            let repeats = switch alarm.repeats {
            case "daily": "Every day"
            case "weekdays": "Weekdays"
            case "weekends": "Weekends"
            default: "Once"
            }
            let detail = [alarm.label, repeats].compactMap { $0 }.joined(separator: " · ")
            var arguments: JSONObject = ["time": .string(alarm.time), "on": .bool(!alarm.isEnabled)]
            if let label = alarm.label { arguments["label"] = .string(label) }
            return .toggle(time, detail: detail, isOn: alarm.isEnabled, tap: .call(SwitchAlarm.name, arguments))
        }
        if rows.isEmpty { rows = [.text("No alarms", style: .caption)] }
        var nodes: [ScreenNode] = [.list(rows), .button("Add alarm", tap: .open(AddAlarmScreen.name))]
        // Destructive: the dispatcher asks first, and the screen shows its question as a dialog.
        if !alarms.isEmpty { nodes.append(.button("Delete all alarms", tap: .call(CancelAllAlarms.name, [:]))) }
        return nodes
    }
}

/// A new alarm: its time and label typed into two fields.
struct AddAlarmScreen: Screen {
    static let name = "clock.add_alarm"
    static let title = "Add alarm"

    static func body(_ db: Database, parameters: JSONObject) throws -> [ScreenNode] {
        [
            .textField(id: "time", label: "Time", placeholder: "7:30"),
            .textField(id: "label", label: "Label", placeholder: "Optional"),
            .button("Save", tap: .call(SetAlarm.name, [:], fields: ["time": "time", "label": "label"], thenBack: true)),
        ]
    }
}
