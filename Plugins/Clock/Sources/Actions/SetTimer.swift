import RelayKit

/// `clock.set_timer`: a countdown of a duration, optionally labelled.
struct SetTimer: Action {
    static let name = "clock.set_timer"
    static let description = "Start a countdown timer for a duration (1 second to 24 hours), with an optional label."
    static let permission = Permission.write
    static let readBack: String? = "(Start a {duration:compound} [{label} ]timer|Start a [{label} ]timer for {duration})?"
    static let parameters: [Parameter] = [
        .duration("duration", "How long, in seconds", seconds: 1...86_400),
        .label("label", "What it is for, e.g. pasta"),
    ]
    static let sentences: Sentences = [
        "en": [
            "<please> (set|start|create) [a|an] timer for {duration} <please>",
            "<please> (set|start|create) [a|an] {duration} timer <please>",
            "<please> (set|start|create) [a|an] {label} timer for {duration}",
            "<please> (set|start|create) [a|an] timer for {duration} (for|called|named) [the] {label}",
            "timer [for] {duration}",
            "remind me in {duration}",
        ],
        "zh": ["<please>(设|设置|定)[一个]{duration}的计时器", "<please>计时{duration}"],
    ]

    let seconds: Int
    let label: String?

    init(arguments: Arguments) throws {
        let duration: Duration = try arguments.value("duration")
        seconds = Int(duration.components.seconds)
        label = try arguments.valueIfPresent("label")
    }

    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let seconds = seconds, label = label, now = context.now
        let timer = try await context.write { db in try ClockStore.setTimer(db, seconds: Double(seconds), label: label, at: now) }
        return .done("Started a\(label.map { " \($0)" } ?? "") timer for \(ClockReport.spoken(seconds: timer.seconds)).", data: [
            "timer": ClockReport.json(timer, now: now),
        ])
    }
}
