import Foundation
import RelayAgent
import RelayKit
import RelayLanguage
import RelaySentenceEncoder

/// The sentence encoder behind `relay say`, `listen`, `run` and `mcp`: found in the models folder (`$RELAY_MODELS`,
/// default ~/.local/share/relay/models) and handed to the matcher with the actions' embedded sentences (cached in the
/// models folder). Without the model Relay understands with templates only, and says so once per home.
enum Understanding {
    /// What was found: the matcher to use, and for `relay doctor` what it is made of.
    struct Setup: Sendable {
        var matcher: CommandMatcher
        var modelDirectory: URL
        var encoder: SentenceEncoder?
        var embeddings: ActionEmbeddings?
        /// Why the encoder is not in use (nil when it is).
        var problem: String?
        var loadSeconds: Double
    }

    /// `RELAY_ENCODER=off` turns the encoder stage off (templates only), e.g. to compare.
    static var isDisabled: Bool { ProcessInfo.processInfo.environment["RELAY_ENCODER"] == "off" }

    /// `RELAY_REPAIR=off` turns phonetic repair off (misheard words are not re-heard), e.g. to compare.
    static var repairIsDisabled: Bool { ProcessInfo.processInfo.environment["RELAY_REPAIR"] == "off" }

    static func setup(catalog: ActionCatalog) async -> Setup {
        // The pronunciations are parsed on a pool thread while the encoder loads on another.
        async let dictionary = repairIsDisabled ? nil : PronouncingDictionary.shared()
        var setup = await encoderSetup(catalog: catalog)
        if let dictionary = await dictionary { setup.matcher = setup.matcher.repairing(with: dictionary) }
        return setup
    }

    static func encoderSetup(catalog: ActionCatalog) async -> Setup {
        let directory = SentenceEncoder.defaultModelDirectory()
        let started = Date()
        guard !isDisabled else {
            return Setup(matcher: CommandMatcher(catalog: catalog), modelDirectory: directory, problem: "turned off by RELAY_ENCODER=off", loadSeconds: 0)
        }
        do {
            let encoder = try await SentenceEncoder.load(modelDirectory: directory)
            let embeddings = await ActionEmbeddings.load(
                catalog: catalog, embedder: encoder, cacheDirectory: ActionEmbeddings.defaultCacheDirectory(modelDirectory: directory),
                labelled: UnderstandingCalibration.sentences)
            return Setup(matcher: CommandMatcher(catalog: catalog, embeddings: embeddings), modelDirectory: directory,
                         encoder: encoder, embeddings: embeddings, loadSeconds: Date().timeIntervalSince(started))
        } catch {
            return Setup(matcher: CommandMatcher(catalog: catalog), modelDirectory: directory, problem: "\(error)",
                         loadSeconds: Date().timeIntervalSince(started))
        }
    }

    /// The matcher for commands; when the encoder is missing, one line on stderr the first time in `home`.
    static func matcher(catalog: ActionCatalog, home: URL) async -> CommandMatcher {
        let setup = await setup(catalog: catalog)
        if let problem = setup.problem, !isDisabled {
            let marker = home.appendingPathComponent(".templates-only-noted")
            if !FileManager.default.fileExists(atPath: marker.path) {
                FileHandle.standardError.write(Data(("relay: understanding uses templates only: the sentence encoder is not available (\(problem)). "
                    + "Fetch it with Samples/scripts/fetch-models.sh; `relay doctor` shows what is in use.\n").utf8))
                try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: marker.path, contents: Data())
            }
        }
        return setup.matcher
    }
}
