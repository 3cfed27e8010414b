import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Opening and closing files must not leak: RSS stays flat across 1,000 open/probe/close cycles.
@Suite(.serialized) struct MemoryTests {
    /// Anonymous resident memory in bytes (`RssAnon` of /proc/self/status): what a leak grows. File-backed pages are
    /// left out on purpose: other tests of the process page in memory-mapped files (the sentence encoder's 90 MB of
    /// weights) a little at a time, which moved the whole resident size by 19 MB in every round.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return kilobytes << 10
    }

    /// The smallest RSS growth over `rounds` runs of `body`. Other tests run in the same process at the same time and
    /// move RSS too, but only a leak grows it in every round.
    static func leastGrowth(rounds: Int, _ body: () throws -> Void) rethrows -> Int {
        var growth = Int.max
        for _ in 0..<rounds {
            let before = residentBytes()
            try body()
            growth = min(growth, residentBytes() - before)
        }
        return growth
    }

    @Test func probeCyclesDoNotGrowMemory() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        let bad = try BadInputTests.write(BadInputTests.noise(4096, seed: 9), "bad.mp4")
        func cycle() throws {
            _ = try MediaProbe.probe(url)
            _ = try? MediaProbe.probe(bad)
        }
        for _ in 0..<100 { try cycle() }  // warm up allocator caches
        let growth = try Self.leastGrowth(rounds: 4) { for _ in 0..<250 { try cycle() } }
        // A leaked probe (format context + the decoders find_stream_info opens) is ≥ 100 KB per cycle, ≥ 25 MB per
        // round, in every round; the other tests of this process move RSS by a few MB per round (measured: ≤ 6 MB).
        #expect(growth < 12 << 20, "RSS grew by at least \(growth >> 10) KB in each round of 250 cycles")
    }

    @Test func decoderCyclesDoNotGrowMemory() async throws {
        let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        func cycle() async throws {
            let decoder = try VideoDecoder(url: url)
            for try await _ in decoder.frames(size: FrameSize(width: 32, height: 24)) { break }
            _ = try await AudioDecoder(url: url).chunks(seconds: 0.1).first { _ in true }
        }
        for _ in 0..<30 { try await cycle() }
        var rounds: [Int] = []
        for _ in 0..<4 {
            let before = Self.residentBytes()
            for _ in 0..<50 { try await cycle() }
            rounds.append(Self.residentBytes() - before)
        }
        let growth = rounds.min() ?? 0
        // A leaked decoder (frame threads, their frame pools) is ≥ 1 MB per cycle, ≥ 50 MB per round.
        #expect(growth < 12 << 20, "RSS grew by at least \(growth >> 10) KB in each round of 50 decode cycles")
    }
}
