import Foundation
import RelayAgent
import RelayTestSupport
import Testing
import RelayMedia
import RelayPerception

/// Generates ``ShotBoundaryCorpus`` into a unique temp folder once per test process, two ffmpeg processes at a time.
enum ShotBoundaryCorpusFixture {
    static func shared() async throws -> URL { try await generation.value }

    private static let generation = Task<URL, any Error> {
        let folder = try Fixtures.folder("relay-shot-corpus")
        let clips = ShotBoundaryCorpus.clips
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func start() {
                guard next < clips.count else { return }
                let clip = clips[next]
                next += 1
                group.addTask {
                    try await Fixtures.ffmpeg(clip.ffmpegGeneration + [folder.appendingPathComponent(clip.fileName).path])
                }
            }
            start()
            start()
            while try await group.next() != nil { start() }
        }
        return folder
    }
}

@Suite struct ShotBoundaryCorpusTests {
    /// Every clip analysed end to end, once per test process (two at a time), by file name.
    static func analyses() async throws -> [String: VideoAnalysis] { try await analysis.value }

    private static let analysis = Task<[String: VideoAnalysis], any Error> {
        let folder = try await ShotBoundaryCorpusFixture.shared()
        return try await withThrowingTaskGroup(of: (String, VideoAnalysis).self) { group in
            var results: [String: VideoAnalysis] = [:]
            var pending = ShotBoundaryCorpus.clips.map(\.fileName)[...]
            func start() {
                guard let name = pending.popFirst() else { return }
                group.addTask { (name, try await VideoAnalyzer.analyze(folder.appendingPathComponent(name))) }
            }
            start()
            start()
            while let (name, analysis) = try await group.next() {
                results[name] = analysis
                start()
            }
            return results
        }
    }

    /// Every clip of the corpus, analysed end to end, against the generator's truth.
    @Test func corpusMeetsTheTargets() async throws {
        let analyses = try await Self.analyses()
        var total = ShotBoundaryScore()
        var report: [String] = []
        for clip in ShotBoundaryCorpus.clips {
            let analysis = try #require(analyses[clip.fileName])
            let boundaries = analysis.timeline.boundaries
            let score = ShotBoundaryScore(boundaries.map(ShotBoundaryScore.Detection.init), against: clip)
            total = total + score
            let found = boundaries.map { b in
                b.isGradual ? String(format: "%@ %.2f–%.2f", b.kind.rawValue, b.start, b.end) : String(format: "cut %.3f", b.start)
            }
            report.append("\(clip.name): \(found.joined(separator: ", "))")
            // Each boundary also splits the scenes there, contiguously.
            for (scene, next) in zip(analysis.timeline.scenes, analysis.timeline.scenes.dropFirst()) {
                #expect(abs(scene.end - next.start) < 1e-9)
                #expect(next.transition != nil)
            }
        }
        print(report.joined(separator: "\n"))
        #expect(total.hard.f1 >= 0.98, "hard cuts: \(total.hard)\n\(report.joined(separator: "\n"))")
        #expect(total.gradual.f1 >= 0.9, "gradual: \(total.gradual)\n\(report.joined(separator: "\n"))")
        #expect(total.flashesTakenForCuts == 0, "\(report.joined(separator: "\n"))")
    }

    /// A cut lands on the new shot's first frame, and a dissolve spans its generated start and end (± 0.25 s).
    @Test func boundariesArePlacedPrecisely() async throws {
        let analyses = try await Self.analyses()
        let cuts = try #require(analyses["cuts-h264-30.mp4"]).timeline.boundaries
        #expect(cuts.map(\.kind) == [.cut, .cut, .cut])
        #expect(zip(cuts.map(\.start), [1.5, 3.0, 4.5]).allSatisfy { abs($0 - $1) < 1e-3 })
        let dissolves = try #require(analyses["dissolves.mp4"]).timeline.boundaries
        #expect(dissolves.map(\.kind) == [.dissolve, .dissolve, .dissolve])
        for (found, truth) in zip(dissolves, [(1.5, 2.5), (4.0, 4.5), (6.0, 8.0)]) {
            #expect(abs(found.start - truth.0) <= 0.25 && abs(found.end - truth.1) <= 0.25, "\(found) vs \(truth)")
        }
        let fades = try #require(analyses["fades.mp4"]).timeline.boundaries
        #expect(fades.map(\.kind) == [.fade, .fade])
    }

    /// A fade's dark frames are left out of the scenes on either side: the test card after a fade through
    /// black is as bright and as green as it is, not "mostly black" (it was 0.30 and black with them counted).
    @Test func transitionFramesStayOutOfSceneSummaries() async throws {
        let scenes = try #require(try await Self.analyses()["fades.mp4"]).timeline.scenes
        try #require(scenes.count == 3)
        #expect(scenes[1].meanBrightness > 0.45, "\(scenes[1])")
        #expect(!scenes[1].dominantColors.contains(.black), "\(scenes[1])")
        #expect(scenes[0].meanBrightness > 0.33, "\(scenes[0])")
    }

    /// Scoring itself: a cut one frame off counts, two frames off does not; a point inside a dissolve finds it.
    @Test func scoringRules() throws {
        let clip = try #require(ShotBoundaryCorpus.clips.first { $0.name == "dissolves" })
        let inside = ShotBoundaryScore([.cut(2.0), .cut(2.1), .cut(4.2), .cut(7.0)], against: clip)
        #expect(inside.gradual == .init(truePositives: 3, falsePositives: 0, falseNegatives: 0))
        #expect(inside.hard.falsePositives == 1)
        let cuts = try #require(ShotBoundaryCorpus.clips.first { $0.name == "cuts-h264-30" })
        let score = ShotBoundaryScore([.cut(1.5 + 1.0 / 30), .cut(3.0 + 2.0 / 30), .cut(4.5)], against: cuts)
        #expect(score.hard == .init(truePositives: 2, falsePositives: 1, falseNegatives: 1))
    }
}
