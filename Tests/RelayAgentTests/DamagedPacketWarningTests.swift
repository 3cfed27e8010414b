import Foundation
import RelayAgent
import RelayJSON
import RelayMedia
import RelayTestSupport
import Testing

/// Damaged packets that decoding skips are reported: counted by stream, in the warnings, the JSON and the text.
@Suite struct DamagedPacketWarningTests {
    /// A 4 s 320×180 H.264 clip (GOP 25, so damage does not hide in one long run of P-frames), then a copy with
    /// three 1500-byte stretches of its video data overwritten with pseudo-random bytes.
    static func clips() async throws -> (clean: URL, damaged: URL) {
        let folder = try Fixtures.folder("relay-damage")
        let clean = folder.appendingPathComponent("clean.mkv")
        try await Fixtures.ffmpeg([
            "-filter_complex", "testsrc2=s=320x180:r=25:d=4,format=yuv420p",
            "-c:v", "libx264", "-preset", "veryfast", "-g", "25", clean.path,
        ])
        var bytes = try [UInt8](Data(contentsOf: clean))
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for fraction in [0.3, 0.5, 0.7] {
            let start = Int(Double(bytes.count) * fraction)
            for i in start..<min(bytes.count, start + 1500) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[i] = UInt8(truncatingIfNeeded: seed >> 33)
            }
        }
        let damaged = folder.appendingPathComponent("damaged.mkv")
        try Data(bytes).write(to: damaged)
        return (clean, damaged)
    }

    @Test func damagedPacketsBecomeWarnings() async throws {
        let (clean, damaged) = try await Self.clips()
        let good = try await VideoAnalyzer.analyze(clean)
        #expect(good.damage.total == 0)
        #expect(!good.warnings.contains { $0.contains("damaged packet") })

        let bad = try await VideoAnalyzer.analyze(damaged)
        #expect(bad.damage.total > 0, "no damage counted in \(damaged.path)")
        let warning = try #require(bad.warnings.first { $0.contains("damaged packet") })
        #expect(warning.hasPrefix("\(bad.damage.total) damaged packet"))
        #expect(bad.text.contains("warning: \(warning)"))
        guard case .object(let json) = bad.json, case .object(let counts)? = json["damaged_packets"] else {
            Issue.record("no damaged_packets in \(bad.json)")
            return
        }
        #expect(counts["total"] == .int(bad.damage.total))
        #expect(counts["video"] == .int(bad.damage.videoPackets))
    }
}
