public import Foundation
public import RelayKit
public import RelayModel
public import RelayJSON
public import RelayLanguage
import RelaySentenceEncoder

/// Runs a test body against a fresh simulated phone, like Hummingbird's `app.test(.router) { client in … }`.
///
/// ```swift
/// @Test func wifi() async throws {
///     try await PluginTest(subsystems: [SettingsSubsystem()]) { phone in
///         let r = try await phone.say("turn on wifi")
///         #expect(r.call == ToolCall(name: "settings.set_toggle", arguments: ["toggle": "wifi", "on": true]))
///         try await phone.call("settings.set_toggle", ["toggle": "wifi", "on": false])
///         #expect(try await phone.rows("settings", "SELECT on FROM toggle WHERE name = 'wifi'") == [["on": 0]])
///     }
/// }
/// ```
///
/// Each run gets its own temporary home folder (deleted afterwards), so SQLite files, the audit log
/// and files never leak between tests.
public struct PluginTest {
    /// Runs `body` with a phone made of `subsystems` in a fresh temporary home.
    /// - Parameters:
    ///   - now: the fixed clock for date specs (default: the real clock).
    ///   - clock: a clock the test moves (`clock.advance(by: 90)`, then `phone.passTime()`); wins over `now`.
    ///   - timeout: the dispatcher's per-command limit.
    ///   - embedder: a sentence encoder (e.g. ``InstalledEncoder/shared()``) for the matcher's second stage, as
    ///     `relay say` has it; by default the phone understands with templates only.
    @discardableResult
    public init(subsystems: [any Subsystem], now: Date? = nil, clock manual: ManualPhoneClock? = nil,
                calendar: Calendar = PluginTest.utcCalendar, embedder: (any SentenceEmbedder)? = nil,
                timeout: Duration = .seconds(5), _ body: (TestPhone) async throws -> Void) async throws {
        let home = FileManager.default.temporaryDirectory
            .appendingPathComponent("relay-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let clock: @Sendable () -> Date
        if let manual { clock = { manual.now() } } else if let now { clock = { now } } else { clock = { Date() } }
        let dispatcher = Dispatcher(subsystems: subsystems, home: home, timeout: timeout, calendar: calendar, now: clock)
        var matcher: CommandMatcher?
        if let embedder {
            matcher = CommandMatcher(catalog: dispatcher.catalog, embeddings: await EmbeddingsMemo.shared.embeddings(dispatcher.catalog, embedder))
        }
        try await body(TestPhone(dispatcher: dispatcher, matcher: matcher))
    }

    /// A Gregorian calendar in UTC, so date tests do not depend on the machine's time zone.
    public static var utcCalendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? c.timeZone
        return c
    }
}

/// What `phone.say` heard and did.
public struct Heard: Sendable {
    /// What the one understanding path made of the sentence (the same code `relay say` and the voice loop run).
    public var interpretation: Interpretation
    /// The chosen call, or nil when not understood.
    public var call: ToolCall? { interpretation.match?.call }
    /// The dispatcher's result, when a call was chosen and run.
    public var result: CommandResult?
}

/// A test failure raised by the test kit, with the message to show.
public struct PluginTestFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public var description: String
    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}

/// The simulated phone a ``PluginTest`` body drives: say sentences, call actions, inspect state.
public struct TestPhone: Sendable {
    /// The dispatcher over the test's temporary home.
    public let dispatcher: Dispatcher
    /// The sentence matcher over the same subsystems: ``CommandMatcher``, the one `relay say` and the voice loop use.
    public let matcher: CommandMatcher
    /// How sure the matcher must be (the product's defaults).
    public var policy = UnderstandingPolicy()

    /// Creates a phone over `dispatcher`; `matcher` (made from its catalog) by default reads with templates only.
    public init(dispatcher: Dispatcher, matcher: CommandMatcher? = nil) {
        self.dispatcher = dispatcher
        self.matcher = matcher ?? CommandMatcher(catalog: dispatcher.catalog)
    }

    /// The temporary home folder.
    public var home: URL { dispatcher.home }

    /// Reads `sentence` with live entity names, without running anything.
    public func understand(_ sentence: String) async -> Interpretation {
        matcher.interpret(sentence, entityNames: await dispatcher.entityNames(), policy: policy)
    }

    /// Reads `sentence` and, when understood, runs the call (origin `.voice`).
    public func say(_ sentence: String, confirmed: Bool = false, origin: CommandOrigin = .voice) async throws -> Heard {
        let interpretation = await understand(sentence)
        guard let call = interpretation.match?.call else { return Heard(interpretation: interpretation, result: nil) }
        let result = await dispatcher.dispatch(Command(call, origin: origin, confirmed: confirmed, utterance: sentence))
        return Heard(interpretation: interpretation, result: result)
    }

    /// Runs an action and returns its result whatever the status (for testing refusals and errors).
    @discardableResult
    public func dispatch(_ action: String, _ arguments: JSONObject = [:], confirmed: Bool = false,
                         origin: CommandOrigin = .test) async -> CommandResult {
        await dispatcher.call(action, arguments, origin: origin, confirmed: confirmed)
    }

    /// Runs an action that must succeed; throws with the result's message otherwise.
    @discardableResult
    public func call(_ action: String, _ arguments: JSONObject = [:], confirmed: Bool = false,
                     origin: CommandOrigin = .test) async throws -> CommandResult {
        let r = await dispatch(action, arguments, confirmed: confirmed, origin: origin)
        guard r.status == .done else {
            throw PluginTestFailure("\(action) \(JSONValue.object(arguments).compactJSON) ended \(r.status.rawValue): \(r.message)")
        }
        return r
    }

    /// The subsystem's state snapshot (``Subsystem/state(in:)``).
    public func state(_ subsystem: String) async throws -> JSONValue {
        try await dispatcher.state(of: subsystem)
    }

    /// Rows of an SQL query on the subsystem's database, as ordered JSON objects.
    public func rows(_ subsystem: String, _ sql: String) async throws -> [JSONObject] {
        let store = try await dispatcher.store(for: subsystem)
        return try await store.read { db in
            try Row.fetchAll(db, sql: sql).map { StateSnapshot.object(from: $0) }
        }
    }

    /// Writes fixtures directly into a subsystem's database (outside any command).
    public func seed(_ subsystem: String, _ body: @escaping @Sendable (Database) throws -> Void) async throws {
        let store = try await dispatcher.store(for: subsystem)
        try await store.write(body)
    }

    /// Every audit log line so far.
    public func auditEntries() throws -> [JSONValue] { try dispatcher.audit.entries() }

    /// Lets time pass up to the clock's now (as a running Relay would): what fell due happens, and is returned.
    @discardableResult
    public func passTime(catchUp: Bool = false) async -> [PhoneEvent] { await dispatcher.passTime(catchUp: catchUp) }
}

/// The actions' embedded sentences per set of actions and model, made once per process: a suite of plugin tests builds
/// the same phone many times, and expanding the templates again each time would cost more than the tests.
actor EmbeddingsMemo {
    static let shared = EmbeddingsMemo()
    var made: [String: ActionEmbeddings] = [:]

    func embeddings(_ catalog: ActionCatalog, _ embedder: any SentenceEmbedder) async -> ActionEmbeddings {
        var key = embedder.modelIdentity
        for action in catalog.actions {
            key += "\n\(action.name)"
            for parsed in action.sentences(in: "en") { key += "\t\(parsed.sentence.template)" }
        }
        if let known = made[key] { return known }
        let embeddings = await ActionEmbeddings.load(
            catalog: catalog, embedder: embedder,
            cacheDirectory: ActionEmbeddings.defaultCacheDirectory(modelDirectory: SentenceEncoder.defaultModelDirectory()))
        made[key] = embeddings
        return embeddings
    }
}
