public import Foundation
public import RelayModel
public import RelayJSON
import RelayPerception

/// Asks a question about a video file: measures it with ``VideoAnalyzer``, then puts the question to a
/// vision-language model with the video attached, as Qwen2.5-VL would receive it.
///
/// With the embedded ``QwenStub`` (the default) the ``VideoPerceptionSkill`` answers from the measured
/// timeline; any other ``VisionLanguageModel`` (a served Qwen2.5-VL) gets the same request.
public struct VideoQuestionSession: Sendable {
    /// The answer and the facts parsed out of it.
    public struct Result: Sendable {
        /// The model's answer text.
        public var answer: String
        /// Start of the first time span named, in seconds.
        public var start: Double?
        /// End of the first time span named, in seconds.
        public var end: Double?
        /// The first box named, `[x1, y1, x2, y2]` in original video pixels.
        public var bbox: [Double]?
        /// The label of that box.
        public var label: String?
        /// The full model response.
        public var response: ModelResponse
        /// The analysis the answer was based on.
        public var analysis: VideoAnalysis
    }

    /// Sampling and measuring options.
    public var options: VideoAnalysisOptions
    /// The model to ask; nil uses a ``QwenStub`` with the perception skill for this video.
    public var model: (any VisionLanguageModel)?

    /// Creates a session.
    public init(options: VideoAnalysisOptions = VideoAnalysisOptions(), model: (any VisionLanguageModel)? = nil) {
        self.options = options
        self.model = model
    }

    /// Answers `question` about `file`.
    public func ask(_ question: String, about file: URL) async throws -> Result {
        let analysis = try await VideoAnalyzer.analyze(file, options: options)
        let model = self.model
            ?? QwenStub(skills: [VideoPerceptionSkill(timelines: [analysis.timeline])] + QwenStub.builtInSkills)
        let response: ModelResponse
        if analysis.plan == nil {
            // No sampleable video stream (audio only, or a broken header): answer from the measurements alone.
            let answer = VideoQuestionAnswerer(timeline: analysis.timeline).answer(question)
            response = try OutputParser.parse(answer.text)
        } else {
            let video = VideoInput(.file(file), fps: options.fps)
            response = try await model.respond(to: ModelRequest(messages: [.user([.video(video), .text(question)])]))
        }
        var result = Result(
            answer: response.text, start: response.temporalSpans.first?.start, end: response.temporalSpans.first?.end,
            bbox: nil, label: nil, response: response, analysis: analysis)
        if let grounding = response.groundings.first {
            if case .box(let x1, let y1, let x2, let y2) = grounding.shape {
                result.bbox = [x1, y1, x2, y2].map { ($0 * 10).rounded() / 10 }
            } else if case .point(let x, let y) = grounding.shape {
                result.bbox = [x, y, x, y].map { ($0 * 10).rounded() / 10 }
            }
            result.label = grounding.label
        }
        return result
    }

    /// `{"answer", "start", "end", "bbox_2d", "label"}` — the keys that apply.
    public static func json(_ result: Result) -> JSONValue {
        var object = JSONObject()
        object["answer"] = .string(result.answer)
        if let start = result.start { object["start"] = .double(start) }
        if let end = result.end { object["end"] = .double(end) }
        if let bbox = result.bbox { object["bbox_2d"] = .array(bbox.map { .double($0) }) }
        if let label = result.label { object["label"] = .string(label) }
        return .object(object)
    }
}
