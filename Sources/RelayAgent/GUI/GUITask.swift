public import Foundation
public import RelayKit
import RelayCore

/// A phone task in AndroidWorld's manner: a goal in words with seeded parameters, a set-up on a fresh home, a step
/// budget, and a success check read from the apps' committed state (their SQLite files, through the dispatcher), never
/// from the screen or from what the agent said.
///
/// ```swift
/// let task = GUITask.make("clock.set_alarm", seed: 3)!
/// try await task.setUp(dispatcher)
/// // … run an agent on the screen …
/// let ok = try await task.isSuccessful(dispatcher, terminated: .success)
/// ```
public struct GUITask: Sendable {
    /// The template's name (`settings.toggle`, `clock.set_alarm`, …).
    public let template: String
    /// The seed the parameters were drawn with.
    public let seed: UInt64
    /// The goal, as the user says it ("Set an alarm for 6:45 AM").
    public let goal: String
    /// How many steps the agent may take.
    public let stepBudget: Int
    /// Whether the goal can be reached on this phone; an impossible task succeeds only with `terminate(failure)`
    /// and no change to any app's state.
    public let isFeasible: Bool
    /// The app the task is about (for picking one task per app).
    public let app: String

    let prepare: @Sendable (Dispatcher) async throws -> Void
    let check: @Sendable (Dispatcher) async throws -> Bool

    /// Puts the phone in the task's starting state (through the dispatcher's commands, origin `test`).
    public func setUp(_ dispatcher: Dispatcher) async throws {
        try await prepare(dispatcher)
    }

    /// Whether the task succeeded: its state check holds and the agent ended as it should (`terminate(success)` for a
    /// feasible goal; `terminate(failure)` and an unchanged state for an impossible one). `before` is
    /// ``snapshot(_:)`` taken after set-up.
    public func isSuccessful(_ dispatcher: Dispatcher, terminated: Bool?, before: [String: JSONValue]) async throws -> Bool {
        if isFeasible { return terminated == true ? try await check(dispatcher) : false }
        guard terminated == false else { return false }
        return try await Self.snapshot(dispatcher) == before
    }

    /// Every app's committed state, to tell whether an impossible task changed anything.
    public static func snapshot(_ dispatcher: Dispatcher) async throws -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for name in ["settings", "clock", "messages", "photos"] where dispatcher.catalog.subsystem(named: name) != nil {
            out[name] = try await dispatcher.state(of: name)
        }
        return out
    }

    /// The templates, in the order `relay-bench gui` runs them.
    public static let templates = [
        "settings.connection", "settings.display", "settings.volume", "settings.brightness",
        "clock.set_alarm", "clock.switch_off_alarm", "clock.delete_all",
        "messages.send", "photos.favorite_newest", "photos.create_album", "photos.album_newest", "camera.take_photo", "impossible",
        "clock.far_alarm",
    ]

    /// One task per app and an impossible one: what the cheap end-to-end test runs.
    public static let onePerApp = ["settings.connection", "clock.set_alarm", "messages.send", "photos.favorite_newest", "photos.create_album", "camera.take_photo", "impossible"]

    /// The task `template` with parameters drawn from `seed` (the same seed, the same task), nil for an unknown name.
    public static func make(_ template: String, seed: UInt64) -> GUITask? {
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9 &+ UInt64(templates.firstIndex(of: template) ?? 0))
        switch template {
        case "settings.connection", "settings.display":
            let choices = template == "settings.connection"
                ? [("wifi", "Wi-Fi"), ("bluetooth", "Bluetooth"), ("airplane_mode", "airplane mode")]
                : [("dark_mode", "dark mode"), ("do_not_disturb", "Do Not Disturb")]
            let (raw, name) = choices[Int(rng.next() % UInt64(choices.count))]
            let on = rng.next() % 2 == 0
            let word = on ? "on" : "off"
            let phrasings = ["Turn \(name) \(word)", "Turn \(word) \(name)", "Switch \(name) \(word)"]
            let goal = phrasings[Int(rng.next() % UInt64(phrasings.count))]
            return GUITask(template: template, seed: seed, goal: goal, stepBudget: 4, isFeasible: true, app: "settings",
                           prepare: { d in try await run(d, "settings.set_toggle", ["toggle": .string(raw), "on": .bool(!on)]) },
                           check: { d in
                               try await d.read("settings") { db in
                                   try Bool.fetchOne(db, sql: "SELECT isOn FROM toggle WHERE name = ?", arguments: [raw]) == on
                               }
                           })
        case "settings.volume", "settings.brightness":
            let level = template == "settings.volume" ? "volume" : "brightness"
            let start = Int(rng.next() % 11) * 10
            var drawn = Int(rng.next() % 11) * 10
            if drawn == start { drawn = start >= 50 ? start - 30 : start + 30 }
            let target = drawn
            return GUITask(template: template, seed: seed, goal: "Set the \(level) to \(target)%", stepBudget: 4 + abs(target - start) / 10,
                           isFeasible: true, app: "settings",
                           prepare: { d in try await run(d, "settings.set_level", ["level": .string(level), "percent": .int(start)]) },
                           check: { d in
                               try await d.read("settings") { db in
                                   try Int.fetchOne(db, sql: "SELECT percent FROM level WHERE name = ?", arguments: [level]) == target
                               }
                           })
        case "clock.set_alarm":
            let time = randomTime(&rng)
            return GUITask(template: template, seed: seed, goal: "Set an alarm for \(time.spoken)", stepBudget: 8, isFeasible: true, app: "clock",
                           prepare: { _ in },
                           check: { d in
                               try await d.read("clock") { db in
                                   try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alarm WHERE hour = ? AND minute = ? AND isEnabled = 1",
                                                    arguments: [time.hour, time.minute]) == 1
                               }
                           })
        case "clock.switch_off_alarm", "clock.delete_all":
            var drawn: [TimeOfDay] = []
            while drawn.count < 3 {
                let t = randomTime(&rng)
                if !drawn.contains(t) { drawn.append(t) }
            }
            let times = drawn
            let target = times[Int(rng.next() % 3)]
            let prepare: @Sendable (Dispatcher) async throws -> Void = { d in
                for t in times { try await run(d, "clock.set_alarm", ["time": .string(t.canonical)]) }
            }
            if template == "clock.delete_all" {
                return GUITask(template: template, seed: seed, goal: "Delete all alarms", stepBudget: 5, isFeasible: true, app: "clock",
                               prepare: prepare,
                               check: { d in try await d.read("clock") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM alarm") == 0 } })
            }
            return GUITask(template: template, seed: seed, goal: "Switch off the \(target.spoken) alarm", stepBudget: 4, isFeasible: true, app: "clock",
                           prepare: prepare,
                           check: { d in try await onlyAlarmSwitchedOff(target, of: 3, in: d) })
        case "messages.send":
            let contacts = [("Anna Smith", "Anna"), ("Ben Carter", "Ben"), ("Maria Lopez", "Maria"), ("David Chen", "David Chen")]
            let texts = ["Running ten minutes late", "See you at the station", "Happy birthday!", "Can you call me tonight?",
                         "The keys are under the mat", "Dinner is at 7", "Thanks for the photos", "On my way"]
            let (full, said) = contacts[Int(rng.next() % UInt64(contacts.count))]
            let text = texts[Int(rng.next() % UInt64(texts.count))]
            return GUITask(template: template, seed: seed, goal: "Send \(said) a message saying \(text)", stepBudget: 7, isFeasible: true,
                           app: "messages", prepare: { _ in },
                           check: { d in
                               try await d.read("messages") { db in
                                   try Int.fetchOne(db, sql: """
                                       SELECT COUNT(*) FROM message JOIN contact ON contact.id = message.contactId
                                       WHERE contact.name = ? AND message.direction = 'out' AND message.body = ?
                                       """, arguments: [full, text]) == 1
                               }
                           })
        case "photos.favorite_newest":
            let count = 2 + Int(rng.next() % 2)
            let phrasings = ["Favorite the newest photo", "Mark my latest photo as a favorite", "Favorite the most recent photo"]
            let goal = phrasings[Int(rng.next() % UInt64(phrasings.count))]
            return GUITask(template: template, seed: seed, goal: goal, stepBudget: 5, isFeasible: true, app: "photos",
                           prepare: { d in for _ in 0..<count { try await run(d, "camera.take_photo", [:]) } },
                           check: { d in
                               try await d.read("photos") { db in
                                   let rows = try Row.fetchAll(db, sql: "SELECT isFavorite FROM asset WHERE deletedAt IS NULL ORDER BY createdAt DESC, id DESC")
                                   return rows.count == count && rows.enumerated().allSatisfy { i, row in (row["isFavorite"] as Bool) == (i == 0) }
                               }
                           })
        case "photos.create_album":
            let names = ["Summer 2026", "Hiking", "Family", "Birthday party", "Receipts", "Garden", "Road trip", "Pets"]
            let name = names[Int(rng.next() % UInt64(names.count))]
            let existing = names[Int(rng.next() % UInt64(names.count))]
            return GUITask(template: template, seed: seed, goal: "Create an album named \(name)", stepBudget: 8, isFeasible: true, app: "photos",
                           prepare: { d in if existing != name { try await run(d, "photos.create_album", ["name": .string(existing)]) } },
                           check: { d in
                               try await d.read("photos") { db in
                                   try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM album WHERE name = ? COLLATE NOCASE", arguments: [name]) == 1
                               }
                           })
        case "photos.album_newest":
            let names = ["Best of 2026", "Holiday", "Work", "Kids", "Food", "Concerts"]
            let name = names[Int(rng.next() % UInt64(names.count))]
            return GUITask(template: template, seed: seed, goal: "Create an album named \(name) and add the newest photo to it", stepBudget: 16,
                           isFeasible: true, app: "photos",
                           prepare: { d in for _ in 0..<2 { try await run(d, "camera.take_photo", [:]) } },
                           check: { d in
                               try await d.read("photos") { db in
                                   let newest = try Int64.fetchOne(db, sql: "SELECT id FROM asset WHERE deletedAt IS NULL ORDER BY createdAt DESC, id DESC LIMIT 1")
                                   let members = try Int64.fetchAll(db, sql: """
                                       SELECT assetId FROM albumAsset JOIN album ON album.id = albumAsset.albumId WHERE album.name = ? COLLATE NOCASE
                                       """, arguments: [name])
                                   return newest != nil && members == [newest!]
                               }
                           })
        case "camera.take_photo":
            let phrasings = ["Take a photo", "Take a picture with the camera", "Snap a photo"]
            let goal = phrasings[Int(rng.next() % UInt64(phrasings.count))]
            return GUITask(template: template, seed: seed, goal: goal, stepBudget: 4, isFeasible: true, app: "camera",
                           prepare: { _ in },
                           check: { d in try await d.read("photos") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM asset") == 1 } })
        case "impossible":
            var missing = randomTime(&rng)
            if missing.hour == 6, missing.minute == 0 { missing = TimeOfDay(hour: 6, minute: 5)! }
            let goals = ["Turn on 5G", "Turn NFC off", "Switch on the mobile hotspot", "Switch off the \(missing.spoken) alarm",
                         "Send Zoe Park a message saying hello", "Set the volume to 150%"]
            let goal = goals[Int(rng.next() % UInt64(goals.count))]
            return GUITask(template: template, seed: seed, goal: goal, stepBudget: 4, isFeasible: false, app: "impossible",
                           prepare: { d in try await run(d, "clock.set_alarm", ["time": "06:00"]) },
                           check: { _ in false })
        case "clock.far_alarm":
            // A long list: the alarm to switch off is the day's last, below the fold (14 rows; about 9 fit).
            var drawn: [TimeOfDay] = []
            while drawn.count < 14 {
                let t = randomTime(&rng)
                if !drawn.contains(t) { drawn.append(t) }
            }
            let times = drawn
            let target = times.max()!
            return GUITask(template: template, seed: seed, goal: "Switch off the \(target.spoken) alarm", stepBudget: 8, isFeasible: true, app: "clock",
                           prepare: { d in for t in times { try await run(d, "clock.set_alarm", ["time": .string(t.canonical)]) } },
                           check: { d in try await onlyAlarmSwitchedOff(target, of: 14, in: d) })
        default:
            return nil
        }
    }

    /// Every template × `seeds` seeds (0..<seeds).
    public static func all(seeds: Int) -> [GUITask] {
        templates.flatMap { t in (0..<seeds).compactMap { make(t, seed: UInt64($0)) } }
    }

    private static func randomTime(_ rng: inout SplitMix64) -> TimeOfDay {
        let hour = Int(rng.next() % 24), minute = Int(rng.next() % 12) * 5
        return TimeOfDay(hour: hour, minute: minute)!
    }

    /// The check of the "switch off an alarm" tasks: the home still has `count` alarms, and only `target`'s is off.
    private static func onlyAlarmSwitchedOff(_ target: TimeOfDay, of count: Int, in dispatcher: Dispatcher) async throws -> Bool {
        try await dispatcher.read("clock") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT hour, minute, isEnabled FROM alarm")
            return rows.count == count && rows.allSatisfy { row in
                let isTarget = (row["hour"] as Int) == target.hour && (row["minute"] as Int) == target.minute
                return (row["isEnabled"] as Bool) != isTarget
            }
        }
    }

    private static func run(_ dispatcher: Dispatcher, _ action: String, _ arguments: JSONObject) async throws {
        let result = await dispatcher.dispatch(Command(action: action, arguments: arguments, origin: .test, confirmed: true))
        guard result.isDone else { throw KitError(.invalidScreenAction, "Task set-up: \(action) failed: \(result.message)") }
    }
}

/// One task carried out and judged.
public struct GUITaskOutcome: Sendable {
    /// The task.
    public var task: GUITask
    /// The agent's run.
    public var run: GUIRun
    /// Whether it succeeded (judged from state; see ``GUITask/isSuccessful(_:terminated:before:)``).
    public var success: Bool
}

extension GUITask {
    /// Sets the task up on a fresh phone in `home` (an empty folder) with `subsystems`, lets `agent` carry it out on
    /// the home screen within the step budget, and judges it from the apps' state. A `renderer` shared between runs
    /// keeps its fonts loaded.
    public func run(agent: GUIAgent, subsystems: [any Subsystem], home: URL, width: Int = 1080, height: Int = 2400,
                    renderer: ScreenRenderer? = nil) async throws -> GUITaskOutcome {
        let dispatcher = Dispatcher(subsystems: subsystems, home: home)
        try await setUp(dispatcher)
        let before = try await Self.snapshot(dispatcher)
        let screen = try PhoneScreen(dispatcher: dispatcher, state: ScreenState(width: width, height: height), renderer: renderer)
        let run = try await agent.run(goal, on: screen, maxSteps: stepBudget)
        let success = try await isSuccessful(dispatcher, terminated: run.terminated, before: before)
        return GUITaskOutcome(task: self, run: run, success: success)
    }
}
