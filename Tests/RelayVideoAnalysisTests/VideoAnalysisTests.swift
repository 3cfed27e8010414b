import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RelayAgent
import RelayKit
import RelayPlugins
import RelayMedia
import RelayTestSupport
import Testing
import RelayJSON
import RelayPerception

@Suite(.serialized) struct VideoAnalysisTests {
    static func near(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }

    @Test(arguments: VideoAnalysisFixtures.containers)
    func timelineMatchesTheGroundTruth(container: String) async throws {
        let fixtures = try await VideoAnalysisFixtures.shared()
        let analysis = try await VideoAnalyzer.analyze(fixtures.clip(container))
        let timeline = analysis.timeline
        #expect(analysis.warnings.isEmpty, "\(analysis.warnings)")
        #expect(Self.near(timeline.duration, 8, 0.1))
        #expect(timeline.width == 160 && timeline.height == 120)

        // Cuts within one frame (25 fps).
        let cuts = timeline.cuts
        #expect(cuts.count == 3, "cuts \(cuts)")
        for (found, truth) in zip(cuts, VideoAnalysisFixtures.cuts) { #expect(Self.near(found, truth, 0.04 + 1e-6), "cut \(found) vs \(truth)") }

        // Dominant colours.
        let colors = timeline.scenes.map(\.dominantColors)
        #expect(colors.count == 4)
        if colors.count == 4 {
            #expect(colors[0] == [.red])
            #expect(colors[1] == [.black])
            #expect(colors[3] == [.white, .red])
            #expect(timeline.scenes[1].description == "A black screen.")
            #expect(timeline.scenes[2].motion > PerceptionThresholds.standard.movingMotion)
        }

        // Event boundaries within 0.25 s.
        func check(_ kind: VideoEventKind, _ truth: [(Double, Double)]) {
            let found = timeline.events(kind)
            #expect(found.count == truth.count, "\(kind): \(found.map { [$0.start, $0.end] })")
            for (event, (start, end)) in zip(found, truth) {
                #expect(Self.near(event.start, start, 0.25) && Self.near(event.end, end, 0.25), "\(kind) \(event.start)-\(event.end) vs \(start)-\(end)")
            }
        }
        check(.dark, [(2, 3)])
        check(.bright, [(5, 8)])
        check(.motion, [(3, 5)])
        check(.still, [(0, 3), (5, 8)])
        check(.loud, [(1, 2)])
        check(.speech, [(fixtures.speech.lowerBound, fixtures.speech.upperBound)])
        check(.silent, [(0, 1), (2, fixtures.speech.lowerBound), (fixtures.speech.upperBound, 8)])

        // Keyframes: one JPEG per scene, inside its scene.
        #expect(analysis.keyframes.count == 4)
        for key in analysis.keyframes {
            let scene = timeline.scenes[key.sceneIndex]
            #expect(key.time >= scene.start - 1e-6 && key.time < scene.end)
            #expect(key.jpeg.starts(with: [0xFF, 0xD8]))
        }
        // Tokens: Qwen2.5-VL's plan for 8 s at 2 fps.
        let plan = try #require(analysis.plan)
        #expect(plan.nframes == 16 && plan.resizedWidth == 392 && plan.resizedHeight == 280 && plan.visualTokens == 1120)
    }

    @Test(arguments: ["mp4", "webm"])
    func questionsAreAnsweredInQwensFormats(container: String) async throws {
        let fixtures = try await VideoAnalysisFixtures.shared()
        let session = VideoQuestionSession()
        let file = fixtures.clip(container)
        let black = try await session.ask("when does the screen go black?", about: file)
        #expect(black.answer == "The screen goes black in 2.0 - 3.0 seconds.")
        #expect(black.start == 2.0 && black.end == 3.0)
        let loud = try await session.ask("When is it loud?", about: file)
        #expect(loud.answer == "It is loud in 1.0 - 2.0 seconds.")
        let red = try await session.ask("where is the red square at 00:06?", about: file)
        #expect(red.answer.hasPrefix("```json\n[{\"bbox_2d\": ["))
        #expect(red.label == "red")
        let box = try #require(red.bbox)
        for (found, truth) in zip(box, [70.0, 30, 130, 90]) { #expect(Self.near(found, truth, 3), "box \(box)") }
        let scenes = try await session.ask("how many scenes are there?", about: file)
        #expect(scenes.answer.hasPrefix("There are 4 scenes"))
        let color = try await session.ask("what colour is it at 1 s?", about: file)
        #expect(color.answer == "At 1.0 seconds the screen is mostly red.")
        let objects = try await session.ask("what objects are in this video?", about: file)
        #expect(objects.answer == "I can't tell what objects are in this video: I only measure brightness, colour, motion and sound.")
        let speech = try await session.ask("when does someone speak?", about: file)
        let start = try #require(speech.start), end = try #require(speech.end)
        #expect(Self.near(start, fixtures.speech.lowerBound, 0.25) && Self.near(end, fixtures.speech.upperBound, 0.25))
        let json = VideoQuestionSession.json(red).compactJSON
        #expect(json.contains("\"bbox_2d\":[") && json.contains("\"label\":\"red\"") && json.hasPrefix("{\"answer\":"))
    }

    @Test func badFilesFailAloneAndTruncatedFilesArePartial() async throws {
        let fixtures = try await VideoAnalysisFixtures.shared()
        let folder = fixtures.folder
        let garbage = folder.appendingPathComponent("garbage.mp4")
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: garbage)
        let empty = folder.appendingPathComponent("empty.mkv")
        try Data().write(to: empty)
        let missing = folder.appendingPathComponent("missing.webm")
        // A Matroska file cut in half: the first half decodes, and its header says 8 s.
        let whole = try Data(contentsOf: fixtures.clip("mkv"))
        let truncated = folder.appendingPathComponent("truncated.mkv")
        try whole.prefix(whole.count / 2).write(to: truncated)
        // An MP4 with a run of garbage in the middle of its media data.
        var damaged = try Data(contentsOf: fixtures.clip("mp4"))
        let middle = damaged.count / 2
        damaged.replaceSubrange(middle..<(middle + 4000), with: (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let corrupt = folder.appendingPathComponent("corrupt.mp4")
        try damaged.write(to: corrupt)

        let files = [fixtures.clip("mp4"), garbage, empty, missing, truncated, fixtures.clip("webm"), corrupt]
        let reports = ProgressCollector()
        let items = await VideoBatchAnalyzer.analyze(files, jobs: 2, progress: { reports.add($0) })
        #expect(items.map(\.file) == files)
        let outcomes = items.map { (try? $0.result.get()) != nil }
        #expect(outcomes == [true, false, false, false, true, true, true])
        for item in items[1...3] {
            if case .failure(let error) = item.result {
                #expect(String(describing: error).contains(item.file.path), "\(error)")
            }
        }
        let partial = try items[4].result.get()
        #expect(partial.timeline.duration > 1 && partial.timeline.duration < 7)
        #expect(partial.timeline.scenes.first?.dominantColors == [.red])
        #expect(!partial.warnings.isEmpty)
        // The damaged file still gives a full-length timeline that starts red and ends white and red.
        let repaired = try items[6].result.get()
        #expect(Self.near(repaired.timeline.duration, 8, 0.1))
        #expect(repaired.timeline.scenes.first?.dominantColors == [.red])
        #expect(repaired.timeline.scenes.last?.dominantColors == [.white, .red])

        // Progress: per file, times never go back, and each good file ends with a finished report.
        let byFile = Dictionary(grouping: reports.all, by: \.file)
        for file in [files[0], files[4], files[5]] {
            let list = try #require(byFile[file])
            #expect(list.last?.finished == true && list.last?.fraction == 1)
            #expect(zip(list, list.dropFirst()).allSatisfy { $0.time <= $1.time })
        }
    }

    @Test func reportIsSelfContainedAndRendersInChromium() async throws {
        let fixtures = try await VideoAnalysisFixtures.shared()
        let analysis = try await VideoAnalyzer.analyze(fixtures.clip("mp4"))
        let html = VideoReport.html([analysis])
        // Structure: well-formed XML, one data-URL image per scene, an SVG chart with the three series and events.
        let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        let images = collector.elements.filter { $0.name == "img" }
        #expect(images.count == 4)
        #expect(images.allSatisfy { $0.attributes["src"]?.hasPrefix("data:image/jpeg;base64,/9j/") == true })
        #expect(collector.elements.filter { $0.name == "svg" }.count == 1)
        #expect(Set(collector.elements.filter { $0.name == "polyline" }.compactMap { $0.attributes["data-series"] }) == ["brightness", "motion", "loudness dBFS"])
        #expect(collector.elements.filter { $0.name == "rect" && $0.attributes["class"] == "event" }.count == analysis.timeline.events.count)
        #expect(collector.elements.filter { $0.name == "tr" }.count == 1 + 4 + 1 + analysis.timeline.events.count)
        // Nothing from the network: every src/href is a data: URL or a fragment.
        for element in collector.elements {
            for key in ["src", "href"] {
                if let value = element.attributes[key] { #expect(value.hasPrefix("data:") || value.hasPrefix("#")) }
            }
        }
        #expect(!html.contains("url(http") && !html.contains("@import"))

        // Rendering: headless Chromium (Debian's chromium, installed by Samples/scripts/install-deps.sh).
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed: run Samples/scripts/install-deps.sh")
            return
        }
        let page = fixtures.folder.appendingPathComponent("report-\(UUID().uuidString).html")
        try VideoReport.write([analysis], to: page)
        let shot = fixtures.folder.appendingPathComponent("report-\(UUID().uuidString).png")
        let rendered = try await ChildProcess(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(fixtures.folder.appendingPathComponent("chromium-profile").path)",
            "--screenshot=\(shot.path)", "--window-size=1000,1200", page.absoluteString,
        ], timeout: .seconds(60)).run()
        #expect(rendered.succeeded, "chromium: \(rendered.stderrText)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank page compresses to a few kilobytes; keyframes and charts make it far larger.
        #expect(png.count > 30_000, "screenshot is only \(png.count) bytes")
    }
}

/// Collects progress reports from concurrent jobs.
/// `@unchecked Sendable`: the array is only touched under `lock`.
final class ProgressCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [VideoAnalysisProgress] = []
    func add(_ report: VideoAnalysisProgress) { lock.withLock { reports.append(report) } }
    var all: [VideoAnalysisProgress] { lock.withLock { reports } }
}

/// Records every element of a parsed document.
final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }
}

/// Analysis decodes ahead of its measuring (MediaReader's pipeline); cancelling it must still cancel it, not end it early
/// with a timeline that looks like a short video.
@Suite struct VideoAnalysisCancellationTests {
    @Test func cancellingPartWayThrowsCancellationError() async throws {
        let fixtures = try await VideoAnalysisFixtures.shared()
        let url = fixtures.clip("mp4")
        let task = Task {
            // Progress is reported from the analysing task itself: cancel it there, with frames still to come.
            try await VideoAnalyzer.analyze(url) { report in
                if report.time >= 1, !report.finished { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        // The same file analysed afterwards is whole: nothing of the cancelled pass leaks into the next.
        let analysis = try await VideoAnalyzer.analyze(url)
        #expect(VideoAnalysisTests.near(analysis.timeline.duration, 8, 0.1))
        #expect(analysis.timeline.cuts.count == 3)
    }
}

@Suite struct VideoAnalysisPhotosTests {
    @Test func importsTheVideoAndItsKeyframesThroughTheDispatcher() async throws {
        let fixtures = try await VideoAnalysisFixtures.shared()
        let analysis = try await VideoAnalyzer.analyze(fixtures.clip("mp4"))
        let home = fixtures.folder.appendingPathComponent("home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
        let outcome = await VideoPhotosImporter.importAnalysis(analysis, album: "Clips", dispatcher: dispatcher)
        #expect(outcome.results.count == 2)
        #expect(outcome.succeeded, "\(outcome.results.map(\.message))")
        #expect(outcome.results.first?.message.hasPrefix("Imported 1 item") == true)
        #expect(outcome.results.last?.message.hasPrefix("Imported 4 items") == true)
        // The audit log recorded both commands.
        let log = try String(contentsOf: dispatcher.audit.url, encoding: .utf8)
        #expect(log.components(separatedBy: "photos.import_media").count - 1 == 2)
    }
}
