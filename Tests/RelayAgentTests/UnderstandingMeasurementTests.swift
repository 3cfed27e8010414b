import Foundation
import RelayAgent
import RelayJSON
import RelayKit
import RelayModel
import Testing

/// Issue 13's measurement: understanding with templates first and the sentence encoder second, on the calibration
/// data (held-out paraphrases and golden sentences, which the encoder stage's threshold and margins were chosen on) and
/// on the fresh test set (``freshParaphrases``, never tuned on). Figures are printed; the bounds are what was measured.
@Suite struct UnderstandingMeasurementTests {
    @Test func calibrationData() async throws {
        let skill = try await SharedUnderstanding.skill()
        let heldOut = UnderstandingScore.measure(GoldenTextCase.parse(heldOutParaphrases), with: skill, catalog: SharedUnderstanding.catalog)
        let golden = UnderstandingScore.measure(GoldenTextCase.parse(textGoldenCases), with: skill, catalog: SharedUnderstanding.catalog)
        print("calibration, held-out paraphrases: \(heldOut)\n\(heldOut.details)")
        print("calibration, golden sentences: \(golden)\n\(golden.details)")
        #expect(golden.right == golden.commands && golden.dispatched.isEmpty && golden.asks.isEmpty)
        #expect(heldOut.misread.isEmpty && heldOut.dispatched.isEmpty)
        #expect(heldOut.right >= 42)
    }

    @Test func freshTestSet() async throws {
        let skill = try await SharedUnderstanding.skill()
        let cases = GoldenTextCase.parse(freshParaphrases)
        let score = UnderstandingScore.measure(cases, with: skill, catalog: SharedUnderstanding.catalog)
        print("test set, fresh paraphrases: \(score)\n\(score.details)")
        #expect(score.commands >= 150 && score.nonCommands >= 60)
        let covered = Set(cases.compactMap { $0.expected?.name })
        #expect(Set(SharedUnderstanding.catalog.actions.map(\.name)).subtracting(covered).sorted() == [])
        #expect(score.readWriteConfusions.isEmpty && score.onOffConfusions.isEmpty)
    }

    /// Calibration aid (RELAY_UNDERSTANDING_DUMP=1): the encoder's ranking for the calibration sentences.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RELAY_UNDERSTANDING_DUMP"] == "1"))
    func dumpCalibrationRankings() async throws {
        let matcher = try await SharedUnderstanding.matcher()
        for golden in GoldenTextCase.parse(heldOutParaphrases) + GoldenTextCase.parse(textGoldenCases) {
            let templates = matcher.interpret(golden.sentence, entityNames: goldenEntityNames, policy: UnderstandingPolicy(encoderThreshold: 2))
            if templates.match != nil { continue }
            let r = matcher.encoderRanking(golden.sentence).prefix(3)
            let top = r.map { "\($0.action) \(String(format: "%.3f", $0.similarity)) ≈ \($0.nearest)" }.joined(separator: " | ")
            let final = matcher.interpret(golden.sentence, entityNames: goldenEntityNames).match
            print("DUMP \(golden.expected?.name ?? "-") :: \(golden.sentence) :: \(top) => \(final.map { "\($0.call.name) \(JSONValue.object($0.call.arguments).compactJSON) missing \($0.missing)" } ?? "nil")")
        }
    }
}
