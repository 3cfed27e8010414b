import Foundation
public import RelayMedia

/// What a question about a video asks, as far as measured features can answer it.
///
/// Parsing is keyword-based and deterministic; anything about objects, people or text — which the
/// features cannot tell — becomes a ``refuse(_:)`` so the answer is an honest "I can't tell".
public enum VideoQuestion: Sendable, Hashable {
    /// "When does the screen go black?", "When is it loud?"
    case when(Subject)
    /// "Where is the red square at 00:04?" (time in seconds, nil when not given).
    case whereIs(NamedColor, at: Double?)
    /// "How many scenes are there?"
    case sceneCount
    /// "Describe the video."
    case describe
    /// "What colour is it at 3 s?" (nil time: over the whole video).
    case colorAt(Double?)
    /// "How long is the video?"
    case duration
    /// Something the features cannot tell.
    case refuse(Refusal)

    /// What a "when" question is about.
    public enum Subject: Sendable, Hashable {
        case black, dark, bright, loud, silent, speech, motion, still, cut
        case color(NamedColor)
    }

    /// Why a question cannot be answered.
    public enum Refusal: String, Sendable, Hashable {
        case objects, people, text, speechContent, other
    }

    /// Reads `question`.
    public static func parse(_ question: String) -> VideoQuestion {
        let text = " " + question.lowercased()
            .replacingOccurrences(of: "colour", with: "color")
            .replacingOccurrences(of: "grey", with: "gray")
            .replacingOccurrences(of: "’", with: "'") + " "
        let words = Set(text.split { !$0.isLetter && $0 != "'" }.map(String.init))
        func has(_ any: String...) -> Bool { any.contains { $0.contains(" ") ? text.contains($0) : words.contains($0) } }
        let time = VideoQuestion.time(in: text)
        let color = NamedColor.allCases.first { words.contains($0.rawValue) }
            ?? (has("violet") ? .purple : (has("fuchsia") ? .magenta : nil))

        if has("how many") && has("scene", "scenes", "shot", "shots", "cut", "cuts") { return .sceneCount }
        if has("where"), let color { return .whereIs(color, at: time) }
        if has("locate", "find", "point to") && !has("when"), let color { return .whereIs(color, at: time) }
        if has("what color", "which color", "what colors", "which colors") { return .colorAt(time) }
        if has("describe", "summarize", "summarise", "summary", "what happens", "what's happening", "what is happening") {
            return .describe
        }
        if has("how long") && has("video", "clip", "it", "film") { return .duration }
        if has("text", "written", "sign", "signs", "caption", "captions", "subtitle", "subtitles", "letters", "read") {
            return .refuse(.text)
        }
        if has("what") && has("say", "says", "said", "saying") { return .refuse(.speechContent) }
        if has("when", "at what time", "what time", "which time", "which part", "which seconds", "what moment",
               "at what point", "which moment", "timestamps", "timestamp") {
            if let subject = subject(has: has, color: color) { return .when(subject) }
        }
        if has("person", "people", "man", "woman", "men", "women", "who", "face", "faces", "child", "boy", "girl",
               "someone's", "anyone", "human", "humans") && !has("speak", "speaks", "talk", "talks") {
            return .refuse(.people)
        }
        if has("text", "read", "written", "write", "word", "words", "sign", "caption", "captions", "subtitle",
               "subtitles", "title", "letters", "number", "numbers") {
            return .refuse(.text)
        }
        if has("when"), let subject = subject(has: has, color: color) { return .when(subject) }
        if has("object", "objects", "thing", "things", "item", "items", "what is in", "what's in", "what is this",
               "what is that", "animal", "dog", "cat", "car", "see") {
            return .refuse(.objects)
        }
        return .refuse(.other)
    }

    private static func subject(has: (String...) -> Bool, color: NamedColor?) -> Subject? {
        if has("cut", "cuts", "scene change", "scene changes", "change scene", "changes scene", "new scene", "next scene") {
            return .cut
        }
        if has("black", "blacks out", "goes dark", "fade to black") { return .black }
        if has("speak", "speaks", "speaking", "speech", "talk", "talks", "talking", "voice", "voices", "said", "say",
               "says") {
            return .speech
        }
        if has("loud", "loudest", "noisy", "noise", "louder") { return .loud }
        if has("silent", "silence", "quiet", "mute", "muted") { return .silent }
        if has("still", "static", "freeze", "frozen", "stop moving", "stops moving", "motionless") { return .still }
        if has("move", "moves", "moving", "motion", "movement") { return .motion }
        if has("dark", "darker", "darkest", "dim") { return .dark }
        if has("bright", "brighter", "brightest", "light") { return .bright }
        if let color { return .color(color) }
        return nil
    }

    /// A time mentioned in `text` in seconds: "00:04", "1:02:03", "0:04.5", "4 s", "4.5 seconds", "at 4".
    public static func time(in text: String) -> Double? {
        let patterns: [(String, ([Double]) -> Double)] = [
            (#"(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)"#, { $0[0] * 3600 + $0[1] * 60 + $0[2] }),
            (#"(\d+):(\d{1,2}(?:\.\d+)?)"#, { $0[0] * 60 + $0[1] }),
            (#"(\d+(?:\.\d+)?)\s*(?:s|sec|secs|second|seconds)\b"#, { $0[0] }),
            (#"\b(?:at|around|after)\s+(\d+(?:\.\d+)?)\b"#, { $0[0] }),
        ]
        for (pattern, combine) in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { continue }
            var values: [Double] = []
            for group in 1..<match.numberOfRanges {
                guard let range = Range(match.range(at: group), in: text), let value = Double(text[range]) else { break }
                values.append(value)
            }
            if values.count == match.numberOfRanges - 1 { return combine(values) }
        }
        return nil
    }
}
