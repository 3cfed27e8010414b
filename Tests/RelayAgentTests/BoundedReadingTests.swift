import RelayJSON
@testable import RelayKit
import RelayModel
import Testing

/// The template stage's bounded searches (``CommandMatcher/Breadth``) against the exhaustive one, on golden sentences:
/// they may leave readings out, never change one, and never change what the policy decides.
@Suite struct BoundedReadingTests {
    @Test func boundedReadingsDecideAsTheExhaustiveOnes() {
        let matcher = CommandMatcher(catalog: SharedUnderstanding.catalog)
        let policy = UnderstandingPolicy()
        for golden in TextUnderstandingTests.cases.prefix(60) {
            let text = golden.text
            let all = matcher.candidates(for: text, entityNames: goldenEntityNames)
            let decisive = matcher.candidates(for: text, entityNames: goldenEntityNames, tools: nil, minimumScore: 0.3,
                                              breadth: .decisive(policy))
            #expect(policy.decide(decisive) == policy.decide(all), "\(text)")
            // Exactly the readings at or above the floor, each as the full list has it.
            let floor = CommandMatcher.Breadth.decisive(policy).floor(best: all.first?.score ?? 0) - 1e-6
            #expect(Set(decisive) == Set(all.filter { $0.score >= floor }), "\(text)")
            // The encoder stage's fill: the best alignment of one action, however loose.
            for action in Set(all.prefix(3).map(\.call.name)) {
                let one = matcher.candidates(for: text, entityNames: goldenEntityNames, tools: [action], minimumScore: 0.25)
                let best = matcher.candidates(for: text, entityNames: goldenEntityNames, tools: [action], minimumScore: 0.25,
                                              breadth: .best)
                #expect(best.first == one.first, "\(text) as \(action)")
            }
        }
    }
}
