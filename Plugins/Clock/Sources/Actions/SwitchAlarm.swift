import RelayKit

/// `clock.switch_alarm`: switch an alarm off without deleting it, or back on (the alarm list's switches).
struct SwitchAlarm: Action {
    static let name = "clock.switch_alarm"
    static let description = "Switch the alarm at a time of day off without deleting it, or back on."
    static let permission = Permission.write
    static let readBack: String? = "Switch the alarm at {time}[ called {label}] {on}?"
    static let parameters: [Parameter] = [
        .timeOfDay("time", "The alarm's time (24-hour HH:MM)"),
        .label("label", "The alarm's label, when several ring at that time"),
        .boolean("on", "True to switch it on, false to switch it off"),
    ]
    static let sentences: Sentences = [
        "en": [
            Sentence("<please> (switch|turn) <the> alarm (for|at) {time} back on", fixing: ["on": .bool(true)]),
            Sentence("<please> (switch|turn) <the> {time} alarm back on", fixing: ["on": .bool(true)]),
            // Off without deleting: "disable" keeps the alarm, "cancel" and "delete" do not (clock.cancel_alarm).
            Sentence("<please> (disable|deactivate|pause) <the> alarm (for|at) {time} <please>", fixing: ["on": .bool(false)]),
            Sentence("<please> (disable|deactivate|pause) <the> {time} alarm <please>", fixing: ["on": .bool(false)]),
            Sentence("<please> (enable|reenable|activate|reactivate) <the> alarm (for|at) {time} [again] <please>", fixing: ["on": .bool(true)]),
            Sentence("<please> (enable|reenable|activate|reactivate) <the> {time} alarm [again] <please>", fixing: ["on": .bool(true)]),
        ],
    ]

    let time: TimeOfDay
    let label: String?
    let on: Bool

    init(arguments: Arguments) throws {
        time = try arguments.value("time")
        label = try arguments.valueIfPresent("label")
        on = try arguments.value("on")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let time = time, label = label, on = on, now = context.now
        let switched = try await context.write { db in
            try ClockStore.switchAlarms(db, hour: time.hour, minute: time.minute, label: label, on: on, at: now)
        }
        guard let first = switched.first else {
            return .notFound("There is no alarm at \(time.spoken)\(label.map { " called \($0)" } ?? "").")
        }
        return .done("The alarm for \(ClockReport.spoken(first)) is \(on ? "on" : "off").", data: [
            "alarms": .array(switched.map(ClockReport.json)), "on": .bool(on),
        ])
    }
}
