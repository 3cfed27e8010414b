import Foundation
public import RelayKit
import RelayCore
import RelayJSON
import RelayModel

/// How a set of labelled sentences (``LabelledSentence``) was understood: right, asked a follow-up, misread, not
/// understood; and how many of its non-commands were carried out.
///
/// A reading with a required value left out that agrees with every value it has is a follow-up question ("What should
/// the message to Alice say?"), counted apart from right and misread.
public struct UnderstandingScore: Sendable, CustomStringConvertible {
    /// Sentences that ask for an action, and those read exactly as meant (action and every argument).
    public var commands = 0, right = 0
    /// Sentences that ask for nothing.
    public var nonCommands = 0
    /// One line per sentence in each outcome (misreadings with what was read and what was meant).
    public var asks: [String] = [], misread: [String] = [], notUnderstood: [String] = [], dispatched: [String] = []
    /// Misreadings that name another action than the one meant (the rest have the action right and an argument wrong).
    public var wrongAction: [String] = []
    /// Misreadings that swap a read for a change (or back), or switch on for off.
    public var readWriteConfusions: [String] = [], onOffConfusions: [String] = []
    /// Of the misreadings and of the non-commands read as calls, how many would be asked first rather than carried
    /// out: a write ``ReadBackPolicy`` reads back as typed text, or a destructive action (the dispatcher confirms it).
    public var misreadAskedFirst = 0, dispatchedAskedFirst = 0
    /// Right readings that would be asked first all the same: the price of those questions.
    public var rightAskedFirst = 0

    public init() {}

    /// The share of commands read right.
    public var rightShare: Double { commands == 0 ? 0 : Double(right) / Double(commands) }
    /// The share of non-commands that were not carried out.
    public var refusedShare: Double { nonCommands == 0 ? 1 : Double(nonCommands - dispatched.count) / Double(nonCommands) }

    /// Reads every sentence with `skill`, on a pool thread (``BlockingWork``): hundreds of readings are seconds of CPU
    /// (a minute in a debug build), and on the cooperative pool (two threads here) they delayed every other task's
    /// hops behind them — timeouts fired seconds late and a voice loop waited for its turn.
    public static func measure(_ sentences: [LabelledSentence], with skill: TextCommandSkill, catalog: ActionCatalog) async -> UnderstandingScore {
        await BlockingWork.run {
            var s = UnderstandingScore()
            for sentence in sentences { s.add(sentence, read: skill.interpret(sentence.text).match, catalog: catalog) }
            return s
        }
    }

    /// Counts one sentence and what it was read as (nil: not understood).
    public mutating func add(_ sentence: LabelledSentence, read match: CommandMatch?, catalog: ActionCatalog) {
        guard let expected = sentence.expected else {
            nonCommands += 1
            if let match {
                dispatched.append("\(sentence.text) → \(Self.describe(match.call)) [\(match.template)]")
                if Self.asksFirst(match, catalog: catalog) { dispatchedAskedFirst += 1 }
            }
            return
        }
        commands += 1
        guard let match else { notUnderstood.append(sentence.text); return }
        if match.call.name == expected.name && Self.unordered(match.call.arguments) == Self.unordered(expected.arguments) {
            right += 1
            if Self.asksFirst(match, catalog: catalog) { rightAskedFirst += 1 }
        } else if match.call.name == expected.name, !match.missing.isEmpty,
                  match.call.arguments.allSatisfy({ expected.arguments[$0.key] == $0.value }) {
            asks.append(sentence.text)
        } else {
            let line = "\(sentence.text) → \(Self.describe(match.call)), expected \(Self.describe(expected)) [\(match.template), \(String(format: "%.3f", match.score))]"
            misread.append(line)
            if Self.asksFirst(match, catalog: catalog) { misreadAskedFirst += 1 }
            if match.call.name != expected.name { wrongAction.append(line) }
            let got = catalog.action(named: match.call.name)?.permission, want = catalog.action(named: expected.name)?.permission
            if let got, let want, (got == .read) != (want == .read) { readWriteConfusions.append(line) }
            if case .bool(let a)? = match.call.arguments["on"], case .bool(let b)? = expected.arguments["on"], a != b {
                onOffConfusions.append(line)
            }
        }
    }

    /// Arguments as an order-free dictionary, for comparison.
    public static func unordered(_ o: JSONObject) -> [String: JSONValue] {
        var d: [String: JSONValue] = [:]
        for (k, v) in o { d[k] = v }
        return d
    }

    /// Whether `match`, typed, is asked about before it is carried out (see ``misreadAskedFirst``).
    static func asksFirst(_ match: CommandMatch, catalog: ActionCatalog) -> Bool {
        guard let permission = catalog.action(named: match.call.name)?.permission else { return false }
        return ReadBackPolicy().asksFirst(permission: permission, reading: match, understanding: UnderstandingPolicy())
    }

    static func describe(_ call: ToolCall) -> String { "\(call.name) \(JSONValue.object(call.arguments).compactJSON)" }

    public var description: String {
        func percent(_ x: Double) -> String { String(format: "%.1f", x * 100) }
        return "\(right)/\(commands) right (\(percent(rightShare)) %, \(rightAskedFirst) asked first), "
            + "\(asks.count) ask, \(misread.count) misread "
            + "(\(wrongAction.count) another action, \(misreadAskedFirst) asked first), "
            + "\(notUnderstood.count) not understood; non-commands: \(dispatched.count)/\(nonCommands) dispatched "
            + "(\(percent(refusedShare)) % refused; \(dispatchedAskedFirst) asked first); "
            + "read/write confusions \(readWriteConfusions.count), on/off confusions \(onOffConfusions.count)"
    }

    /// Every sentence that was not read right, by outcome.
    public var details: String {
        "  asks: \(asks)\n  not understood: \(notUnderstood)\n  misread:\n    \(misread.joined(separator: "\n    "))\n  dispatched:\n    \(dispatched.joined(separator: "\n    "))"
    }
}
