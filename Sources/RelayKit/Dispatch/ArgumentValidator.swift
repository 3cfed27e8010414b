import RelayLanguage
public import RelayModel

/// Checks a call's JSON arguments against an action's parameters and returns them in canonical form.
///
/// Every bad argument gets its own message naming it ("brightness: 150 is above the maximum 100");
/// lenient where a person or a model would reasonably write something else ("6:45 pm" for a time,
/// "ten minutes" for a duration, "50%" for a percentage, a spoken enum name for its value).
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
    public static func canonical(_ value: JSONValue, for p: Parameter) -> Result<JSONValue, ArgumentProblem> {
        func fail(_ text: String) -> Result<JSONValue, ArgumentProblem> {
            .failure(ArgumentProblem(argument: p.name, message: "\(p.name): \(text)"))
        }
        let shown = value.compactJSON
        switch p.kind {
        case .string, .text:
            let s: String
            switch value {
            case .string(let x): s = x
            case .int, .double, .bool: s = shown
            default: return fail("expected text, got \(shown).")
            }
            guard !s.trimmingSpaces.isEmpty else { return fail("must not be empty.") }
            return .success(.string(p.kind == .string ? s.trimmingSpaces : s))

        case .integer(let lo, let hi):
            guard let n = number(value) else { return fail("expected a whole number, got \(shown).") }
            guard n == n.rounded(), abs(n) < 1e15 else { return fail("\(format(n)) is not a whole number.") }
            if let lo, Int(n) < lo { return fail("\(Int(n)) is below the minimum \(lo).") }
            if let hi, Int(n) > hi { return fail("\(Int(n)) is above the maximum \(hi).") }
            return .success(.int(Int(n)))

        case .number(let lo, let hi):
            guard let n = number(value), n.isFinite else { return fail("expected a number, got \(shown).") }
            if let lo, n < lo { return fail("\(format(n)) is below the minimum \(format(lo)).") }
            if let hi, n > hi { return fail("\(format(n)) is above the maximum \(format(hi)).") }
            return .success(n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n))

        case .boolean:
            switch value {
            case .bool(let b): return .success(.bool(b))
            case .string(let s): if let b = SlotParsers.boolean(TextNormalizer.words(s)) { return .success(.bool(b)) }
            case .int(let i) where i == 0 || i == 1: return .success(.bool(i == 1))
            default: break
            }
            return fail("expected true or false, got \(shown).")

        case .choice(let choices):
            guard case .string(let s) = value else { return fail("expected one of \(choiceList(choices)), got \(shown).") }
            if let c = choices.first(where: { $0.value == s }) { return .success(.string(c.value)) }
            let spoken = TextNormalizer.normalize(s)
            for c in choices {
                let names = [c.value.replacingOccurrences(of: "_", with: " ")] + c.spoken.values.flatMap { $0 }
                if names.contains(where: { TextNormalizer.normalize($0) == spoken }) { return .success(.string(c.value)) }
            }
            return fail("\"\(s)\" is not one of \(choiceList(choices)).")

        case .date:
            guard case .string(let s) = value else { return fail("expected a date such as today, yesterday, last_week, march or 2026-03-04, got \(shown).") }
            if let spec = DateRange.canonicalSpec(s) { return .success(.string(spec)) }
            if let spec = SlotParsers.dateSpec(TextNormalizer.words(s)) { return .success(.string(spec)) }
            return fail("\"\(s)\" is not a date I understand; use today, yesterday, last_week, this_month, a month name, YYYY-MM-DD or FROM/TO.")

        case .timeOfDay:
            guard case .string(let s) = value else { return fail("expected a time of day as \"HH:MM\", got \(shown).") }
            if let t = TimeOfDay(canonical: s) ?? SlotParsers.timeOfDay(TextNormalizer.words(s)) { return .success(.string(t.canonical)) }
            return fail("\"\(s)\" is not a time of day; use HH:MM (24-hour), e.g. \"07:30\".")

        case .duration(let lo, let hi):
            var seconds: Int?
            switch value {
            case .int(let i): seconds = i
            case .double(let d) where d.isFinite: seconds = Int(d.rounded())
            case .string(let s): seconds = Int(s) ?? SlotParsers.durationSeconds(TextNormalizer.words(s))
            default: break
            }
            guard let secs = seconds else { return fail("expected a duration in seconds, got \(shown).") }
            let minimum = lo ?? 0
            if secs < minimum { return fail("\(secondsText(secs)) is below the minimum \(secondsText(minimum)).") }
            if let hi, secs > hi { return fail("\(secondsText(secs)) is above the maximum \(secondsText(hi)).") }
            return .success(.int(secs))

        case .percentage:
            var pct: Int?
            switch value {
            case .int(let i): pct = i
            case .double(let d) where d.isFinite: pct = Int(d.rounded())
            case .string(let s): pct = SlotParsers.percentage(TextNormalizer.words(s))
            default: break
            }
            guard let v = pct else { return fail("expected a percentage from 0 to 100, got \(shown).") }
            if v < 0 { return fail("\(v) is below the minimum 0.") }
            if v > 100 { return fail("\(v) is above the maximum 100.") }
            return .success(.int(v))

        case .entity(let kind):
            switch value {
            case .string(let s) where !s.trimmingSpaces.isEmpty: return .success(.string(s.trimmingSpaces))
            case .int(let i): return .success(.string(String(i)))
            case .object(let o):
                if case .string(let name)? = o["name"] { return .success(.string(name)) }
                if case .string(let id)? = o["id"] { return .success(.string(id)) }
                if case .int(let id)? = o["id"] { return .success(.string(String(id))) }
                return fail("expected the \(kind.name)'s name, got \(shown).")
            default: return fail("expected the \(kind.name)'s name, got \(shown).")
            }
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
