public import Foundation
public import RelayKit
public import RelayJSON

/// Sentence → action golden tests from a JSON file, in the spirit of home-assistant/intents' test YAML.
///
/// ```json
/// {
///   "language": "en",
///   "now": "2026-03-15T10:00:00Z",
///   "setup": [{"action": "photos.create_album", "arguments": {"name": "Vacation"}}],
///   "cases": [
///     {"sentences": ["create an album called Trip", "make a new album named Trip"],
///      "action": "photos.create_album", "arguments": {"name": "Trip"}},
///     {"sentence": "add it to vacation", "action": "photos.add_to_album", "arguments": {"album": "Vacation"}},
///     {"sentence": "turn on wifi", "action": "settings.set_toggle", "arguments": {"toggle": "wifi", "on": true},
///      "run": true, "status": "done", "state": {"settings": {"toggle": [{"name": "wifi", "on": 1}]}}},
///     {"sentence": "make me a sandwich", "understood": false}
///   ]
/// }
/// ```
///
/// Cases run in file order on one phone (one temporary home), after the `setup` calls. A case checks
/// that each sentence is understood as `action` with exactly `arguments` (`"understood": false` expects
/// no reading). With `"run": true` (implied by `status` or `state`) the call is dispatched
/// (`"confirmed": true` to confirm) and its `status` checked (default `done`); `state` is a partial
/// snapshot: every table/row/field listed must be present in ``Subsystem/state(in:)`` (rows match
/// any row with those fields). `now` fixes the clock (UTC calendar).
public enum GoldenCases {
    /// The outcome of a golden file: how many sentences were checked.
    public struct Report: Sendable {
        /// The file.
        public var file: URL
        /// Sentences checked.
        public var sentences: Int
        /// Commands run.
        public var commands: Int
    }

    /// Runs every case of `file`; throws one ``PluginTestFailure`` listing every failing case.
    @discardableResult
    public static func run(file: URL, subsystems: [any Subsystem]) async throws -> Report {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw PluginTestFailure("Cannot read the golden file \(file.path): \(error.localizedDescription)")
        }
        let root: JSONObject
        do {
            guard case .object(let o) = try JSONValue(parsing: text) else { throw PluginTestFailure("not an object") }
            root = o
        } catch {
            throw PluginTestFailure("The golden file \(file.lastPathComponent) is not a JSON object with \"cases\": \(error)")
        }
        guard case .array(let cases)? = root["cases"] else {
            throw PluginTestFailure("The golden file \(file.lastPathComponent) has no \"cases\" array.")
        }
        var now: Date?
        if case .string(let s)? = root["now"] {
            guard let d = ISO8601DateFormatter().date(from: s) else {
                throw PluginTestFailure("\(file.lastPathComponent): \"now\" \(s) is not an ISO 8601 time like 2026-03-15T10:00:00Z.")
            }
            now = d
        }
        var failures: [String] = []
        var report = Report(file: file, sentences: 0, commands: 0)
        let name = file.lastPathComponent
        try await PluginTest(subsystems: subsystems, now: now) { phone in
            if let problems = Optional(phone.dispatcher.catalog.problems), !problems.isEmpty {
                failures += problems.map { "declaration: \($0)" }
            }
            if case .array(let setup)? = root["setup"] {
                for (i, step) in setup.enumerated() {
                    guard case .object(let o) = step, case .string(let action)? = o["action"] else {
                        failures.append("setup[\(i)]: needs \"action\""); continue
                    }
                    let args: JSONObject = { if case .object(let a)? = o["arguments"] { a } else { [:] } }()
                    let r = await phone.dispatch(action, args, confirmed: true)
                    if r.status != .done { failures.append("setup[\(i)] \(action): \(r.status.rawValue): \(r.message)") }
                }
            }
            for (i, item) in cases.enumerated() {
                guard case .object(let c) = item else { failures.append("case \(i): not an object"); continue }
                var sentences: [String] = []
                if case .string(let s)? = c["sentence"] { sentences.append(s) }
                if case .array(let a)? = c["sentences"] { sentences += a.compactMap { if case .string(let s) = $0 { s } else { nil } } }
                if sentences.isEmpty { failures.append("case \(i): needs \"sentence\" or \"sentences\""); continue }
                let expectUnderstood: Bool = { if case .bool(let b)? = c["understood"] { b } else { true } }()
                let expectedAction: String? = { if case .string(let s)? = c["action"] { s } else { nil } }()
                let expectedArgs: JSONObject? = { if case .object(let o)? = c["arguments"] { o } else { nil } }()
                let run: Bool = { if case .bool(let b)? = c["run"] { b } else { c["status"] != nil || c["state"] != nil } }()
                let confirmed: Bool = { if case .bool(let b)? = c["confirmed"] { b } else { false } }()
                for sentence in sentences {
                    report.sentences += 1
                    let interpretation = await phone.understand(sentence)
                    let label = "case \(i) \"\(sentence)\""
                    guard expectUnderstood else {
                        if let best = interpretation.match {
                            failures.append("\(label): expected not understood, got \(best.call.name) \(JSONValue.object(best.call.arguments).compactJSON)")
                        }
                        continue
                    }
                    guard let best = interpretation.match?.call else {
                        failures.append("\(label): not understood (\(interpretation))")
                        continue
                    }
                    if let expectedAction, best.name != expectedAction {
                        failures.append("\(label): expected \(expectedAction), got \(best.name) \(JSONValue.object(best.arguments).compactJSON)")
                        continue
                    }
                    if let expectedArgs, !JSONMatch.equal(.object(expectedArgs), .object(best.arguments)) {
                        failures.append("\(label): expected arguments \(JSONValue.object(expectedArgs).compactJSON), got \(JSONValue.object(best.arguments).compactJSON)")
                        continue
                    }
                    guard run else { continue }
                    report.commands += 1
                    let result = await phone.dispatcher.dispatch(Command(best, origin: .voice, confirmed: confirmed, utterance: sentence))
                    let expectedStatus: String = { if case .string(let s)? = c["status"] { s } else { "done" } }()
                    if result.status.rawValue != expectedStatus {
                        failures.append("\(label): expected status \(expectedStatus), got \(result.status.rawValue): \(result.message)")
                        continue
                    }
                    if case .object(let expectedState)? = c["state"] {
                        for (subsystem, expected) in expectedState {
                            do {
                                let actual = try await phone.state(subsystem)
                                if !JSONMatch.contains(actual, expected) {
                                    failures.append("\(label): state of \(subsystem) does not contain \(expected.compactJSON); it is \(actual.compactJSON)")
                                }
                            } catch {
                                failures.append("\(label): cannot read the state of \(subsystem): \(error)")
                            }
                        }
                    }
                }
            }
        }
        if !failures.isEmpty {
            throw PluginTestFailure("\(name): \(failures.count) failing case(s):\n- " + failures.joined(separator: "\n- "))
        }
        return report
    }

    /// Runs every `.json` file in `directory` (e.g. a test target's `Golden` resource folder).
    @discardableResult
    public static func runAll(in directory: URL, subsystems: [any Subsystem]) async throws -> [Report] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !files.isEmpty else { throw PluginTestFailure("No golden .json files in \(directory.path).") }
        var reports: [Report] = []
        for f in files { reports.append(try await run(file: f, subsystems: subsystems)) }
        return reports
    }
}

/// JSON comparisons for golden cases: numbers compare by value, objects ignore key order.
public enum JSONMatch {
    /// Whether `a` and `b` are the same JSON (1 == 1.0, key order ignored).
    public static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { m in y[m.key].map { equal(m.value, $0) } ?? false }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default:
            if let x = number(a), let y = number(b) { return x == y }
            return a == b
        }
    }

    /// Whether `actual` contains `expected`: objects by listed keys, arrays by each expected element
    /// matching some actual element, scalars by ``equal(_:_:)`` (booleans also match 0/1).
    public static func contains(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.object(let a), .object(let e)):
            return e.allSatisfy { m in a[m.key].map { contains($0, m.value) } ?? false }
        case (.array(let a), .array(let e)):
            return e.allSatisfy { ee in a.contains { contains($0, ee) } }
        case (.int(let i), .bool(let b)):
            return i == (b ? 1 : 0)
        default:
            return equal(actual, expected)
        }
    }

    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
}
