public import RelayPerception
/// The ``QwenStub`` skill that answers questions about a video from measured perception features.
///
/// Give it the ``PerceptionTimeline``s of the request's videos (in order; the analysis pipeline measures
/// every decoded frame and the audio), and it answers the last user question about the first video in
/// Qwen2.5-VL's formats: temporal phrases, ```` ```json ```` groundings located in the request's sampled,
/// resized frames (so boxes are in resized pixels, as Qwen's are), counts, descriptions, and honest
/// refusals for objects, people and text. Without a timeline it measures the sampled frames themselves
/// (coarser: 2 fps, no sound). It passes (nil) when the request has no video.
public struct VideoPerceptionSkill: StubSkill {
    public let name = "video-perception"
    /// Measurements of the request's videos, in order.
    public var timelines: [PerceptionTimeline]

    /// Creates the skill.
    public init(timelines: [PerceptionTimeline] = []) {
        self.timelines = timelines
    }

    public func answer(_ input: StubInput) async throws -> StubAnswer? {
        guard let video = input.videos.first else { return nil }
        let timeline = timelines.first ?? Self.timeline(of: video)
        let answer = VideoQuestionAnswerer(timeline: timeline).answer(input.userText, frames: video.frames)
        return StubAnswer(text: answer.text)
    }

    /// A timeline measured on the sampled frames alone.
    static func timeline(of video: PreparedVideo) -> PerceptionTimeline {
        var builder = TimelineBuilder()
        for frame in video.frames { builder.add(frame, sampled: true, originalWidth: video.plan.originalWidth, originalHeight: video.plan.originalHeight) }
        let fps = video.plan.videoFPS ?? video.plan.sampleFPS
        let duration = fps > 0 ? Double(video.plan.totalFrames) / fps : nil
        return builder.finish(duration: duration).timeline
    }
}
