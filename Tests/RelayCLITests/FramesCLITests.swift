import Foundation
import RelayTestSupport
import Testing

@Suite struct FramesCLITests {
    struct Index: Decodable {
        struct Entry: Decodable { var file: String; var time: Double; var width: Int; var height: Int }
        var source: String
        var frames: [Entry]
    }

    private func index(in dir: URL) throws -> Index {
        try JSONDecoder().decode(Index.self, from: Data(contentsOf: dir.appendingPathComponent("index.json")))
    }

    @Test func atTimesWritesJPEGsAndIndex() async throws {
        let dir = try Fixtures.folder("relay-cli-media")
        let clip = try await MediaCLI.clip(in: dir)
        let out = dir.appendingPathComponent("frames")
        let result = try await RelayCLI.run(["frames", clip.path, "--at", "1.5,0,0.21", "--size", "80x60", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try index(in: out)
        #expect(index.frames.map(\.file) == ["frame-0001.jpg", "frame-0002.jpg", "frame-0003.jpg"])
        // At 25 fps frames start every 0.04 s: the ones displayed at 0, 0.21 and 1.5 s start at 0, 0.2 and 1.48 s.
        #expect(zip(index.frames.map(\.time), [0, 0.2, 1.48]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(index.frames.allSatisfy { $0.width == 80 && $0.height == 60 })
        for entry in index.frames {
            let bytes = try Data(contentsOf: out.appendingPathComponent(entry.file))
            #expect(bytes.prefix(2) == Data([0xFF, 0xD8]))
        }
    }

    @Test func fpsAndCountWithPNGAndJSON() async throws {
        let dir = try Fixtures.folder("relay-cli-media")
        let clip = try await MediaCLI.clip(in: dir)
        let byRate = dir.appendingPathComponent("rate")
        let rate = try await RelayCLI.run(["frames", clip.path, "--fps", "2", "--format", "png", "--out", byRate.path, "--json"])
        #expect(rate.status == 0, "\(rate.stderr)")
        let printed = try JSONDecoder().decode(Index.self, from: Data(rate.stdout.utf8))
        #expect(printed.frames.count == 4)
        #expect(printed.frames.map(\.file) == (try index(in: byRate)).frames.map(\.file))
        #expect(printed.frames.allSatisfy { $0.width == 160 && $0.height == 120 && $0.file.hasSuffix(".png") })
        let png = try Data(contentsOf: byRate.appendingPathComponent("frame-0004.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let counted = dir.appendingPathComponent("count")
        let count = try await RelayCLI.run(["frames", clip.path, "--count", "5", "--out", counted.path])
        #expect(count.status == 0)
        #expect(try index(in: counted).frames.count == 5)
        #expect(count.stdout.contains("wrote 5 frames"))
    }

    @Test func badInputIsAOneLineErrorNamingTheFile() async throws {
        let dir = try Fixtures.folder("relay-cli-media")
        let bad = dir.appendingPathComponent("notes.mp4")
        try Data(repeating: 7, count: 5000).write(to: bad)
        let result = try await RelayCLI.run(["frames", bad.path, "--count", "3", "--out", dir.appendingPathComponent("o").path])
        #expect(result.status != 0)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("notes.mp4"))
        let clip = try await MediaCLI.clip(in: dir)
        let late = try await RelayCLI.run(["frames", clip.path, "--at", "30", "--out", dir.appendingPathComponent("late").path])
        #expect(late.status != 0 && late.stderr.contains("clip.mp4"))
        let neither = try await RelayCLI.run(["frames", clip.path, "--out", dir.appendingPathComponent("n").path])
        #expect(neither.status != 0 && neither.stderr.contains("exactly one of --fps, --at or --count"))
        let badSize = try await RelayCLI.run(["frames", clip.path, "--count", "1", "--size", "big", "--out", dir.appendingPathComponent("s").path])
        #expect(badSize.status != 0 && badSize.stderr.contains("--size"))
    }
}
