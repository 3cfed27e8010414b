import Foundation
import RelayKit
import RelayLanguage
import RelayTestSupport
import Testing

/// The encoder stage's intent head (issue 13): fitted to the actions' sentences and labelled ones, "no action" learnt
/// from labelled non-commands, cached under a key of everything it was fitted to. A bag-of-words embedder stands in for
/// the model: the fitting and the cache are under test, not the sentence encoder.
@Suite struct IntentClassifierTests {
    /// Words hashed into 32 buckets, unit length; counts its calls.
    final class BagOfWords: SentenceEmbedder, @unchecked Sendable {
        // Only the test's one thread calls it.
        var encoded = 0
        let modelIdentity = "bag of words 32"
        func encode(_ sentences: [String]) -> [[Float]] {
            encoded += sentences.count
            return sentences.map { sentence in
                var v = [Float](repeating: 0, count: 32)
                for word in TextNormalizer.words(sentence) {
                    var h: UInt32 = 2_166_136_261
                    for b in word.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
                    v[Int(h % 32)] += 1
                }
                let norm = max(v.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-6)
                return v.map { $0 / norm }
            }
        }
    }

    static let catalog = ActionCatalog(subsystems: [NearCollisionTests.Clash()])
    static let labelled = LabelledSentence.parse("""
        # the format of the calibration sets
        display my alarms please | clash.list_alarms
        list every alarm | clash.list_alarms
        photograph this | clash.take_photo key="two words" on=true count=3 when=last_week
        what's the weather like | -
        tell me a joke | -
        """)

    @Test func parsesTheCalibrationFormat() {
        #expect(Self.labelled.count == 5)
        #expect(Self.labelled[2] == LabelledSentence("photograph this", expected: ToolCall(name: "clash.take_photo", arguments: [
            "key": .string("two words"), "on": .bool(true), "count": .int(3), "when": .string("last_week"),
        ])))
        #expect(Self.labelled[3].action == nil)
    }

    @Test func fitsTheActionsAndNoAction() throws {
        let folder = try Fixtures.folder("relay-intents")
        let embeddings = ActionEmbeddings(catalog: Self.catalog, embedder: BagOfWords(), cacheDirectory: folder, labelled: Self.labelled)
        let head = try #require(embeddings.intents)
        #expect(head.classes == ["clash.list_alarms", "clash.list_alarm_times", "clash.take_photo", IntentClassifier.noAction])
        func best(_ sentence: String) -> String {
            let p: [Float] = head.probabilities(BagOfWords().encode([sentence])[0])
            let total: Float = p.reduce(0, +)
            #expect(abs(total - 1) < 1e-4)
            let bestIndex: Int = p.indices.max { p[$0] < p[$1] }!
            return head.classes[bestIndex]
        }
        #expect(best("take a photo") == "clash.take_photo")
        #expect(best("photograph this") == "clash.take_photo")
        #expect(best("display my alarms please") == "clash.list_alarms")
        #expect(best("what's the weather like") == IntentClassifier.noAction)
    }

    @Test func isCachedByWhatItWasFittedTo() throws {
        let folder = try Fixtures.folder("relay-intents")
        let first = ActionEmbeddings(catalog: Self.catalog, embedder: BagOfWords(), cacheDirectory: folder, labelled: Self.labelled)
        let counting = BagOfWords()
        let second = ActionEmbeddings(catalog: Self.catalog, embedder: counting, cacheDirectory: folder, labelled: Self.labelled)
        #expect(counting.encoded == 0, "neither the sentences nor the labelled ones are encoded again")
        let probe = BagOfWords().encode(["show alarms"])[0]
        #expect(try #require(first.intents).probabilities(probe) == (try #require(second.intents)).probabilities(probe))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("intents-") }
        #expect(files.count == 1)
        // Other labelled sentences: another fit, another file.
        _ = ActionEmbeddings(catalog: Self.catalog, embedder: BagOfWords(), cacheDirectory: folder,
                             labelled: Self.labelled + [LabelledSentence("snap it", action: "clash.take_photo")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("intents-") }.count == 2)
    }

    @Test func withoutLabelledSentencesThereIsNoHead() {
        let embeddings = ActionEmbeddings(catalog: Self.catalog, embedder: BagOfWords(), cacheDirectory: nil)
        #expect(embeddings.intents == nil)
        let unknownOnly = ActionEmbeddings(catalog: Self.catalog, embedder: BagOfWords(), cacheDirectory: nil,
                                           labelled: [LabelledSentence("open the garage", action: "garage.open")])
        #expect(unknownOnly.intents == nil, "sentences for actions the catalog lacks are left out")
    }
}
