import Foundation
import RelayAgent
import RelayKit
import RelayLanguage
import RelaySentenceEncoder
import Testing

/// Each text is encoded at most once per command (issue 13's latency): the encoder is most of a command's time when
/// the templates are not sure, and understanding reads the same words more than once (the loose-read check, then the
/// encoder stage; the text skill's reading, then the read-back's).
@Suite struct EncodingOnceTests {
    /// The real encoder, every sentence it is asked for written down.
    final class Counting: SentenceEmbedder, @unchecked Sendable {
        // @unchecked: `asked` is only touched under `lock`.
        let inner: any SentenceEmbedder
        private let lock = NSLock()
        private var asked: [String] = []
        init(_ inner: any SentenceEmbedder) { self.inner = inner }
        var modelIdentity: String { inner.modelIdentity }
        func encode(_ sentences: [String]) -> [[Float]] {
            lock.withLock { asked += sentences }
            return inner.encode(sentences)
        }
        /// The sentences encoded since the last call.
        func take() -> [String] { lock.withLock { defer { asked = [] }; return asked } }
    }

    static func counting(_ catalog: ActionCatalog) async throws -> (CommandMatcher, Counting) {
        let encoder = try await SentenceEncoder.load()
        let counting = Counting(encoder)
        let embeddings = await ActionEmbeddings.load(
            catalog: catalog, embedder: counting,
            cacheDirectory: ActionEmbeddings.defaultCacheDirectory(modelDirectory: encoder.modelDirectory))
        _ = counting.take()
        return (CommandMatcher(catalog: catalog, embeddings: embeddings), counting)
    }

    /// Through every way `interpret` reaches the encoder: no template reading, a loose read the encoder overrules, a
    /// question template without its question word, a clause; and non-commands.
    @Test func oneInterpretationEncodesEachTextOnce() async throws {
        let (matcher, counting) = try await Self.counting(SharedUnderstanding.catalog)
        let sentences = [
            "i'd like bluetooth on", "dark mode off", "get rid of the Cats album", "make the screen brighter, 80 percent",
            "enable bluetooth, I want to use my headphones", "countdown of 3 minutes", "what alarms have i got",
            "i don't need an alarm on weekends", "we took so many pictures on the trip", "what's the weather like",
        ]
        var encoded = 0
        for sentence in sentences {
            _ = matcher.interpret(sentence, entityNames: goldenEntityNames)
            let asked = counting.take()
            encoded += asked.count
            #expect(Set(asked).count == asked.count, "\(sentence): \(asked)")
        }
        #expect(encoded >= sentences.count, "the encoder stage was reached")
        // Nothing is kept from one command to the next: the same words read again are encoded again.
        _ = matcher.interpret("i'd like bluetooth on", entityNames: goldenEntityNames)
        #expect(counting.take().contains("i'd like bluetooth on"))
    }

    /// `relay say` reads a write twice (the text skill, then the read-back to know how sure it was): one encoding.
    @Test func theReadBackReusesTheCommandsEncoding() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("relay-encode-once-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let dispatcher = Dispatcher(subsystems: builtInSubsystems, home: home)
        let (matcher, counting) = try await Self.counting(dispatcher.catalog)
        let runner = CommandRunner(dispatcher: dispatcher, matcher: matcher)
        let outcome = await runner.run("i'd like bluetooth on", interaction: ScriptedInteraction(replies: ["yes"]))
        #expect(outcome.toolCall?.name == "settings.set_toggle")
        let asked = counting.take()
        #expect(asked.filter { $0 == "i'd like bluetooth on" }.count == 1, "\(asked)")
        #expect(Set(asked).count == asked.count, "\(asked)")
    }
}
