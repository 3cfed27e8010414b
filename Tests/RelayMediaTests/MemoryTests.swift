import Foundation
import Testing
@testable import RelayMedia

/// Opening and closing files must not leak: RSS stays flat across 1,000 open/probe/close cycles.
@Suite(.serialized) struct MemoryTests {
    /// Resident set size in bytes, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    @Test func probeCyclesDoNotGrowMemory() throws {
        let url = try MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        let bad = try BadInputTests.write(BadInputTests.noise(4096, seed: 9), "bad.mp4")
        func cycle() throws {
            _ = try MediaProbe.probe(url)
            _ = try? MediaProbe.probe(bad)
        }
        for _ in 0..<100 { try cycle() }  // warm up allocator caches
        let before = Self.residentBytes()
        for _ in 0..<1_000 { try cycle() }
        let growth = Self.residentBytes() - before
        // A leaked format context is tens of KB per cycle (tens of MB here); other tests run concurrently, so allow 12 MB.
        #expect(growth < 12 << 20, "RSS grew by \(growth >> 10) KB over 1,000 cycles")
    }

    @Test func decoderCyclesDoNotGrowMemory() async throws {
        let url = try MediaFixtures.sampleSet().appendingPathComponent("sample.mp4")
        func cycle() async throws {
            let decoder = try VideoDecoder(url: url)
            for try await _ in decoder.frames(size: FrameSize(width: 32, height: 24)) { break }
            _ = try await AudioDecoder(url: url).chunks(seconds: 0.1).first { _ in true }
        }
        for _ in 0..<30 { try await cycle() }
        let before = Self.residentBytes()
        for _ in 0..<200 { try await cycle() }
        let growth = Self.residentBytes() - before
        #expect(growth < 12 << 20, "RSS grew by \(growth >> 10) KB over 200 decode cycles")
    }
}
