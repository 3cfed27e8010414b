import Foundation
import RelayAgent
import RelayJSON
import RelayKit
import RelayModel
import RelayPlugins
import RelaySentenceEncoder

/// One loaded sentence encoder, the built-in actions' embedded sentences and the pronouncing dictionary, shared by every test of the process
/// (loading is ~0.1 s with a warm cache; embedding the sentences once is seconds, then cached in the models folder).
enum SharedUnderstanding {
    /// Every action `relay say` understands: the installed plugins (the sample Notes among them) and the phone's own
    /// undo and redo, so that the measurements compete with all of them as the product does.
    static let catalog = ActionCatalog(subsystems: InstalledPlugins.subsystems + [RelaySystemSubsystem()])
    /// The built-in apps' actions, which the first two test sets were written for.
    static let builtInActionNames = Set(ActionCatalog(subsystems: builtInSubsystems).actions.map(\.name))
    static let loaded = Task { () throws -> CommandMatcher in
        let encoder = try await SentenceEncoder.load()
        let embeddings = await ActionEmbeddings.load(
            catalog: catalog, embedder: encoder,
            cacheDirectory: ActionEmbeddings.defaultCacheDirectory(modelDirectory: encoder.modelDirectory),
            labelled: UnderstandingCalibration.sentences)
        // As `relay` reads: with phonetic repair when Debian's pronouncing dictionary is installed.
        return await CommandMatcher(catalog: catalog, embeddings: embeddings).repairing()
    }

    /// The matcher with both stages (templates, then the encoder).
    static func matcher() async throws -> CommandMatcher { try await loaded.value }

    /// The text skill over it, with the golden sentences' live names.
    static func skill() async throws -> TextCommandSkill {
        TextCommandSkill(matcher: try await matcher(), entityNames: goldenEntityNames)
    }
}

/// How a set of sentences was understood: right, asked a follow-up, misread, not understood; non-commands dispatched.
struct UnderstandingScore: CustomStringConvertible {
    var commands = 0, right = 0, nonCommands = 0
    var asks: [String] = [], misread: [String] = [], notUnderstood: [String] = [], dispatched: [String] = []
    /// Misreadings that swap a read for a write (or back), or switch on for off.
    var readWriteConfusions: [String] = [], onOffConfusions: [String] = []

    var rightShare: Double { commands == 0 ? 0 : Double(right) / Double(commands) }
    var refusedShare: Double { nonCommands == 0 ? 1 : Double(nonCommands - dispatched.count) / Double(nonCommands) }

    /// Reads every case. Each reading is CPU work on the cooperative pool (two threads here), so the loop yields after
    /// each: hundreds of readings in a row would hold a thread for a minute and starve the suite's other tests (a
    /// Wyoming client's 500 ms deadline waited behind them past its test's time limit).
    static func measure(_ cases: [GoldenTextCase], with skill: TextCommandSkill, catalog: ActionCatalog) async -> UnderstandingScore {
        var s = UnderstandingScore()
        for golden in cases {
            await Task.yield()
            let match = skill.interpret(golden.sentence).match
            guard let expected = golden.expected else {
                s.nonCommands += 1
                if let match { s.dispatched.append("\(golden.sentence) → \(match.call.name) \(JSONValue.object(match.call.arguments).compactJSON) [\(match.template)]") }
                continue
            }
            s.commands += 1
            guard let match else { s.notUnderstood.append(golden.sentence); continue }
            if match.call.name == expected.name && unordered(match.call.arguments) == unordered(expected.arguments) {
                s.right += 1
            } else if match.call.name == expected.name, !match.missing.isEmpty,
                      match.call.arguments.allSatisfy({ expected.arguments[$0.key] == $0.value }) {
                s.asks.append(golden.sentence)
            } else {
                let line = "\(golden.sentence) → \(match.call.name) \(JSONValue.object(match.call.arguments).compactJSON), expected \(expected.name) \(JSONValue.object(expected.arguments).compactJSON) [\(match.template), \(String(format: "%.3f", match.score))]"
                s.misread.append(line)
                let got = catalog.action(named: match.call.name)?.permission, want = catalog.action(named: expected.name)?.permission
                if let got, let want, (got == .read) != (want == .read) { s.readWriteConfusions.append(line) }
                if case .bool(let a)? = match.call.arguments["on"], case .bool(let b)? = expected.arguments["on"], a != b {
                    s.onOffConfusions.append(line)
                }
            }
        }
        return s
    }

    var description: String {
        "\(right)/\(commands) right (\(String(format: "%.1f", rightShare * 100)) %), \(asks.count) ask, \(misread.count) misread, "
            + "\(notUnderstood.count) not understood; non-commands: \(dispatched.count)/\(nonCommands) dispatched "
            + "(\(String(format: "%.1f", refusedShare * 100)) % refused); read/write confusions \(readWriteConfusions.count), "
            + "on/off confusions \(onOffConfusions.count)"
    }

    var details: String {
        "  asks: \(asks)\n  not understood: \(notUnderstood)\n  misread:\n    \(misread.joined(separator: "\n    "))\n  dispatched:\n    \(dispatched.joined(separator: "\n    "))"
    }
}
