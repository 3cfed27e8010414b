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
