import Foundation
public import RelayKit
public import RelayLanguage
import RelaySentenceEncoder

/// Two actions whose sentences the sentence encoder can hardly tell apart: an utterance like ``sentence`` may be read
/// as either, so the encoder stage will refuse it (or the words must decide). Reported for plugin authors by
/// ``NearCollisions/report(subsystems:margin:embedder:)``.
public struct NearCollision: Sendable, Hashable, CustomStringConvertible {
    /// One of ``action``'s embedded sentences.
    public var sentence: String
    /// The action it belongs to.
    public var action: String
    /// Cosine with the nearest other sentence of ``action``.
    public var ownSimilarity: Double
    /// The other action.
    public var rival: String
    /// The rival's sentence nearest to ``sentence``.
    public var rivalSentence: String
    /// Its cosine with ``sentence``.
    public var rivalSimilarity: Double

    /// "'show my alarms' is as close to clock.list_timers ('show my timers', 0.84) as to clock.list_alarms (0.81)".
    public var description: String {
        "'\(sentence)' is as close to \(rival) ('\(rivalSentence)', \(String(format: "%.2f", rivalSimilarity))) as to \(action) (\(String(format: "%.2f", ownSimilarity)))"
    }
}

/// The near-collision report of the plugin test kit: for every pair of actions, the sentence of one that the encoder
/// puts as close to the other action as to its own (within `margin`), worst first.
public enum NearCollisions {
    /// The report for the actions of `subsystems`, embedded with `embedder` (by default the installed
    /// all-MiniLM-L6-v2, shared by the process; it throws when the model is missing).
    public static func report(subsystems: [any Subsystem], margin: Double = 0.02,
                              embedder: (any SentenceEmbedder)? = nil) async throws -> [NearCollision] {
        let catalog = ActionCatalog(subsystems: subsystems)
        let model: any SentenceEmbedder
        if let embedder { model = embedder } else { model = try await InstalledEncoder.shared() }
        let embeddings = await ActionEmbeddings.load(
            catalog: catalog, embedder: model,
            cacheDirectory: ActionEmbeddings.defaultCacheDirectory(modelDirectory: SentenceEncoder.defaultModelDirectory()))
        return report(embeddings, margin: margin)
    }

    /// The report over already embedded sentences.
    public static func report(_ embeddings: ActionEmbeddings, margin: Double = 0.02) -> [NearCollision] {
        let entries = embeddings.entries
        let vectors = entries.indices.map { embeddings.vector($0) }
        var worst: [String: NearCollision] = [:]
        for (i, entry) in entries.enumerated() {
            var own: Float = -1, rival: Float = -1, rivalIndex = -1
            for j in entries.indices where j != i {
                let c = SentenceEncoderMath.dot(vectors[i], vectors[j])
                if entries[j].action == entry.action { own = max(own, c) } else if c > rival { rival = c; rivalIndex = j }
            }
            // An action with one sentence has nothing of its own to compare with: only a rival closer than 0.9 counts.
            if own < 0 { own = 0.9 }
            guard rivalIndex >= 0, Double(rival) >= Double(own) - margin else { continue }
            let collision = NearCollision(
                sentence: entry.text, action: embeddings.actionNames[entry.action], ownSimilarity: Double(own),
                rival: embeddings.actionNames[entries[rivalIndex].action], rivalSentence: entries[rivalIndex].text,
                rivalSimilarity: Double(rival))
            let key = [collision.action, collision.rival].sorted().joined(separator: " ")
            if let old = worst[key], old.rivalSimilarity - old.ownSimilarity >= collision.rivalSimilarity - collision.ownSimilarity { continue }
            worst[key] = collision
        }
        return worst.values.sorted {
            ($0.rivalSimilarity - $0.ownSimilarity, $1.action) > ($1.rivalSimilarity - $1.ownSimilarity, $0.action)
        }
    }
}

/// The installed sentence encoder (all-MiniLM-L6-v2 from `$RELAY_MODELS`), loaded once per process for the test kit:
/// `PluginTest(subsystems: …, embedder: try await InstalledEncoder.shared())` reads sentences as `relay say` does.
public enum InstalledEncoder {
    static let loaded = Task { () throws -> SentenceEncoder in try await SentenceEncoder.load() }

    /// The encoder; throws (naming the missing file and how to fetch it) when the model is not installed.
    public static func shared() async throws -> any SentenceEmbedder { try await loaded.value }
}

enum SentenceEncoderMath {
    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        var s: Float = 0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s
    }
}
