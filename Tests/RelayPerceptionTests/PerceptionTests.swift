import Foundation
import RelayMedia
import Testing

@testable import RelayModel
import RelayPerception

/// Synthetic pictures and sounds with known answers for the perception features.
enum Synth {
    static func solid(_ r: UInt8, _ g: UInt8, _ b: UInt8, width: Int = 64, height: Int = 48, time: Double = 0) -> Frame {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for i in 0..<(width * height) { rgb[i * 3] = r; rgb[i * 3 + 1] = g; rgb[i * 3 + 2] = b }
        return Frame(width: width, height: height, time: time, rgb: rgb)
    }

    /// A solid background with a filled box.
    static func box(
        background: (UInt8, UInt8, UInt8), box: (UInt8, UInt8, UInt8), x: Int, y: Int, w: Int, h: Int,
        width: Int = 160, height: Int = 120, time: Double = 0
    ) -> Frame {
        var frame = solid(background.0, background.1, background.2, width: width, height: height, time: time)
        for yy in y..<min(height, y + h) {
            for xx in x..<min(width, x + w) {
                let i = (yy * width + xx) * 3
                frame.rgb[i] = box.0; frame.rgb[i + 1] = box.1; frame.rgb[i + 2] = box.2
            }
        }
        return frame
    }

    /// Vertical stripes `period` pixels wide shifted by `offset` (a moving texture).
    static func stripes(period: Int, offset: Int, width: Int = 160, height: Int = 120, time: Double = 0) -> Frame {
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let v: UInt8 = ((x + offset) / period) % 2 == 0 ? 230 : 30
                let i = (y * width + x) * 3
                rgb[i] = v; rgb[i + 1] = v; rgb[i + 2] = v
            }
        }
        return Frame(width: width, height: height, time: time, rgb: rgb)
    }

    /// Adds deterministic ±amplitude noise (like compression noise).
    static func noisy(_ frame: Frame, amplitude: Int, seed: UInt64) -> Frame {
        var out = frame
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        for i in 0..<out.rgb.count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let delta = Int((state >> 33) % UInt64(2 * amplitude + 1)) - amplitude
            out.rgb[i] = UInt8(clamping: Int(out.rgb[i]) + delta)
        }
        return out
    }

    static func sine(frequency: Double, amplitude: Float, seconds: Double, rate: Int = 16_000) -> [Float] {
        (0..<Int(seconds * Double(rate))).map { amplitude * Float(sin(2 * .pi * frequency * Double($0) / Double(rate))) }
    }

    static func noise(amplitude: Float, seconds: Double, rate: Int = 16_000, seed: UInt64 = 1) -> [Float] {
        var state = seed
        return (0..<Int(seconds * Double(rate))).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return amplitude * (Float(state >> 40) / Float(1 << 24) * 2 - 1)
        }
    }

    /// A crude "voice": a 120 Hz pulse train through changing formant-like resonances, syllables 150 ms on / 80 ms off.
    static func babble(seconds: Double, rate: Int = 16_000) -> [Float] {
        let n = Int(seconds * Double(rate))
        var out = [Float](repeating: 0, count: n)
        let formants: [[Double]] = [[700, 1200], [300, 2300], [500, 900], [400, 2000], [650, 1700]]
        for i in 0..<n {
            let t = Double(i) / Double(rate)
            let syllable = Int(t / 0.23)
            let inSyllable = t - Double(syllable) * 0.23
            guard inSyllable < 0.15 else { continue }
            let f0 = 110 + 20 * sin(2 * .pi * 3 * t)
            let f = formants[syllable % formants.count]
            var v = 0.0
            for h in 1...30 {
                let fh = f0 * Double(h)
                guard fh < 4000 else { break }
                let gain = f.map { 1 / (1 + pow((fh - $0) / 120, 2)) }.reduce(0, +)
                v += gain * sin(2 * .pi * fh * t)
            }
            out[i] = Float(0.08 * v * sin(.pi * inSyllable / 0.15))
        }
        return out
    }
}

@Suite struct PerceptionColorTests {
    /// A frame split between magenta and white shares its area between the two names.
    @Test func splitFrameSharesMagentaAndWhite() {
        var rgb = [UInt8](repeating: 255, count: 64 * 36 * 3)
        for y in 0..<36 { for x in 0..<32 { rgb[(y * 64 + x) * 3 + 1] = 0 } }
        let features = FrameFeatures(thumbnail: Thumbnail(Frame(width: 64, height: 36, time: 0, rgb: rgb)), time: 0)
        #expect(Set(features.dominantColors()) == [.magenta, .white])
        #expect(features.colors.first { $0.color == .magenta }.map { abs($0.share - 0.5) < 0.01 } == true)
    }

    @Test(arguments: [
        ((255, 0, 0), NamedColor.red), ((0, 128, 0), .green), ((0, 0, 255), .blue), ((255, 255, 0), .yellow),
        ((255, 165, 0), .orange), ((0, 255, 255), .cyan), ((128, 0, 128), .purple), ((255, 192, 203), .pink),
        ((165, 42, 42), .brown), ((128, 128, 128), .gray), ((0, 0, 0), .black), ((255, 255, 255), .white),
        ((255, 0, 255), .magenta), ((0, 255, 0), .green), ((30, 30, 30), .black),
    ] as [((Int, Int, Int), NamedColor)])
    func namesCanonicalColors(rgb: (Int, Int, Int), expected: NamedColor) {
        #expect(NamedColor.of(r: UInt8(rgb.0), g: UInt8(rgb.1), b: UInt8(rgb.2)) == expected)
        #expect(NamedColor.of(red: Double(rgb.0) / 255, green: Double(rgb.1) / 255, blue: Double(rgb.2) / 255) == expected)
    }

    @Test func solidFramesHaveTheirBrightnessAndFlags() {
        let black = FrameFeatures(thumbnail: Thumbnail(Synth.solid(0, 0, 0)), time: 0)
        #expect(black.brightness < 0.01 && black.isBlack && black.isBlank && !black.isWhite)
        let white = FrameFeatures(thumbnail: Thumbnail(Synth.solid(255, 255, 255)), time: 0)
        #expect(white.brightness > 0.99 && white.isWhite && white.isBlank && !white.isBlack)
        let red = FrameFeatures(thumbnail: Thumbnail(Synth.solid(255, 0, 0)), time: 0)
        #expect(abs(red.brightness - 0.299) < 0.01)
        #expect(red.dominantColors() == [.red])
        #expect(!red.isBlack && !red.isWhite && red.isBlank)
        #expect(abs(red.meanRed - 1) < 0.01 && red.meanGreen < 0.01 && abs(red.saturation - 1) < 0.01)
    }

    @Test func dominantColorsOfASplitFrame() {
        // Left 3/4 blue, right 1/4 yellow.
        let frame = Synth.box(background: (0, 0, 255), box: (255, 255, 0), x: 120, y: 0, w: 40, h: 120)
        let features = FrameFeatures(thumbnail: Thumbnail(frame), time: 0)
        #expect(features.dominantColors() == [.blue, .yellow])
        let blue = try! #require(features.colors.first)
        #expect(abs(blue.share - 0.75) < 0.03)
        #expect(!features.isBlank)
    }

    @Test func motionAndSharpness() {
        let a = Synth.stripes(period: 8, offset: 0)
        let b = Synth.stripes(period: 8, offset: 4)
        let moved = FrameFeatures(thumbnail: Thumbnail(b), time: 0.04, previous: Thumbnail(a))
        #expect((moved.motion ?? 0) > PerceptionThresholds.standard.movingMotion)
        let same = FrameFeatures(thumbnail: Thumbnail(a), time: 0.04, previous: Thumbnail(a))
        #expect(same.motion == 0)
        #expect(FrameFeatures(thumbnail: Thumbnail(a), time: 0).motion == nil)
        #expect(FrameFeatures.sharpness(of: a) > 1000)
        #expect(FrameFeatures.sharpness(of: Synth.solid(90, 90, 90)) == 0)
    }

    @Test func groundsAColoredBox() throws {
        let frame = Synth.box(background: (0, 0, 0), box: (255, 0, 0), x: 40, y: 30, w: 50, h: 20)
        let region = try #require(ColorGrounder.locate(.red, in: frame))
        #expect([region.x1, region.y1, region.x2, region.y2] as [Int] == [40, 30, 90, 50])
        #expect(ColorGrounder.locate(.green, in: frame) == nil)
        // Large frames are stepped through; the box stays within a step of the truth.
        let big = Synth.box(background: (255, 255, 255), box: (0, 0, 255), x: 300, y: 200, w: 400, h: 150, width: 1280, height: 720)
        let blue = try #require(ColorGrounder.locate(.blue, in: big))
        #expect(abs(blue.x1 - 300) <= 7 && abs(blue.y1 - 200) <= 7 && abs(blue.x2 - 700) <= 7 && abs(blue.y2 - 350) <= 7)
    }
}

@Suite struct PerceptionShotTests {
    /// Frame indices of the cuts found in `frames` (25 fps).
    static func cuts(_ frames: [Frame]) -> [Int] {
        var detector = ShotBoundaryDetector()
        var found: [ShotBoundary] = []
        for (i, frame) in frames.enumerated() { found += detector.feed(Thumbnail(frame), time: Double(i) / 25) }
        found += detector.finish()
        return found.filter { $0.kind == .cut }.map(\.frameIndex)
    }

    @Test func cutIsPlacedToTheFrame() {
        let frames = (0..<60).map { i in
            let base = i < 23 ? Synth.solid(200, 30, 30) : (i < 41 ? Synth.solid(20, 20, 20) : Synth.solid(30, 30, 200))
            return Synth.noisy(base, amplitude: 3, seed: UInt64(i))
        }
        #expect(Self.cuts(frames) == [23, 41])
    }

    @Test func quietShotCutsOnASmallerJump() {
        // Two still patterns whose colour distributions are close (difference ≈ 0.1, under the 0.3 floor).
        let frames = (0..<30).map { i in
            let frame = i < 15
                ? Synth.box(background: (90, 90, 90), box: (200, 200, 200), x: 0, y: 0, w: 40, h: 120)
                : Synth.box(background: (90, 90, 90), box: (200, 200, 200), x: 0, y: 0, w: 58, h: 120)
            return Synth.noisy(frame, amplitude: 2, seed: UInt64(i))
        }
        #expect(Self.cuts(frames) == [15])
    }

    @Test func movingTextureAndNoiseDoNotCut() {
        let stripes = (0..<50).map { i in
            Synth.noisy(Synth.stripes(period: 10, offset: i * 3), amplitude: 4, seed: UInt64(i))
        }
        #expect(Self.cuts(stripes).isEmpty)
        let gray = (0..<50).map { i in Synth.noisy(Synth.solid(128, 128, 128), amplitude: 2, seed: UInt64(i)) }
        #expect(Self.cuts(gray).isEmpty)
    }
}

@Suite struct PerceptionAudioTests {
    @Test func toneIsLoudNotSpeech() {
        var analyzer = AudioAnalyzer()
        let windows = analyzer.feed(AudioChunk(sampleRate: 16_000, startTime: 0, samples: Synth.sine(frequency: 440, amplitude: 0.5, seconds: 1)))
        #expect(windows.count == 10)
        for w in windows {
            #expect(abs(w.loudness - 20 * log10(0.5 / 2.0.squareRoot())) < 0.2)
            #expect(w.isLoud && !w.isSilent)
        }
        #expect(windows.filter(\.isSpeech).count <= 1)
    }

    @Test func silenceNoiseAndVoice() {
        var analyzer = AudioAnalyzer()
        let silence = analyzer.feed(AudioChunk(sampleRate: 16_000, startTime: 0, samples: [Float](repeating: 0, count: 8000)))
        #expect(silence.count == 5 && silence.allSatisfy { $0.isSilent && !$0.isSpeech && $0.loudness == -120 })
        var noiseAnalyzer = AudioAnalyzer()
        let noise = noiseAnalyzer.feed(AudioChunk(sampleRate: 16_000, startTime: 0, samples: Synth.noise(amplitude: 0.3, seconds: 1)))
        #expect(noise.filter(\.isSpeech).count <= 1)
        var voiceAnalyzer = AudioAnalyzer()
        let voice = voiceAnalyzer.feed(AudioChunk(sampleRate: 16_000, startTime: 0, samples: Synth.babble(seconds: 2)))
        #expect(voice.filter(\.isSpeech).count >= 8)
    }

    @Test func windowsFollowChunkTimesAcrossOddChunkSizes() {
        var analyzer = AudioAnalyzer()
        var windows: [AudioWindowFeatures] = []
        let samples = Synth.sine(frequency: 300, amplitude: 0.1, seconds: 1.03)
        var offset = 0
        for size in [700, 1300, 4999, 100_000] where offset < samples.count {
            let end = min(samples.count, offset + size)
            windows += analyzer.feed(AudioChunk(sampleRate: 16_000, startTime: 2 + Double(offset) / 16_000, samples: Array(samples[offset..<end])))
            offset = end
        }
        if let last = analyzer.finish() { windows.append(last) }
        #expect(windows.count == 11)
        #expect(abs(windows[3].start - 2.3) < 1e-9)
        #expect(abs((windows.last?.end ?? 0) - 3.03) < 1e-6)
    }
}

@Suite struct PerceptionTimelineTests {
    /// 25 fps: 2 s red, 1 s black, 2 s of moving blue stripes; audio: 1 s silence, 1 s loud tone, 1 s silence, 2 s voice.
    static func timeline() -> PerceptionTimeline {
        var builder = TimelineBuilder()
        for i in 0..<125 {
            let t = Double(i) / 25
            var frame: Frame
            if i < 50 {
                frame = Synth.box(background: (0, 0, 0), box: (255, 0, 0), x: 0, y: 0, w: 160, h: 120, time: t)
            } else if i < 75 {
                frame = Synth.solid(0, 0, 0, width: 160, height: 120, time: t)
            } else {
                frame = Synth.stripes(period: 16, offset: i * 4, time: t)
                for p in 0..<(frame.rgb.count / 3) { frame.rgb[p * 3] /= 4; frame.rgb[p * 3 + 1] /= 4 }
            }
            frame.time = t
            builder.add(Synth.noisy(frame, amplitude: 2, seed: UInt64(i)), sampled: i % 12 == 0)
        }
        var audio = [Float](repeating: 0, count: 16_000)
        audio += Synth.sine(frequency: 440, amplitude: 0.5, seconds: 1)
        audio += [Float](repeating: 0, count: 16_000)
        audio += Synth.babble(seconds: 2)
        builder.add(AudioChunk(sampleRate: 16_000, startTime: 0, samples: audio))
        return builder.finish(duration: 5).timeline
    }

    @Test func scenesAndEvents() throws {
        let timeline = Self.timeline()
        #expect(timeline.frames.count == 125)
        #expect(timeline.scenes.count == 3)
        #expect(timeline.cuts == [2.0, 3.0])
        let scenes = timeline.scenes
        #expect(scenes.map(\.dominantColors) == [[.red], [.black], [.blue, .black]] || scenes[2].dominantColors.first == .blue)
        #expect(scenes[0].dominantColors == [.red])
        #expect(scenes[1].description == "A black screen.")
        #expect(scenes[0].description == "A still, dim, mostly red screen.")
        #expect(scenes[2].motion > PerceptionThresholds.standard.movingMotion)
        #expect(scenes[2].end == 5)
        func spans(_ kind: VideoEventKind) -> [[Double]] { timeline.events(kind).map { [$0.start, $0.end] } }
        #expect(spans(.dark) == [[2.0, 3.0]])
        #expect(spans(.still) == [[0.0, 3.0]])
        #expect(spans(.motion) == [[3.0, 5.0]])
        #expect(spans(.loud) == [[1.0, 2.0]])
        #expect(spans(.silent) == [[0.0, 1.0], [2.0, 3.0]])
        let speech = try #require(timeline.events(.speech).first)
        #expect(abs(speech.start - 3.0) <= 0.25 && abs(speech.end - 5.0) <= 0.25)
        #expect(timeline.events(.speech).count == 1)
    }

    @Test func runsMergeGapsAndDropShortOnes() {
        let intervals: [(start: Double, end: Double, flag: Bool)] = [
            (0, 1, true), (1, 1.1, false), (1.1, 2, true), (2, 3, false), (3, 3.2, true), (3.2, 4, false),
        ]
        let runs = TimeSpan.runs(of: intervals, minimumLength: 0.3, maximumGap: 0.2)
        #expect(runs == [TimeSpan(start: 0, end: 2)])
    }
}

@Suite struct PerceptionQuestionTests {
    @Test(arguments: [
        ("when does the screen go black?", VideoQuestion.when(.black)),
        ("When is it loud?", .when(.loud)),
        ("where is the red square at 00:04?", .whereIs(.red, at: 4)),
        ("how many scenes are there?", .sceneCount),
        ("describe the video", .describe),
        ("what colour is it at 3 s?", .colorAt(3)),
        ("What color is the video?", .colorAt(nil)),
        ("when does someone speak?", .when(.speech)),
        ("when is it silent", .when(.silent)),
        ("when does the picture move?", .when(.motion)),
        ("at what time does the scene change?", .when(.cut)),
        ("when is the screen green?", .when(.color(.green))),
        ("what objects are in this video?", .refuse(.objects)),
        ("who is in the video?", .refuse(.people)),
        ("what does the sign say?", .refuse(.text)),
        ("what does she say?", .refuse(.speechContent)),
        ("where is the blue box at 1:02.5", .whereIs(.blue, at: 62.5)),
        ("how long is the video?", .duration),
        ("when does the man appear?", .refuse(.people)),
    ] as [(String, VideoQuestion)])
    func parses(question: String, expected: VideoQuestion) {
        #expect(VideoQuestion.parse(question) == expected)
    }

    @Test func answersFromTheTimeline() throws {
        let timeline = PerceptionTimelineTests.timeline()
        let answerer = VideoQuestionAnswerer(timeline: timeline)
        #expect(answerer.answer("when does the screen go black?").text == "The screen goes black in 2.0 - 3.0 seconds.")
        #expect(answerer.answer("When is it loud?").text == "It is loud in 1.0 - 2.0 seconds.")
        #expect(answerer.answer("when is it silent?").text == "It is silent in 0.0 - 1.0 seconds and in 2.0 - 3.0 seconds.")
        #expect(answerer.answer("how many scenes are there?").text == "There are 3 scenes, with cuts at 2.0 and 3.0 seconds.")
        #expect(answerer.answer("what colour is it at 1 s?").text == "At 1.0 seconds the screen is mostly red.")
        let describe = answerer.answer("describe the video").text
        #expect(describe.hasPrefix("The video lasts 5.0 seconds and has 3 scenes. Scene 1, from 0.0 until 2.0 s: A still, dim, mostly red screen."))
        #expect(try OutputParser.temporalSpans(in: describe).isEmpty)
        let refusal = answerer.answer("what objects are in this video?")
        #expect(refusal.isRefusal)
        #expect(refusal.text == "I can't tell what objects are in this video: I only measure brightness, colour, motion and sound.")
        let spans = try OutputParser.temporalSpans(in: answerer.answer("when is it silent?").text)
        #expect(spans.map { [$0.start, $0.end] } == [[0, 1], [2, 3]])
    }

    @Test func groundsInTheNearestSampledFrame() throws {
        let answerer = VideoQuestionAnswerer(timeline: PerceptionTimelineTests.timeline())
        let frames = [
            Synth.box(background: (0, 0, 0), box: (255, 0, 0), x: 10, y: 10, w: 20, h: 20, width: 224, height: 168, time: 3.5),
            Synth.box(background: (0, 0, 0), box: (255, 0, 0), x: 100, y: 56, w: 56, h: 28, width: 224, height: 168, time: 4.0),
        ]
        let answer = answerer.answer("where is the red square at 00:04?", frames: frames)
        #expect(answer.box == [100, 56, 156, 84])
        #expect(answer.text == "```json\n[{\"bbox_2d\": [100, 56, 156, 84], \"label\": \"red\"}]\n```")
        let groundings = try OutputParser.groundings(in: answer.text)
        #expect(groundings.first?.label == "red")
        #expect(answerer.answer("where is the green square at 4 s?", frames: frames).text == "There is no green at 4.0 seconds.")
    }
}

@Suite struct PerceptionSkillTests {
    /// Eight 2-fps frames: red with a blue box for 2 s, then black for 2 s.
    static func frames() -> [Frame] {
        (0..<8).map { i in
            let t = Double(i) * 0.5
            return i < 4
                ? Synth.box(background: (255, 0, 0), box: (0, 0, 255), x: 40, y: 30, w: 40, h: 30, width: 160, height: 120, time: t)
                : Synth.solid(0, 0, 0, width: 160, height: 120, time: t)
        }
    }

    @Test func answersThroughQwenStubWithoutATimeline() async throws {
        let stub = QwenStub(skills: [VideoPerceptionSkill()])
        func ask(_ question: String) async throws -> ModelResponse {
            try await stub.respond(to: ModelRequest(messages: [.user([.video(VideoInput(.frames(Self.frames()))), .text(question)])]))
        }
        let scenes = try await ask("how many scenes are there?")
        #expect(scenes.text == "There are 2 scenes, with cuts at 2.0 seconds.")
        let black = try await ask("when does the screen go black?")
        #expect(black.temporalSpans.map { [$0.start, $0.end] } == [[2.0, 4.0]])
        let blue = try await ask("where is the blue box at 1 s?")
        let grounding = try #require(blue.groundings.first)
        #expect(grounding.label == "blue")
        // Located in the resized frames the model saw, mapped back to the 160x120 original by the parser.
        guard case .box(let x1, let y1, let x2, let y2) = grounding.shape else {
            Issue.record("not a box: \(grounding.shape)")
            return
        }
        for (found, truth) in zip([x1, y1, x2, y2], [40.0, 30, 80, 60]) { #expect(abs(found - truth) <= 2, "\(found) vs \(truth)") }
        let people = try await ask("who is in the video?")
        #expect(people.text == "I can't tell who is in this video: I only measure brightness, colour, motion and sound.")
        // Without a video the skill passes.
        let noVideo = try await VideoPerceptionSkill().answer(StubInput(messages: [], prompt: "", userText: "describe the video", tools: [], images: [], videos: []))
        #expect(noVideo == nil)
    }
}
