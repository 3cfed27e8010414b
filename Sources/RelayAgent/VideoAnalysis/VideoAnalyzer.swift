public import Foundation
import RelayMedia
import RelayModel
import RelayPerception

/// Analyses a video file in one streaming pass: every frame measured (at a small size), audio measured
/// in 100 ms windows, scenes cut to the frame, events merged, Qwen2.5-VL's sampling planned.
///
/// Memory stays flat in the video's length: frames are measured and dropped; only per-frame numbers, the
/// current scene's candidate keyframe and the JPEG keyframes of finished scenes are kept. The frames the
/// model would sample (`smart_nframes` indices at `options.fps`) are the keyframe candidates.
///
/// A file that fails part-way (truncated, corrupt tail) gives the timeline up to the failure and a
/// warning; a file that yields nothing throws (`MediaError` or ``VideoAnalysisError``).
public enum VideoAnalyzer {
    /// Analyses `url`; `progress` is called every half second of media time and once at the end.
    public static func analyze(
        _ url: URL, options: VideoAnalysisOptions = VideoAnalysisOptions(),
        progress: (@Sendable (VideoAnalysisProgress) -> Void)? = nil
    ) async throws -> VideoAnalysis {
        let reader = try MediaReader(url: url)
        let info = reader.info
        var warnings: [String] = []

        var plan: VideoPlan?
        var analysisSize: FrameSize?
        var displaySize: (width: Int, height: Int)?
        if info.videoStream != nil {
            do {
                let facts = try VideoFileFacts(info, path: url.path)
                displaySize = (facts.width, facts.height)
                analysisSize = Self.analysisSize(width: facts.width, height: facts.height, side: options.analysisSide)
                do {
                    plan = try QwenVision.planVideo(
                        width: facts.width, height: facts.height, totalFrames: facts.totalFrames, videoFPS: facts.fps,
                        sampling: VideoSampling(fps: options.fps))
                } catch {
                    warnings.append("no Qwen2.5-VL sampling plan: \(error)")
                }
            } catch {
                warnings.append("video stream facts unknown: \(error)")
                if let stream = info.videoStream, let w = stream.width, let h = stream.height, w > 0, h > 0 {
                    analysisSize = Self.analysisSize(width: w, height: h, side: options.analysisSide)
                }
            }
        }
        let sampled = Set(plan?.frameIndices ?? [])
        let duration = info.format.duration ?? info.videoStream?.duration ?? info.audioStream?.duration

        var builder = TimelineBuilder(thresholds: options.thresholds)
        var keyframes: [SceneKeyframe] = []
        var frameCounter = 0
        var reached = 0.0
        var nextReport = 0.0
        var sawAnything = false
        func keep(_ scenes: [TimelineBuilder.ClosedScene]) {
            for closed in scenes { keep(closed) }
        }
        func keep(_ closed: TimelineBuilder.ClosedScene) {
            guard let frame = closed.keyframe else { return }
            do {
                let jpeg = try ImageCodec.encodeJPEG(frame, quality: options.keyframeQuality)
                keyframes.append(SceneKeyframe(
                    sceneIndex: closed.scene.index, time: frame.time, width: frame.width, height: frame.height, jpeg: jpeg))
            } catch {
                warnings.append("keyframe of scene \(closed.scene.index + 1) not encoded: \(error)")
            }
        }
        var stoppedEarly = false
        do {
            // Frames are only measured here (keyframes are small previews): area averaging, the cheaper and
            // proper filter for shrinking several times.
            let events = reader.events(videoSize: analysisSize, audioSampleRate: options.audioSampleRate, scaling: .area)
            for try await event in events {
                try Task.checkCancellation()
                sawAnything = true
                switch event {
                case .video(let frame):
                    let index = frameCounter
                    frameCounter += 1
                    keep(builder.add(
                        frame, sampled: sampled.contains(index) || plan == nil && index == 0,
                        originalWidth: displaySize?.width, originalHeight: displaySize?.height))
                    reached = max(reached, frame.time)
                case .audio(let chunk):
                    builder.add(chunk)
                    reached = max(reached, chunk.startTime + chunk.duration)
                }
                if let progress, reached >= nextReport {
                    nextReport = reached + 0.5
                    progress(VideoAnalysisProgress(file: url, time: reached, duration: duration, frames: frameCounter))
                }
            }
            // A cancelled task's stream ends like a file does (nil): that must not pass for the end of the video.
            try Task.checkCancellation()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            guard sawAnything else { throw error }
            stoppedEarly = true
            warnings.append("decoding stopped at \(VideoQuestionAnswerer.seconds(reached)) s, the rest is missing: \(error)")
        }
        guard sawAnything else {
            throw VideoAnalysisError(path: url.path, message: "nothing could be decoded; is it a complete video or audio file?")
        }
        if !stoppedEarly {
            if let total = plan?.totalFrames, frameCounter > 0, frameCounter < total * 9 / 10 {
                warnings.append("decoded \(frameCounter) of the \(total) frames the header announces; the file may be truncated or damaged")
            } else if let duration, duration > 1, reached < duration * 0.9 {
                warnings.append("decoded \(VideoQuestionAnswerer.seconds(reached)) s of the \(VideoQuestionAnswerer.seconds(duration)) s the header announces; the file may be truncated or damaged")
            }
        }
        let damage = reader.damage
        if damage.total > 0 {
            let parts = [("video", damage.videoPackets), ("audio", damage.audioPackets), ("container", damage.containerReads)]
                .filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            warnings.append("\(damage.total) damaged packet\(damage.total == 1 ? "" : "s") skipped (\(parts)); frames or sound around them may be missing or wrong")
        }
        let truncated = stoppedEarly || duration.map { reached < $0 * 0.9 } ?? false
        let finished = builder.finish(duration: truncated ? nil : duration)
        keep(finished.closedScenes)
        progress?(VideoAnalysisProgress(
            file: url, time: finished.timeline.duration, duration: duration, frames: frameCounter, finished: true))
        return VideoAnalysis(
            file: url, timeline: finished.timeline, keyframes: keyframes, plan: plan, warnings: warnings, info: info,
            damage: damage)
    }

    /// The size `analyze` decodes `url`'s frames at (its display size fitted to `options.analysisSide`), nil without video.
    public static func measuringSize(of url: URL, options: VideoAnalysisOptions = VideoAnalysisOptions()) -> (Int, Int)? {
        guard let info = try? MediaProbe.probe(url), let facts = try? VideoFileFacts(info, path: url.path) else { return nil }
        let size = analysisSize(width: facts.width, height: facts.height, side: options.analysisSide)
        return (size.width, size.height)
    }

    /// The measuring size: the display size scaled to fit `side` on its long edge, even dimensions.
    static func analysisSize(width: Int, height: Int, side: Int) -> FrameSize {
        let scale = min(1, Double(side) / Double(max(width, height, 1)))
        let w = max(2, Int((Double(width) * scale / 2).rounded()) * 2)
        let h = max(2, Int((Double(height) * scale / 2).rounded()) * 2)
        return FrameSize(width: w, height: h)
    }
}
