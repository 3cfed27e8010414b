import Foundation
import RelayCore
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Opening and closing files must not leak: resident memory stays flat across hundreds of open/probe/close and
/// decode cycles.
///
/// Resident memory belongs to the whole process, and in a parallel run every other test moves it: the screen tests
/// draw 1080×2400 canvases and fill a thumbnail cache of up to 48 MB while these cycles run (a round once grew by
/// 14 MB with no leak). So each check runs alone, in a child process of this same test binary filtered to it, where
/// only its own cycles move the figure.
@Suite struct MemoryTests {
    /// Set in the child to the name of the one check it measures.
    static let aloneVariable = "RELAY_MEMORY_TEST_ALONE"

    /// Anonymous resident memory in bytes (`RssAnon` of /proc/self/status): what a leak grows. File-backed pages
    /// (mapped libraries and model weights paged in a little at a time) are left out on purpose.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RssAnon:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return kilobytes << 10
    }

    /// The smallest growth of resident memory over `rounds` runs of `body`: a leak grows it in every round, while the
    /// allocator's own caches settle after the first.
    static func leastGrowth(rounds: Int, _ body: () async throws -> Void) async rethrows -> Int {
        var growth = Int.max
        for _ in 0..<rounds {
            let before = residentBytes()
            try await body()
            growth = min(growth, residentBytes() - before)
        }
        return growth
    }

    /// Runs `measure` when this process is the child started for `name`; otherwise starts that child (this test
    /// binary, filtered to this one test) and expects it to pass.
    static func alone(_ name: String, _ measure: () async throws -> Void) async throws {
        if ProcessInfo.processInfo.environment[aloneVariable] == name { return try await measure() }
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let child = try await ChildProcess(me, ["--testing-library", "swift-testing", "--filter", "MemoryTests/\(name)"],
                                           environment: [aloneVariable: name], timeout: .seconds(300)).run()
        let output = child.stdoutText + child.stderrText
        #expect(child.succeeded, "the check run alone failed:\n\(output.suffix(3000))")
        // A filter that matched nothing also exits 0: the child must have run the one test.
        #expect(output.contains("Test run with 1 test"), "the child ran no test:\n\(output.suffix(3000))")
    }

    @Test func probeCyclesDoNotGrowMemory() async throws {
        try await Self.alone("probeCyclesDoNotGrowMemory") {
            let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
            let bad = try BadInputTests.write(BadInputTests.noise(4096, seed: 9), "bad.mp4")
            func cycle() throws {
                _ = try MediaProbe.probe(url)
                _ = try? MediaProbe.probe(bad)
            }
            for _ in 0..<100 { try cycle() }  // warm up allocator caches
            let growth = try await Self.leastGrowth(rounds: 4) { for _ in 0..<250 { try cycle() } }
            // A leaked probe (format context + the decoders find_stream_info opens) is ≥ 100 KB per cycle, ≥ 25 MB per
            // round, in every round. Alone, the least growth measured −56 to −24 KB.
            #expect(growth < 4 << 20, "RSS grew by at least \(growth >> 10) KB in each round of 250 cycles")
        }
    }

    @Test func decoderCyclesDoNotGrowMemory() async throws {
        try await Self.alone("decoderCyclesDoNotGrowMemory") {
            let url = try await MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
            func cycle() async throws {
                let decoder = try VideoDecoder(url: url)
                for try await _ in decoder.frames(size: FrameSize(width: 32, height: 24)) { break }
                _ = try await AudioDecoder(url: url).chunks(seconds: 0.1).first { _ in true }
            }
            for _ in 0..<30 { try await cycle() }
            let growth = try await Self.leastGrowth(rounds: 4) { for _ in 0..<50 { try await cycle() } }
            // A leaked decoder (frame threads, their frame pools) is ≥ 1 MB per cycle, ≥ 50 MB per round. Alone, the
            // least growth measured −256 to +52 KB.
            #expect(growth < 4 << 20, "RSS grew by at least \(growth >> 10) KB in each round of 50 decode cycles")
        }
    }
}
