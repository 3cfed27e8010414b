import Foundation
import Testing

@testable import RelayMedia

extension ALSATests {
    @Suite("ALSA resources")
    struct Resources {
        /// Open file descriptors of this process on the test devices' files (an open capture device holds its
        /// `infile`). Counting every descriptor would count the pipes of other suites' child processes too.
        private func openDescriptors() throws -> Int {
            let folder = ALSATestDevices.folder.resolvingSymlinksInPath().path
            return try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter { fd in
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? ""
                return target.hasPrefix(folder) || target.hasPrefix(ALSATestDevices.folder.path)
            }.count
        }

        @Test("opening, capturing and closing 100 times leaks no device handles")
        func noHandleLeak() async throws {
            try ALSATestDevices.prepare()
            try ALSATestDevices.bytes(of: ALSATestDevices.pattern(count: 320)).write(to: ALSATestDevices.captureFile)
            // Warm up ALSA's configuration cache, which stays loaded on purpose.
            _ = try AudioCapture(device: ALSATestDevices.capture)
            let before = try openDescriptors()
            for round in 0..<100 {
                let capture = try AudioCapture(device: ALSATestDevices.capture, chunkFrames: 160, maxFrames: 320)
                if round.isMultiple(of: 2) {
                    var frames = 0
                    for try await chunk in capture.rawChunks() { frames += chunk.count }
                    #expect(frames == 320)
                }
                let speaker = try AudioPlayback(device: "null", format: AudioFormat(sampleRate: 16_000, channels: 1))
                try await speaker.play([1, 2, 3, 4])
                await speaker.close()
            }
            // The reading threads close their devices just after the last chunk: give them a moment.
            var after = try openDescriptors()
            let start = ContinuousClock.now
            while after > before, ContinuousClock.now - start < .seconds(2) {
                try await Task.sleep(for: .milliseconds(10))
                after = try openDescriptors()
            }
            // Every round opened the capture device's input file: a leak here would be ≥ 100 descriptors.
            #expect(after == before, "descriptors on the test devices' files grew from \(before) to \(after)")
        }
    }
}
