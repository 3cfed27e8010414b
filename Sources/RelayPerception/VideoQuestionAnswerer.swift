public import RelayMedia
import Foundation

/// Answers ``VideoQuestion``s from a ``PerceptionTimeline`` (and, for "where", the model's sampled frames).
///
/// Temporal answers use Qwen2.5-VL's phrase ("… in 5.0 - 8.0 seconds."); groundings its ```` ```json ````
/// list with `bbox_2d` in pixels of the frame searched; questions about objects, people or text get an
/// honest refusal naming what is measured instead.
public struct VideoQuestionAnswerer: Sendable {
    /// The measurements answered from.
    public var timeline: PerceptionTimeline

    /// Creates an answerer.
    public init(timeline: PerceptionTimeline) {
        self.timeline = timeline
    }

    /// What perception measures, for refusals.
    public static let measured = "I only measure brightness, colour, motion and sound."

    /// Answers `question`; `frames` are the sampled (resized) frames a "where" question is grounded in.
    public func answer(_ question: VideoQuestion, frames: [Frame] = []) -> VideoAnswer {
        switch question {
        case .when(let subject): return when(subject)
        case .whereIs(let color, let time): return locate(color, at: time, frames: frames)
        case .sceneCount: return sceneCount()
        case .describe: return describe()
        case .colorAt(let time): return colors(at: time)
        case .duration:
            let d = Self.seconds(timeline.duration)
            return VideoAnswer(text: "The video lasts \(d) seconds.", spans: [TimeSpan(start: 0, end: timeline.duration)])
        case .refuse(let why): return refusal(why)
        }
    }

    /// Parses and answers `question`.
    public func answer(_ question: String, frames: [Frame] = []) -> VideoAnswer {
        answer(VideoQuestion.parse(question), frames: frames)
    }

    // MARK: - When

    func when(_ subject: VideoQuestion.Subject) -> VideoAnswer {
        let t = timeline.thresholds
        let spans: [TimeSpan]
        let (phrase, never): (String, String)
        switch subject {
        case .black:
            spans = timeline.frameRuns { $0.isBlack }
            (phrase, never) = ("The screen goes black", "The screen never goes black.")
        case .dark:
            spans = eventSpans(.dark)
            (phrase, never) = ("The video is dark", "The video is never dark.")
        case .bright:
            spans = eventSpans(.bright)
            (phrase, never) = ("The video is bright", "The video is never bright.")
        case .still:
            spans = eventSpans(.still)
            (phrase, never) = ("The picture is still", "The picture is never still.")
        case .motion:
            spans = eventSpans(.motion)
            (phrase, never) = ("There is motion", "Nothing moves in this video.")
        case .loud:
            spans = eventSpans(.loud)
            (phrase, never) = ("It is loud", timeline.audio.isEmpty ? "The video has no sound." : "It is never loud.")
        case .silent:
            spans = timeline.audio.isEmpty ? [TimeSpan(start: 0, end: timeline.duration)] : eventSpans(.silent)
            (phrase, never) = (timeline.audio.isEmpty ? "The video has no sound: it is silent" : "It is silent",
                               "It is never silent.")
        case .speech:
            spans = eventSpans(.speech)
            (phrase, never) = ("Someone speaks", timeline.audio.isEmpty ? "The video has no sound." : "Nobody speaks.")
        case .color(let color):
            spans = timeline.frameRuns { frame in frame.colors.contains { $0.color == color && $0.share >= t.dominantShare } }
            (phrase, never) = ("The screen shows \(color.rawValue)", "There is no \(color.rawValue) in this video.")
        case .cut:
            let cuts = timeline.cuts
            guard !cuts.isEmpty else { return VideoAnswer(text: "There is no cut: the video is one scene.") }
            let times = SceneDescriber.listPhrase(cuts.map(Self.seconds))
            return VideoAnswer(
                text: "The scene changes at \(times) seconds.", spans: cuts.map { TimeSpan(start: $0, end: $0) })
        }
        guard !spans.isEmpty else { return VideoAnswer(text: never) }
        let listed = spans.prefix(10).map { "\(Self.seconds($0.start)) - \(Self.seconds($0.end)) seconds" }
        var text = "\(phrase) in \(SceneDescriber.listPhrase(listed.enumerated().map { $0.offset == 0 ? $0.element : "in \($0.element)" }))"
        if spans.count > 10 { text += ", and \(spans.count - 10) more times" }
        return VideoAnswer(text: text + ".", spans: spans)
    }

    private func eventSpans(_ kind: VideoEventKind) -> [TimeSpan] {
        timeline.events(kind).map { TimeSpan(start: $0.start, end: $0.end) }
    }

    // MARK: - Where

    func locate(_ color: NamedColor, at time: Double?, frames: [Frame]) -> VideoAnswer {
        guard !frames.isEmpty else {
            return VideoAnswer(text: "I have no frames of this video to look at.", isRefusal: true)
        }
        let candidates: [Frame]
        if let time {
            let nearest = frames.min { abs($0.time - time) < abs($1.time - time) }
            candidates = nearest.map { [$0] } ?? []
        } else {
            candidates = frames
        }
        for frame in candidates {
            if let region = ColorGrounder.locate(color, in: frame) {
                let box = [region.x1, region.y1, region.x2, region.y2]
                let text = "```json\n[{\"bbox_2d\": [\(box.map(String.init).joined(separator: ", "))], \"label\": \"\(color.rawValue)\"}]\n```"
                return VideoAnswer(text: text, box: box, label: color.rawValue, groundingTime: frame.time)
            }
        }
        if let time { return VideoAnswer(text: "There is no \(color.rawValue) at \(Self.seconds(time)) seconds.") }
        return VideoAnswer(text: "There is no \(color.rawValue) in this video.")
    }

    // MARK: - Scenes, colours, description

    func sceneCount() -> VideoAnswer {
        let scenes = timeline.scenes
        let spans = scenes.map { TimeSpan(start: $0.start, end: $0.end) }
        switch scenes.count {
        case 0: return VideoAnswer(text: "There are no scenes: the video has no pictures.")
        case 1: return VideoAnswer(text: "There is 1 scene.", spans: spans)
        default:
            let cuts = SceneDescriber.listPhrase(timeline.cuts.map(Self.seconds))
            return VideoAnswer(text: "There are \(scenes.count) scenes, with cuts at \(cuts) seconds.", spans: spans)
        }
    }

    func colors(at time: Double?) -> VideoAnswer {
        if let time {
            guard let frame = timeline.frame(at: time) else {
                return VideoAnswer(text: "The video has no pictures.", isRefusal: true)
            }
            var names = frame.colors.filter { $0.share >= timeline.thresholds.dominantShare }.map(\.color.rawValue)
            if names.isEmpty { names = frame.colors.prefix(1).map(\.color.rawValue) }
            let lead = names.count == 1 ? "mostly " : ""
            return VideoAnswer(
                text: "At \(Self.seconds(time)) seconds the screen is \(lead)\(SceneDescriber.listPhrase(names)).",
                spans: [TimeSpan(start: time, end: time)])
        }
        var totals = [Double](repeating: 0, count: NamedColor.allCases.count)
        for scene in timeline.scenes {
            for share in scene.colors { totals[share.color.index] += share.share * scene.duration }
        }
        let shares = ColorShare.from(counts: totals)
        guard !shares.isEmpty else { return VideoAnswer(text: "The video has no pictures.", isRefusal: true) }
        let names = shares.filter { $0.share >= timeline.thresholds.dominantShare }.prefix(3).map(\.color.rawValue)
        let phrase = SceneDescriber.listPhrase(names.isEmpty ? [shares[0].color.rawValue] : Array(names))
        return VideoAnswer(text: "Over the whole video the screen is mostly \(phrase).")
    }

    func describe() -> VideoAnswer {
        var parts: [String] = []
        let count = timeline.scenes.count
        parts.append("The video lasts \(Self.seconds(timeline.duration)) seconds and has \(count) scene\(count == 1 ? "" : "s").")
        for scene in timeline.scenes.prefix(12) {
            parts.append("Scene \(scene.index + 1), from \(Self.seconds(scene.start)) until \(Self.seconds(scene.end)) s: \(scene.description)")
        }
        if count > 12 { parts.append("And \(count - 12) more scenes.") }
        if timeline.audio.isEmpty {
            parts.append("It has no sound.")
        } else {
            var sound: [String] = []
            for (kind, word) in [(VideoEventKind.speech, "speech"), (.loud, "loud"), (.silent, "silent")] {
                let spans = eventSpans(kind)
                guard !spans.isEmpty else { continue }
                let listed = spans.prefix(4).map { "from \(Self.seconds($0.start)) until \(Self.seconds($0.end)) s" }
                sound.append("\(word) \(SceneDescriber.listPhrase(listed))")
            }
            parts.append(sound.isEmpty ? "Its sound is moderate throughout." : "Sound: \(sound.joined(separator: "; ")).")
        }
        return VideoAnswer(text: parts.joined(separator: " "))
    }

    func refusal(_ why: VideoQuestion.Refusal) -> VideoAnswer {
        let lead: String
        switch why {
        case .objects: lead = "I can't tell what objects are in this video"
        case .people: lead = "I can't tell who is in this video"
        case .text: lead = "I can't read text in this video"
        case .speechContent: lead = "I can't tell what is said in this video, only when someone speaks"
        case .other: lead = "I can't answer that from this video"
        }
        return VideoAnswer(text: "\(lead): \(Self.measured)", isRefusal: true)
    }

    /// Seconds with one decimal, as Qwen2.5-VL writes them ("5.0").
    public static func seconds(_ value: Double) -> String {
        let tenths = Int((max(0, value) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
