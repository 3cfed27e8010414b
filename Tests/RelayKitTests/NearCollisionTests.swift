import Foundation
import RelayKit
import RelayKitTesting
import RelayLanguage
import Testing

/// The test kit's near-collision report (issue 13): actions whose sentences the encoder cannot tell apart.
@Suite struct NearCollisionTests {
    struct ListAlarms: Action {
        static let name = "clash.list_alarms"; static let description = "Lists alarms."; static let permission = Permission.read
        static let sentences: Sentences = ["en": ["show my alarms", "what alarms are set"]]
        init(arguments: Arguments) throws {}
        func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
    }
    struct ListAlarmTimes: Action {
        static let name = "clash.list_alarm_times"; static let description = "Lists alarm times."; static let permission = Permission.read
        static let sentences: Sentences = ["en": ["show my alarm times", "which alarms are set"]]
        init(arguments: Arguments) throws {}
        func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
    }
    struct TakePhoto: Action {
        static let name = "clash.take_photo"; static let description = "Takes a photo."; static let permission = Permission.write
        static let sentences: Sentences = ["en": ["take a photo", "snap a picture"]]
        init(arguments: Arguments) throws {}
        func perform(in context: ActionContext) async throws -> ActionOutcome { .done("") }
    }
    struct Clash: Subsystem {
        let name = "clash"; let displayName = "Clash"
        var actions: [any Action.Type] { [ListAlarms.self, ListAlarmTimes.self, TakePhoto.self] }
        var migrator: DatabaseMigrator { DatabaseMigrator() }
    }

    @Test func reportsActionsTheEncoderCannotTellApart() async throws {
        let report = try await NearCollisions.report(subsystems: [Clash()])
        print("near collisions: \(report)")
        #expect(report.contains { Set([$0.action, $0.rival]) == ["clash.list_alarms", "clash.list_alarm_times"] })
        #expect(!report.contains { $0.action == "clash.take_photo" || $0.rival == "clash.take_photo" })
        let first = try #require(report.first)
        #expect(first.rivalSimilarity >= first.ownSimilarity - 0.02)
        #expect(first.description.contains("is as close to"))
    }

    /// Embeddings are cached under a key of the sentences and the model: read back the second time, a new file when a
    /// template changes. A counting embedder stands in for the model (the cache, not the model, is under test).
    @Test func embeddingsAreCachedByTemplatesAndModel() throws {
        final class Counting: SentenceEmbedder, @unchecked Sendable {
            // Only the test's one thread calls it.
            var calls = 0
            let modelIdentity = "counting 4"
            func encode(_ sentences: [String]) -> [[Float]] {
                calls += 1
                return sentences.map { s in
                    let h = Float(s.count)
                    let v: [Float] = [1, h, h * h, 3]
                    let n = v.map { $0 * $0 }.reduce(0, +).squareRoot()
                    return v.map { $0 / n }
                }
            }
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relay-embeddings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = Counting()
        let catalog = ActionCatalog(subsystems: [Clash()])
        let first = ActionEmbeddings(catalog: catalog, embedder: model, cacheDirectory: folder)
        #expect(first.cacheState == .written)
        let second = ActionEmbeddings(catalog: catalog, embedder: model, cacheDirectory: folder)
        #expect(second.cacheState == .loaded)
        #expect(model.calls == 1)
        #expect(second.key == first.key && second.entries == first.entries)
        #expect((0..<first.entries.count).allSatisfy { first.vector($0) == second.vector($0) })
        let other = ActionEmbeddings(catalog: ActionCatalog(subsystems: [FakeSubsystem()]), embedder: model, cacheDirectory: folder)
        #expect(other.key != first.key && other.cacheState == .written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".f32") }.count == 2)
    }
}
