import Foundation
public import RelayKit
public import RelayModel
public import RelayJSON

/// When a change is read back and made only after a yes.
///
/// Reads never ask; destructive actions always ask, with their count (the dispatcher's confirmation). A write asks
/// when understanding was not sure of it: the words were re-heard by ``PhoneticRepair`` (`CommandMatch.isRepaired`),
/// only one clause was read, a word was guessed at (`CommandMatch.guessedWords`), the reading's score was weak (within
/// ``weakMargin`` of what its permission needs), or the matcher did not reach the model's call at all (a real model's
/// reading that no template or sentence confirms). An open-vocabulary recognizer gives no confidence, so for its words
/// every write asks (``Writes/always``).
public struct ReadBackPolicy: Sendable, Hashable {
    /// Which writes are read back.
    public enum Writes: String, Sendable, Hashable, CaseIterable {
        /// None (the caller confirms some other way).
        case never
        /// Those understood through a repair or a weak score.
        case whenUnsure = "when_unsure"
        /// All of them (words from a recognizer without a confidence: Whisper).
        case always
    }

    /// Why a write was read back, as the `--json` outcome line says it.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The words were re-heard by phonetic repair.
        case repaired
        /// Only one clause of the utterance was understood ("enable bluetooth, I want to use my headphones").
        case oneClause = "one_clause"
        /// The change was read through words no sentence Relay knows uses (``CommandMatch/guessedWords``).
        case guessedWords = "guessed_words"
        /// The reading scored close to what its permission needs.
        case weakScore = "weak_score"
        /// The templates and sentences do not reach the model's call.
        case unconfirmed
        /// Every change heard by an open-vocabulary recognizer is read back.
        case openVocabulary = "open_vocabulary"
        /// The recognizer was barely sure of the words (a grammar recognizer's confidence below ``weakConfidence``).
        case weakRecognition = "weak_recognition"
    }

    /// Which writes ask.
    public var writes: Writes
    /// How close to the policy's threshold a score is weak: template readings below threshold + margin, encoder
    /// readings below the encoder threshold + margin.
    public var weakMargin: Double
    /// A grammar recognizer's confidence (``Transcript/confidence``: 0.5 at its rejection threshold) below which the
    /// words were heard weakly. Chosen on the calibration voices (see the README's voice figures), never the test voices.
    public var weakConfidence: Double

    /// Creates a policy (by default: writes ask when unsure).
    public init(writes: Writes = .whenUnsure, weakMargin: Double = 0.05, weakConfidence: Double = ReadBackPolicy.calibratedWeakConfidence) {
        self.writes = writes
        self.weakMargin = weakMargin
        self.weakConfidence = weakConfidence
    }

    /// The default ``weakConfidence``: 0.65, chosen with `relay-bench voice-corpus` on the calibration voices of the
    /// rejection threshold (en-gb-x-rp, en-us+m3, en-029; the 114 corpus commands twice clean and once at 10 dB SNR),
    /// never on the held-out voices. There pocketsphinx's wrong calls carried out without a question went from 12 to 8
    /// of 342 while 11 of 81 right changes were asked first: below 0.65 at least one question in four stopped a wrong
    /// action. Most of its wrong calls are heard with a confidence near 1 ("wake me up at eight fifty"), which no
    /// threshold catches.
    public static let calibratedWeakConfidence = 0.65

    /// Never reads back.
    public static let never = ReadBackPolicy(writes: .never)
    /// Reads back every write.
    public static let always = ReadBackPolicy(writes: .always)

    /// Why a call of `permission` should be read back before it is made, given the matcher's reading of the same words
    /// (nil when it has none, or a different call); nil when it should not. Destructive actions are not read back here:
    /// the dispatcher asks for them, with their count.
    ///
    /// `recognizerConfidence` is a grammar recognizer's confidence in the words (nil for typed text).
    public func reason(permission: Permission, reading: CommandMatch?, understanding: UnderstandingPolicy,
                       recognizerConfidence: Double? = nil) -> Reason? {
        guard permission == .write else { return nil }
        switch writes {
        case .never: return nil
        case .always: return .openVocabulary
        case .whenUnsure:
            if let recognizerConfidence, recognizerConfidence < weakConfidence { return .weakRecognition }
            guard let reading else { return .unconfirmed }
            if reading.isRepaired { return .repaired }
            if reading.clause != nil { return .oneClause }
            if !reading.guessedWords.isEmpty { return .guessedWords }
            let byEncoder = reading.template.hasPrefix("≈")
            let needed = reading.isByIntentHead ? understanding.intentThreshold
                : byEncoder ? understanding.encoderThreshold : understanding.threshold(for: reading.permission)
            return reading.score < needed + weakMargin ? .weakScore : nil
        }
    }

    /// Whether a call of `permission` is asked about before it is made: a destructive one always (the dispatcher
    /// confirms it with its count), a write when ``reason(permission:reading:understanding:recognizerConfidence:)``
    /// gives a reason, a read never.
    public func asksFirst(permission: Permission, reading: CommandMatch?, understanding: UnderstandingPolicy,
                          recognizerConfidence: Double? = nil) -> Bool {
        permission == .destructive
            || reason(permission: permission, reading: reading, understanding: understanding,
                      recognizerConfidence: recognizerConfidence) != nil
    }
}

/// The yes/no question that reads a call back, phrased as a person would: "Set an alarm for 6:50 AM?", "Turn Wi-Fi
/// off?", "Send Anna Smith 'hello'?", "Set the volume to 70 %?", "Start a 5-minute timer?".
///
/// Each action declares its question (``Action/readBack``: `{parameter}` for spoken values, `[…]` for parts said only
/// when their values are given, `(…|…)` for the first alternative whose values are given). An action that declares
/// none is read back from its description's first clause and its arguments ("Add a note: title Milk?").
public enum ReadBack {
    /// The question for `call` (an action of `catalog`).
    public static func question(for call: ToolCall, in catalog: ActionCatalog) -> String {
        guard let action = catalog.action(named: call.name) else { return "\(call.name)?" }
        if let pattern = action.readBack, let said = render(pattern, arguments: call.arguments, parameters: action.parameters) {
            return capitalized(said)
        }
        let clause = action.description.prefix { !",.;(".contains($0) }.trimmingCharacters(in: .whitespaces)
        let arguments = action.parameters.compactMap { p -> String? in
            guard let value = call.arguments[p.name], let spoken = spoken(value, for: p) else { return nil }
            return "\(p.name.replacingOccurrences(of: "_", with: " ")) \(spoken)"
        }
        return (clause.isEmpty ? call.name : clause) + (arguments.isEmpty ? "" : ": \(arguments.joined(separator: ", "))") + "?"
    }

    /// `pattern` with the arguments' spoken values; nil when a placeholder outside any `[…]` or `(…)` has no value.
    public static func render(_ pattern: String, arguments: JSONObject, parameters: [Parameter]) -> String? {
        var scanner = Array(pattern)[...]
        return renderSequence(&scanner, until: nil, arguments: arguments, parameters: parameters)
    }

    /// Renders up to the closing character (`]`, `)` or `|`, not consumed) or the end; nil when a value is missing.
    private static func renderSequence(_ s: inout ArraySlice<Character>, until closers: Set<Character>?, arguments: JSONObject,
                                       parameters: [Parameter]) -> String? {
        var out = ""
        var complete = true
        while let c = s.first {
            if let closers, closers.contains(c) { break }
            s.removeFirst()
            switch c {
            case "{":
                var name = ""
                while let d = s.first, d != "}" { name.append(d); s.removeFirst() }
                if !s.isEmpty { s.removeFirst() }
                let conditionOnly = name.hasPrefix("?")
                if conditionOnly { name.removeFirst() }
                var format = ""
                if let colon = name.firstIndex(of: ":") { format = String(name[name.index(after: colon)...]); name = String(name[..<colon]) }
                // A condition needs the argument true or set; a value needs it set (false is "off").
                guard let p = parameters.first(where: { $0.name == name }), let value = arguments[name], value != .null,
                      !conditionOnly || value.isGiven, let said = spoken(value, for: p, compound: format == "compound") else { complete = false; continue }
                if !conditionOnly { out += said }
            case "[":
                let inner = renderSequence(&s, until: ["]"], arguments: arguments, parameters: parameters)
                if !s.isEmpty { s.removeFirst() }
                out += inner ?? ""
            case "(":
                var chosen: String?
                while true {
                    let alternative = renderSequence(&s, until: ["|", ")"], arguments: arguments, parameters: parameters)
                    if chosen == nil { chosen = alternative }
                    guard let d = s.first else { break }
                    s.removeFirst()
                    if d == ")" { break }
                }
                if let chosen { out += chosen } else { complete = false }
            default:
                out.append(c)
            }
        }
        return complete ? out : nil
    }

    /// The value as said in a question: times "6:50 AM", durations "5 minutes" ("5-minute" when compound), percentages
    /// "70 %", switches "on" / "off", choices by their first English name ("Wi-Fi"), text as written.
    static func spoken(_ value: JSONValue, for parameter: Parameter, compound: Bool = false) -> String? {
        switch parameter.kind {
        case .timeOfDay:
            guard let text = value.stringValue else { return nil }
            return clockTime(text) ?? text
        case .duration:
            guard let seconds = value.doubleValue else { return nil }
            return duration(Int(seconds.rounded()), compound: compound)
        case .percentage:
            guard let n = value.doubleValue else { return nil }
            return "\(number(n)) %"
        case .date:
            // Dates are said as the slot reader wrote them: "yesterday", "this_month" → "this month", "2026-11-30".
            return value.stringValue?.replacingOccurrences(of: "_", with: " ")
        case .boolean:
            guard case .bool(let on) = value else { return nil }
            return on ? "on" : "off"
        case .choice(let choices):
            guard let v = value.stringValue else { return nil }
            let name = choices.first(where: { $0.value == v })?.spoken["en"]?.first ?? v.replacingOccurrences(of: "_", with: " ")
            // Hyphenated names are brands ("wi-fi" → "Wi-Fi"); other names are said as written.
            return name.contains("-") ? name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-") : name
        default:
            if let text = value.stringValue { return text }
            if let n = value.doubleValue { return number(n) }
            if case .bool(let b) = value { return b ? "yes" : "no" }
            return value.compactJSON
        }
    }

    /// "06:50" → "6:50 AM", "15:00" → "3:00 PM", "00:15" → "12:15 AM".
    static func clockTime(_ text: String) -> String? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return nil }
        let hour12 = h % 12 == 0 ? 12 : h % 12
        return "\(hour12):\(m < 10 ? "0" : "")\(m) \(h < 12 ? "AM" : "PM")"
    }

    /// "5 minutes", "1 hour 30 minutes", "90 seconds"; compound: "5-minute", "90-second" (one unit only, else nil).
    static func duration(_ seconds: Int, compound: Bool) -> String? {
        let units = [(seconds / 3600, "hour"), (seconds % 3600 / 60, "minute"), (seconds % 60, "second")]
        var parts = units.filter { $0.0 > 0 }
        if parts.isEmpty { parts = [(0, "second")] }
        if compound {
            guard parts.count == 1 else { return nil }
            return "\(parts[0].0)-\(parts[0].1)"
        }
        return parts.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " ")
    }

    static func number(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    static func capitalized(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }
}

extension JSONValue {
    /// Whether an argument holds for a `{?condition}`: not null, not false.
    fileprivate var isGiven: Bool {
        switch self {
        case .null, .bool(false): false
        default: true
        }
    }
}
