import Foundation
import RelayAgent
import RelayKit
import Testing

@Test func timingProbe() {
    let matcher = CommandMatcher(catalog: ActionCatalog(subsystems: builtInSubsystems))
    let sentences = ["turn on wifi", "set a timer for ten minutes", "send Anna a message saying I'll be late", "show my favorite photos from this month", "what's the weather like today", "could you please set the screen brightness to sixty five percent"]
    for s in sentences {
        let t0 = Date()
        for _ in 0..<5 { _ = matcher.candidates(for: s, entityNames: goldenEntityNames) }
        print("TIMING", s, Date().timeIntervalSince(t0) / 5 * 1000, "ms")
    }
}
