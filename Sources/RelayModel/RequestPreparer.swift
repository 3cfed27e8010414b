public import Foundation
import RelayCore
public import RelayMedia

/// Facts about a video file that decide its sampling: upright size, frame count, frame rate, rotation.
public struct VideoFileFacts: Sendable, Hashable {
    /// Width after the display rotation.
    public var width: Int
    /// Height after the display rotation.
    public var height: Int
    /// Frames in the stream (`nb_frames`, else duration × fps rounded).
    public var totalFrames: Int
    /// Average frame rate.
    public var fps: Double
    /// Display rotation in degrees (ffprobe's sign convention).
    public var rotation: Int

    /// Creates facts.
    public init(width: Int, height: Int, totalFrames: Int, fps: Double, rotation: Int = 0) {
        self.width = width
        self.height = height
        self.totalFrames = totalFrames
        self.fps = fps
        self.rotation = rotation
    }

    /// Reads the facts of the best video stream of `info` (from ``MediaProbe``); `path` names the file in errors.
    public init(_ info: MediaInfo, path: String) throws {
        guard let stream = info.videoStream, let w = stream.width, let h = stream.height, w > 0, h > 0 else {
            throw ModelError(.media, "has no video stream with a known size", path: path)
        }
        guard let fps = stream.avgFrameRate, fps > 0, fps.isFinite else {
            throw ModelError(.media, "the video stream has no frame rate", path: path)
        }
        let rotation = Int((stream.rotation ?? 0).rounded())
        let quarterTurn = abs(rotation % 180) == 90
        var total = stream.nbFrames ?? 0
        if total <= 0, let duration = stream.duration ?? info.format.duration, duration > 0 {
            total = Int((duration * fps).rounded())
        }
        guard total > 0 else { throw ModelError(.media, "the number of video frames is unknown", path: path) }
        self.init(width: quarterTurn ? h : w, height: quarterTurn ? w : h, totalFrames: total, fps: fps, rotation: rotation)
    }
}

/// Turns the images and videos of a conversation into what Qwen2.5-VL's vision encoder receives:
/// decoded, sampled and smart-resized frames with their plans (qwen-vl-utils `process_vision_info`).
public enum RequestPreparer {
    /// Prepares every image and video of `messages`, in order.
    public static func prepare(_ messages: [ChatMessage]) async throws -> (images: [PreparedImage], videos: [PreparedVideo]) {
        var images: [PreparedImage] = []
        var videos: [PreparedVideo] = []
        for message in messages {
            for part in message.content {
                try Task.checkCancellation()
                switch part {
                case .text: continue
                case .image(let image): images.append(try await BlockingWork.run { try prepareImage(image) })
                case .video(let video): videos.append(try await prepareVideo(video))
                }
            }
        }
        return (images, videos)
    }

    /// Decodes (if needed) and resizes one image.
    public static func prepareImage(_ image: ImageInput) throws -> PreparedImage {
        let frame: Frame
        switch image.source {
        case .frame(let f): frame = f
        case .file(let url): frame = try ImageCodec.decode(url)
        }
        let plan = try QwenVision.planImage(width: frame.width, height: frame.height, minPixels: image.minPixels, maxPixels: image.maxPixels)
        return PreparedImage(plan: plan, frame: try resize(frame, plan.resizedWidth, plan.resizedHeight))
    }

    /// Samples and resizes one video.
    public static func prepareVideo(_ video: VideoInput) async throws -> PreparedVideo {
        switch video.source {
        case .frames(let frames):
            guard let first = frames.first else {
                throw ModelError(.invalidInput, "a video given as frames needs at least one frame")
            }
            guard frames.allSatisfy({ $0.width == first.width && $0.height == first.height }) else {
                throw ModelError(.invalidInput, "the frames of a video must all have the same size")
            }
            let plan = try QwenVision.planFrameList(count: frames.count, width: first.width, height: first.height, sampling: video.sampling)
            var resized: [Frame] = []
            for frame in frames { resized.append(try resize(frame, plan.resizedWidth, plan.resizedHeight)) }
            while let last = resized.last, resized.count < plan.nframes { resized.append(last) }
            return PreparedVideo(plan: plan, frames: resized)
        case .file(let url):
            let sampling = video.sampling
            let plan = try await BlockingWork.run { try planVideoFile(url, sampling: sampling) }
            var frames: [Frame] = []
            let size = FrameSize(width: plan.resizedWidth, height: plan.resizedHeight)
            for try await frame in FrameSampler.frames(of: url, indices: plan.frameIndices, size: size) {
                frames.append(frame)
            }
            guard !frames.isEmpty else { throw ModelError(.media, "no frames could be decoded", path: url.path) }
            // A stream shorter than its header claims: repeat the last frame so the grid stays as planned.
            while let last = frames.last, frames.count < plan.nframes { frames.append(last) }
            return PreparedVideo(plan: plan, frames: Array(frames.prefix(plan.nframes)))
        }
    }

    /// The sampling plan of a video file, from its probed facts (rotation applied).
    public static func planVideoFile(_ url: URL, sampling: VideoSampling) throws -> VideoPlan {
        let facts = try VideoFileFacts(MediaProbe.probe(url), path: url.path)
        return try QwenVision.planVideo(
            width: facts.width, height: facts.height, totalFrames: facts.totalFrames, videoFPS: facts.fps, sampling: sampling
        )
    }

    /// The resize plan of an image file, from its probed size (decoding it only when probing cannot tell).
    public static func planImageFile(_ url: URL, minPixels: Int? = nil, maxPixels: Int? = nil) throws -> ImagePlan {
        if let stream = (try? MediaProbe.probe(url))?.videoStream, let w = stream.width, let h = stream.height, w > 0, h > 0 {
            return try QwenVision.planImage(width: w, height: h, minPixels: minPixels, maxPixels: maxPixels)
        }
        let frame = try ImageCodec.decode(url)
        return try QwenVision.planImage(width: frame.width, height: frame.height, minPixels: minPixels, maxPixels: maxPixels)
    }

    /// True when `info` describes a still image (an image demuxer, or a single-frame stream of an image codec).
    public static func isStillImage(_ info: MediaInfo) -> Bool {
        let name = info.format.formatName
        if name.contains("image2") || name.hasSuffix("_pipe") || ["png", "webp", "gif"].contains(name) && (info.videoStream?.nbFrames ?? 1) <= 1 {
            return true
        }
        let codec = info.videoStream?.codecName ?? ""
        return ["png", "mjpeg", "bmp", "tiff", "webp"].contains(codec) && (info.videoStream?.nbFrames ?? 1) <= 1 && info.audioStream == nil
            && (info.format.duration ?? 0) == 0
    }

    private static func resize(_ frame: Frame, _ width: Int, _ height: Int) throws -> Frame {
        if frame.width == width && frame.height == height { return frame }
        return try frame.resized(to: FrameSize(width: width, height: height))
    }
}
