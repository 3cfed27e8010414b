import ArgumentParser
import Foundation
import RelayAgent
import RelayCore
import RelayKit
import RelayPlugins
import RelaySentenceEncoder

/// `relay-bench understanding-sets`: how well understanding generalises, measured on sentences the intent head was
/// not fitted to.
struct UnderstandingSetsBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understanding-sets",
        abstract: "Understanding measured on labelled sentence sets: each calibration set left out of the intent head's data in turn, and test sets from files.",
        discussion: """
            For each calibration set (Sources/RelayAgent/Understanding/Calibration), prints its score with the intent \
            head fitted to every set (the calibration figure) and with the head fitted to the others only (the left-out \
            figure: the head never saw those sentences, though the rules were written after reading their failures). \
            Each --set FILE (same line format, `sentence | action key=value …` or `sentence | -`) is scored with the head \
            fitted to all the calibration sets: a test set written fresh, never tuned on. Only the summaries are printed \
            unless --details is given, so that reading the output tunes nothing. The live state is \
            UnderstandingCalibration.liveNames. Fitting a head takes seconds the first time, then it is cached.
            """
    )

    @Option(name: .customLong("set"), help: ArgumentHelp("A test set to score (repeatable).", valueName: "FILE"))
    var sets: [String] = []

    @Flag(help: "Skip the calibration sets (score only the --set files).")
    var testSetsOnly = false

    @Flag(help: "Print every sentence not read right, by outcome.")
    var details = false

    @Option(help: "Only these calibration sets (held-out, first, second, third; repeatable).")
    var only: [String] = []

    @Option(help: "The intent head's threshold for reads and writes (default: UnderstandingPolicy's).")
    var intentThreshold: Double?

    @Option(help: "The intent head's threshold for destructive actions.")
    var intentDestructiveThreshold: Double?

    @Option(help: "The intent head's margin over the runner-up and over 'no action'.")
    var intentMargin: Double?

    @Option(help: "The probability at which the intent head's first action overrides the leading verb.")
    var intentOverVerb: Double?

    /// The policy with the options given.
    var policy: UnderstandingPolicy {
        var p = UnderstandingPolicy()
        if let intentThreshold { p.intentThreshold = intentThreshold }
        if let intentDestructiveThreshold { p.intentDestructiveThreshold = intentDestructiveThreshold }
        if let intentMargin { p.intentMargin = intentMargin }
        if let intentOverVerb { p.intentOverVerb = intentOverVerb }
        return p
    }

    func run() async throws {
        let catalog = ActionCatalog(subsystems: InstalledPlugins.subsystems + [RelaySystemSubsystem()])
        let encoder = try await SentenceEncoder.load()
        let cache = ActionEmbeddings.defaultCacheDirectory(modelDirectory: encoder.modelDirectory)
        func skill(fittedTo labelled: [LabelledSentence]) async -> TextCommandSkill {
            let embeddings = await ActionEmbeddings.load(catalog: catalog, embedder: encoder, cacheDirectory: cache, labelled: labelled)
            // As `relay` reads: with phonetic repair when Debian's pronouncing dictionary is installed.
            let matcher = await CommandMatcher(catalog: catalog, embeddings: embeddings).repairing()
            return TextCommandSkill(matcher: matcher, entityNames: UnderstandingCalibration.liveNames, policy: policy)
        }
        func report(_ name: String, _ score: UnderstandingScore) {
            print("\(name): \(score)")
            if details { print(score.details) }
        }
        let all = await skill(fittedTo: UnderstandingCalibration.sentences)
        if !testSetsOnly {
            for set in UnderstandingCalibration.fittedTo where set != .golden && (only.isEmpty || only.contains(set.rawValue)) {
                let sentences = UnderstandingCalibration.sentences(of: set)
                report("\(set.rawValue), calibration", await UnderstandingScore.measure(sentences, with: all, catalog: catalog))
                let others = UnderstandingCalibration.fittedTo.filter { $0 != set }.flatMap(UnderstandingCalibration.sentences(of:))
                report("\(set.rawValue), left out", await UnderstandingScore.measure(sentences, with: await skill(fittedTo: others), catalog: catalog))
            }
        }
        for file in sets {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ValidationError("cannot read the test set \(file): \(error.localizedDescription)")
            }
            report(file, await UnderstandingScore.measure(LabelledSentence.parse(text), with: all, catalog: catalog))
        }
    }
}
