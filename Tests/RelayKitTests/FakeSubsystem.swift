import Foundation
import RelayKit
import RelayJSON

/// A small subsystem exercising every parameter kind and every failure path the dispatcher handles.
struct FakeSubsystem: Subsystem {
    let name = "fake"
    let displayName = "Fake"
    let summary = "A test double."
    var actions: [any Action.Type] {
        [AddItem.self, SetLevel.self, SetToggle.self, RenameAlbum.self, DeleteEverything.self, WriteThenThrow.self,
         HangPolitely.self, HangStubbornly.self, HangInsideWrite.self, SetAlarm.self, SetTimer.self, FindItems.self, Repeat.self, SendNote.self]
    }
    var rules: SentenceRules { ["en": ["item": "(item|thing)"]] }
    var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.create(table: "item") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
            }
            try db.create(table: "album") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            for n in ["Vacation", "Anna Smith", "Anna Jones"] {
                try db.execute(sql: "INSERT INTO album(name) VALUES (?)", arguments: [n])
            }
        }
        return m
    }

    func entities(of kind: EntityKind, in db: Database) throws -> [Entity] {
        guard kind == "album" else { return [] }
        return try Row.fetchAll(db, sql: "SELECT id, name FROM album ORDER BY id").map {
            Entity(id: $0["id"] as Int64, name: $0["name"])
        }
    }

    static func set(_ key: String, _ value: String, in context: ActionContext) async throws {
        try await context.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }
}

struct AddItem: Action {
    static let name = "fake.add_item"
    static let description = "Add an item."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.string("name", "The item's name")]
    static let sentences: Sentences = ["en": ["add [a|an] [new] <item> (called|named) {name}"], "zh": ["添加{name}"]]
    let name: String
    init(arguments: Arguments) throws { name = try arguments.value("name") }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let id = try await context.write { db in
            try db.execute(sql: "INSERT INTO item(name) VALUES (?)", arguments: [name])
            return db.lastInsertedRowID
        }
        return .done("Added \(name).", data: ["id": .int(Int(id))])
    }
}

struct SetLevel: Action {
    static let name = "fake.set_level"
    static let description = "Set the level."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.percentage("level", "The level in percent")]
    static let sentences: Sentences = ["en": ["<set> [the] level to {level}", "level {level} [percent]"], "zh": ["把级别调到{level}"]]
    let level: Int
    init(arguments: Arguments) throws { level = try arguments.value("level") }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await FakeSubsystem.set("level", String(level), in: context)
        return .done("The level is now \(level)%.")
    }
}

struct SetToggle: Action {
    static let name = "fake.set_toggle"
    static let description = "Turn a switch on or off."
    static let permission = Permission.write
    static let parameters: [Parameter] = [
        .choice("toggle", "Which switch", [Choice("wifi", en: ["wi-fi", "wireless"], zh: ["无线网络"]), Choice("dark_mode", en: ["dark theme"])]),
        .boolean("on", "On or off"),
    ]
    static let sentences: Sentences = [
        "en": [
            Sentence("<turn_on> [the] {toggle}", fixing: ["on": true]),
            Sentence("<turn_off> [the] {toggle}", fixing: ["on": false]),
            "turn [the] {toggle} {on}",
        ],
        "zh": [Sentence("<turn_on>{toggle}", fixing: ["on": true])],
    ]
    let toggle: String
    let on: Bool
    init(arguments: Arguments) throws {
        toggle = try arguments.value("toggle")
        on = try arguments.value("on")
    }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await FakeSubsystem.set(toggle, on ? "on" : "off", in: context)
        return .done("\(toggle) is \(on ? "on" : "off").")
    }
}

struct RenameAlbum: Action {
    static let name = "fake.rename_album"
    static let description = "Rename an album."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.entity("album", "The album", kind: "album"), .string("name", "The new name")]
    static let sentences: Sentences = ["en": ["rename [the] [album] {album} to {name}"]]
    let album: Entity
    let name: String
    init(arguments: Arguments) throws {
        album = try arguments.value("album")
        name = try arguments.value("name")
    }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await context.write { [album, name] db in
            try db.execute(sql: "UPDATE album SET name = ? WHERE id = ?", arguments: [name, album.rowID])
        }
        return .done("Renamed \(album.name) to \(name).")
    }
}

struct DeleteEverything: Action {
    static let name = "fake.delete_everything"
    static let description = "Permanently delete every item."
    static let permission = Permission.destructive
    static let sentences: Sentences = ["en": ["delete everything"]]
    init(arguments: Arguments) throws {}
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let n = try await context.write { db in
            try db.execute(sql: "DELETE FROM item")
            return db.changesCount
        }
        return .done("Deleted \(n) items.")
    }
}

struct WriteThenThrow: Action {
    struct Boom: Error, CustomStringConvertible { var description: String { "the disk is on fire" } }
    static let name = "fake.write_then_throw"
    static let description = "Write, then fail."
    static let permission = Permission.write
    init(arguments: Arguments) throws {}
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await context.write { db in try db.execute(sql: "INSERT INTO item(name) VALUES ('half-done')") }
        try await context.write { db in try db.execute(sql: "INSERT INTO item(name) VALUES ('also half-done')") }
        throw Boom()
    }
}

struct HangPolitely: Action {
    static let name = "fake.hang_politely"
    static let description = "Sleep for a minute, honouring cancellation."
    static let permission = Permission.write
    init(arguments: Arguments) throws {}
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await context.write { db in try db.execute(sql: "INSERT INTO item(name) VALUES ('before the hang')") }
        try await Task.sleep(for: .seconds(60))
        return .done("Woke up.")
    }
}

struct HangStubbornly: Action {
    static let release = Flag()
    static let finished = Flag()
    static let name = "fake.hang_stubbornly"
    static let description = "Block for a while, ignoring cancellation."
    static let permission = Permission.write
    init(arguments: Arguments) throws {}
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await context.write { db in try db.execute(sql: "INSERT INTO item(name) VALUES ('before the block')") }
        blockThread(until: HangStubbornly.release)  // ignores cancellation on purpose
        _ = try? await context.write { db in try db.execute(sql: "INSERT INTO item(name) VALUES ('after the block')") }
        HangStubbornly.finished.set()
        return .done("Finished late.")
    }
}

struct HangInsideWrite: Action {
    static let entered = Flag()
    static let release = Flag()
    static let name = "fake.hang_inside_write"
    static let description = "Block inside a database write."
    static let permission = Permission.write
    init(arguments: Arguments) throws {}
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await context.write { db in
            try db.execute(sql: "INSERT INTO item(name) VALUES ('stuck')")
            HangInsideWrite.entered.set()
            blockThread(until: HangInsideWrite.release)
        }
        return .done("Finished late.")
    }
}

struct SetAlarm: Action {
    static let name = "fake.set_alarm"
    static let description = "Set an alarm."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.timeOfDay("time", "When it rings"), .string("label", "A label", required: false)]
    static let sentences: Sentences = ["en": ["(set|create) [an] alarm (for|at) {time}", "wake me up at {time}"], "zh": ["<please>设置{time}的闹钟"]]
    let time: TimeOfDay
    init(arguments: Arguments) throws { time = try arguments.value("time") }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await FakeSubsystem.set("alarm", time.canonical, in: context)
        return .done("Alarm set for \(time.spoken).")
    }
}

struct SetTimer: Action {
    static let name = "fake.set_timer"
    static let description = "Start a timer."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.duration("duration", "How long", seconds: 1...86_400)]
    static let sentences: Sentences = ["en": ["(set|start) [a] timer for {duration}", "{duration} timer"], "zh": ["设置{duration}的计时器"]]
    let seconds: Int
    init(arguments: Arguments) throws { seconds = try arguments.value("duration") }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await FakeSubsystem.set("timer", String(seconds), in: context)
        return .done("Timer set for \(seconds) seconds.")
    }
}

struct FindItems: Action {
    static let name = "fake.find_items"
    static let description = "Find items by date."
    static let permission = Permission.read
    static let parameters: [Parameter] = [.date("when", "When they were added", required: false)]
    static let sentences: Sentences = ["en": ["<show> [my] items [from] {when}", "<show> [my] items"], "zh": ["显示{when}的东西"]]
    let when: DateRange?
    init(arguments: Arguments) throws { when = try arguments.valueIfPresent("when") }
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        let n = try await context.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM item") ?? 0 }
        var data: JSONObject = ["count": .int(n)]
        if let when { data["start"] = .double(when.start.timeIntervalSince1970); data["end"] = .double(when.end.timeIntervalSince1970) }
        return .done("Found \(n) items.", data: data)
    }
}

struct Repeat: Action {
    static let name = "fake.repeat"
    static let description = "Repeat a word several times."
    static let permission = Permission.read
    static let parameters: [Parameter] = [.integer("times", "How many times", range: 1...10, default: 2), .number("speed", "Speed", range: 0.5...2, required: false)]
    static let sentences: Sentences = ["en": ["repeat [it] {times} times", "repeat at speed {speed}"]]
    let times: Int
    init(arguments: Arguments) throws { times = try arguments.value("times") }
    func perform(in context: ActionContext) async throws -> ActionOutcome { .done("Repeated \(times) times.") }
}

struct SendNote: Action {
    static let name = "fake.send_note"
    static let description = "Send a note to an album's owner."
    static let permission = Permission.write
    static let parameters: [Parameter] = [.entity("to", "Whose album", kind: "album"), .text("body", "What to say")]
    static let sentences: Sentences = ["en": ["(send|write) [a] note to {to} (saying|that says) {body}", "tell {to} {body}"]]
    let body: String
    init(arguments: Arguments) throws { body = try arguments.value("body") }
    func perform(in context: ActionContext) async throws -> ActionOutcome { .done("Sent.") }
}

/// A second subsystem to show a hang in one does not harm another.
struct OtherSubsystem: Subsystem {
    let name = "other"
    let displayName = "Other"
    var actions: [any Action.Type] { [Ping.self] }
    var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in try db.create(table: "ping") { t in t.autoIncrementedPrimaryKey("id") } }
        return m
    }
}

struct Ping: Action {
    static let name = "other.ping"
    static let description = "Record a ping."
    static let permission = Permission.write
    static let sentences: Sentences = ["en": ["ping"]]
    init(arguments: Arguments) throws {}
    func perform(in context: ActionContext) async throws -> ActionOutcome {
        try await context.write { db in try db.execute(sql: "INSERT INTO ping DEFAULT VALUES") }
        return .done("Pong.")
    }
}

/// Blocks the calling thread, like a handler stuck in a C call that never checks for cancellation,
/// until the test sets `flag` (at most 20 s, so a failing test cannot hang the suite).
func blockThread(until flag: Flag) {
    let limit = Date().addingTimeInterval(20)
    while !flag.isSet && Date() < limit { usleep(5_000) }
}

/// A thread-safe one-way flag tests poll.
final class Flag: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
