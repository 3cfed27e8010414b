import Foundation
public import RelayJSON
import RelayLanguage
import RelayModel

/// Checks a call's JSON arguments against an action's parameters and returns them in canonical form.
///
/// Every bad argument gets its own message naming it ("brightness: 150 is above the maximum 100",
/// "name: expected a string, got 42 (an integer)."). JSON types are strict — they must be the ones the
/// action's JSON Schema declares — for `relay call`, model tool calls and MCP alike; spelling inside a
/// string is lenient ("6:45 pm" for a time, "last week" for a date, a spoken choice name for its value).
public enum ArgumentValidator {
    /// The validated arguments: canonical values in declaration order and any problems.
    public struct Outcome: Sendable, Hashable {
        /// Canonical values (entity parameters still hold the spoken name), defaults filled in.
        public var values: JSONObject
        /// What is wrong, one entry per bad argument.
        public var problems: [ArgumentProblem]
    }

    /// Validates `arguments` for `parameters` of `action`.
    public static func validate(_ arguments: JSONObject, parameters: [Parameter], action: String) -> Outcome {
        var values = JSONObject()
        var problems: [ArgumentProblem] = []
        let known = Set(parameters.map(\.name))
        for key in arguments.keys where !known.contains(key) {
            let list = parameters.isEmpty ? "it takes no arguments" : "its parameters are " + parameters.map(\.name).joined(separator: ", ")
            problems.append(ArgumentProblem(argument: key, message: "\(key): \(action) has no parameter named \"\(key)\"; \(list)."))
        }
        for p in parameters {
            let given = arguments[p.name]
            guard let value = given, value != .null else {
                if let d = p.defaultValue { values[p.name] = d }
                else if p.isRequired { problems.append(ArgumentProblem(argument: p.name, message: "\(p.name): missing; \(p.description.lowercasedFirst) is required.")) }
                continue
            }
            switch canonical(value, for: p) {
            case .success(let v): values[p.name] = v
            case .failure(let problem): problems.append(problem)
            }
        }
        return Outcome(values: values, problems: problems)
    }

    /// The canonical JSON for one argument value, or the problem with it.
    ///
    /// The value's JSON type must be the one the parameter's JSON Schema declares (``JSONSchema/property(for:)``):
    /// a number where the schema says string is refused, never turned into text, and so is `"5"` for an
    /// integer or `"yes"` for a boolean. Only *within* a string type is the reading lenient — a time as
    /// `"6:45 pm"`, a date as `"last week"`, a choice by its spoken name — because there the caller chose
    /// the right type and only the spelling differs.
    public static func canonical(_ value: JSONValue, for p: Parameter) -> Result<JSONValue, ArgumentProblem> {
        func fail(_ text: String) -> Result<JSONValue, ArgumentProblem> {
            .failure(ArgumentProblem(argument: p.name, message: "\(p.name): \(text)"))
        }
        let shown = value.compactJSON
        // The wrong JSON type, named with what the schema expects.
        func wrongType(_ expected: String) -> Result<JSONValue, ArgumentProblem> {
            fail("expected \(expected), got \(shown) (\(typeName(of: value))).")
        }
        switch p.kind {
        case .string, .text:
            guard case .string(let s) = value else { return wrongType("a string") }
            guard !s.trimmingSpaces.isEmpty else { return fail("must not be empty.") }
            return .success(.string(p.kind == .string ? s.trimmingSpaces : s))

        case .integer(let lo, let hi):
            guard let n = jsonNumber(value) else { return wrongType("an integer") }
            guard n == n.rounded(), abs(n) < 1e15 else { return fail("\(format(n)) is not a whole number.") }
            if let lo, Int(n) < lo { return fail("\(Int(n)) is below the minimum \(lo).") }
            if let hi, Int(n) > hi { return fail("\(Int(n)) is above the maximum \(hi).") }
            return .success(.int(Int(n)))

        case .number(let lo, let hi):
            guard let n = jsonNumber(value), n.isFinite else { return wrongType("a number") }
            if let lo, n < lo { return fail("\(format(n)) is below the minimum \(format(lo)).") }
            if let hi, n > hi { return fail("\(format(n)) is above the maximum \(format(hi)).") }
            return .success(n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n))

        case .boolean:
            guard case .bool(let b) = value else { return wrongType("true or false (a boolean)") }
            return .success(.bool(b))

        case .choice(let choices):
            guard case .string(let s) = value else { return wrongType("one of \(choiceList(choices)) (a string)") }
            if let c = choices.first(where: { $0.value == s }) { return .success(.string(c.value)) }
            let spoken = TextNormalizer.normalize(s)
            for c in choices {
                let names = [c.value.replacingOccurrences(of: "_", with: " ")] + c.spoken.values.flatMap { $0 }
                if names.contains(where: { TextNormalizer.normalize($0) == spoken }) { return .success(.string(c.value)) }
            }
            return fail("\"\(s)\" is not one of \(choiceList(choices)).")

        case .date:
            guard case .string(let s) = value else { return wrongType("a date such as today, yesterday, last_week, march or 2026-03-04 (a string)") }
            if let spec = DateRange.canonicalSpec(s) { return .success(.string(spec)) }
            if let spec = SlotParsers.dateSpec(TextNormalizer.words(s)) { return .success(.string(spec)) }
            return fail("\"\(s)\" is not a date I understand; use today, yesterday, last_week, this_month, a month name, YYYY-MM-DD or FROM/TO.")

        case .timeOfDay:
            guard case .string(let s) = value else { return wrongType("a time of day as \"HH:MM\" (a string)") }
            if let t = TimeOfDay(canonical: s) ?? SlotParsers.timeOfDay(TextNormalizer.words(s)) { return .success(.string(t.canonical)) }
            return fail("\"\(s)\" is not a time of day; use HH:MM (24-hour), e.g. \"07:30\".")

        case .duration(let lo, let hi):
            guard let n = jsonNumber(value), n.isFinite else { return wrongType("a duration in whole seconds (an integer)") }
            guard n == n.rounded(), abs(n) < 1e15 else { return fail("\(format(n)) is not a whole number of seconds.") }
            let secs = Int(n)
            let minimum = lo ?? 0
            if secs < minimum { return fail("\(secondsText(secs)) is below the minimum \(secondsText(minimum)).") }
            if let hi, secs > hi { return fail("\(secondsText(secs)) is above the maximum \(secondsText(hi)).") }
            return .success(.int(secs))

        case .percentage:
            guard let n = jsonNumber(value), n.isFinite else { return wrongType("a percentage from 0 to 100 (an integer)") }
            guard n == n.rounded() else { return fail("\(format(n)) is not a whole percentage.") }
            let v = Int(n)
            if v < 0 { return fail("\(v) is below the minimum 0.") }
            if v > 100 { return fail("\(v) is above the maximum 100.") }
            return .success(.int(v))

        case .entity(let kind):
            switch value {
            case .string(let s) where !s.trimmingSpaces.isEmpty: return .success(.string(s.trimmingSpaces))
            case .string: return fail("must not be empty.")
            // The dispatcher's own resolved form ({"id", "name"}), as results and confirmations carry it.
            case .object(let o):
                if case .string(let name)? = o["name"] { return .success(.string(name)) }
                return fail("expected the \(kind.name)'s name, got \(shown).")
            default: return wrongType("the \(kind.name)'s name (a string)")
            }
        }
    }

    /// The JSON Schema type name of a value, for messages: "a string", "a number", "a boolean"…
    public static func typeName(of value: JSONValue) -> String {
        switch value {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .array: "an array"
        case .object: "an object"
        case .null: "null"
        }
    }

    /// A JSON number's value; strings are not numbers here (no coercion).
    static func jsonNumber(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): Double(i)
        case .double(let d): d
        case .string(let s): Double(s.trimmingSpaces) ?? NumberWords.parse(TextNormalizer.words(s))
        default: nil
        }
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    static func choiceList(_ choices: [Choice]) -> String {
        choices.map(\.value).joined(separator: ", ")
    }

    static func secondsText(_ s: Int) -> String { s == 1 ? "1 second" : "\(s) seconds" }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    var lowercasedFirst: String {
        guard let f = first else { return self }
        return f.lowercased() + dropFirst()
    }
}
