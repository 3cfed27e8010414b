import RelayJSON

/// Qwen2.5-VL's vision preprocessing, exactly as qwen-vl-utils 0.0.10 computes it.
///
/// Every function reproduces the Python arithmetic step by step (same operand order, IEEE doubles,
/// Python's half-to-even `round`) so results agree bit for bit, and errors carry the package's own
/// messages. Tests check this against a table generated from the package itself.
public enum QwenVision {
    /// Sides of a resized image are multiples of this (patch 14 × merge 2).
    public static let imageFactor = 28
    /// Default lower bound on image pixels: 4·28·28.
    public static let minPixels = 4 * 28 * 28
    /// Default upper bound on image pixels: 16384·28·28.
    public static let maxPixels = 16384 * 28 * 28
    /// Largest accepted aspect ratio.
    public static let maxRatio = 200
    /// Default lower bound on pixels per video frame: 128·28·28.
    public static let videoMinPixels = 128 * 28 * 28
    /// Upper bound on pixels per video frame: 768·28·28.
    public static let videoMaxPixels = 768 * 28 * 28
    /// Default pixel budget of a whole video: int(128000·28·28·0.9).
    public static let videoTotalPixels = 90_316_800
    /// Frames are sampled in pairs (temporal patch 2).
    public static let frameFactor = 2
    /// Default sampling rate.
    public static let defaultFPS = 2.0
    /// Default lower bound on sampled frames.
    public static let fpsMinFrames = 4
    /// Default upper bound on sampled frames.
    public static let fpsMaxFrames = 768

    // MARK: Rounding (Python semantics)

    /// `round(n / f) * f` with Python's round: halves go to even.
    public static func roundByFactor(_ n: Double, _ f: Int) -> Int {
        Int((n / Double(f)).rounded(.toNearestOrEven)) * f
    }

    /// `ceil(n / f) * f`.
    public static func ceilByFactor(_ n: Double, _ f: Int) -> Int {
        Int((n / Double(f)).rounded(.up)) * f
    }

    /// `floor(n / f) * f`.
    public static func floorByFactor(_ n: Double, _ f: Int) -> Int {
        Int((n / Double(f)).rounded(.down)) * f
    }

    // MARK: smart_resize

    /// `smart_resize`: sides multiples of `factor`, pixels within [minPixels, maxPixels], aspect ratio kept.
    ///
    /// Throws "absolute aspect ratio must be smaller than 200, got {ratio}" like the package.
    public static func smartResize(
        height: Int, width: Int, factor: Int = imageFactor, minPixels: Double = Double(minPixels),
        maxPixels: Double = Double(maxPixels)
    ) throws -> (height: Int, width: Int) {
        guard height > 0, width > 0 else {
            throw ModelError(.invalidInput, "image size must be positive, got \(width)x\(height)")
        }
        let ratio = Double(max(height, width)) / Double(min(height, width))
        if ratio > Double(maxRatio) {
            throw ModelError(.invalidInput, "absolute aspect ratio must be smaller than \(maxRatio), got \(PythonFloat.repr(ratio))")
        }
        var hBar = max(factor, roundByFactor(Double(height), factor))
        var wBar = max(factor, roundByFactor(Double(width), factor))
        if Double(hBar * wBar) > maxPixels {
            let beta = (Double(height * width) / maxPixels).squareRoot()
            hBar = floorByFactor(Double(height) / beta, factor)
            wBar = floorByFactor(Double(width) / beta, factor)
        } else if Double(hBar * wBar) < minPixels {
            let beta = (minPixels / Double(height * width)).squareRoot()
            hBar = ceilByFactor(Double(height) * beta, factor)
            wBar = ceilByFactor(Double(width) * beta, factor)
        }
        return (hBar, wBar)
    }

    // MARK: smart_nframes

    /// `smart_nframes`: how many frames to sample from a video of `totalFrames` at `videoFPS`.
    ///
    /// Throws "Only accept either `fps` or `nframes`" and "nframes should in interval [2, T], but got N." like the package.
    public static func smartNFrames(_ sampling: VideoSampling, totalFrames: Int, videoFPS: Double) throws -> Int {
        if sampling.fps != nil && sampling.nframes != nil {
            throw ModelError(.invalidInput, "Only accept either `fps` or `nframes`")
        }
        let n: Int
        if let nframes = sampling.nframes {
            n = roundByFactor(Double(nframes), frameFactor)
        } else {
            let fps = sampling.fps ?? defaultFPS
            let minFrames = ceilByFactor(Double(sampling.minFrames ?? fpsMinFrames), frameFactor)
            let maxFrames = floorByFactor(Double(sampling.maxFrames ?? min(fpsMaxFrames, totalFrames)), frameFactor)
            let wanted = Double(totalFrames) / videoFPS * fps
            guard wanted.isFinite else {
                throw ModelError(.invalidInput, "video frame rate must be positive, got \(PythonFloat.repr(videoFPS))")
            }
            // Python's min/max on mixed int/float compare exactly; doubles hold these ints exactly.
            let bounded = min(min(max(wanted, Double(minFrames)), Double(maxFrames)), Double(totalFrames))
            n = floorByFactor(bounded, frameFactor)
        }
        guard frameFactor <= n, n <= totalFrames else {
            throw ModelError(.invalidInput, "nframes should in interval [\(frameFactor), \(totalFrames)], but got \(n).")
        }
        return n
    }

    /// `linspace(0, total − 1, n)` rounded half to even, computed exactly in integers.
    public static func frameIndices(totalFrames: Int, count: Int) -> [Int] {
        guard count > 0 else { return [] }
        guard count > 1 else { return [0] }
        let span = totalFrames - 1
        let den = count - 1
        return (0..<count).map { i in
            let num = i * span
            let q = num / den
            let r = num % den
            if 2 * r > den { return q + 1 }
            if 2 * r == den { return q % 2 == 0 ? q : q + 1 }
            return q
        }
    }

    /// `nframes / max(total_frames, 1e-6) * video_fps`: the frame rate of the sampled sequence.
    public static func sampleFPS(nframes: Int, totalFrames: Int, videoFPS: Double) -> Double {
        Double(nframes) / max(Double(totalFrames), 1e-6) * videoFPS
    }

    /// The per-frame pixel cap of `fetch_video`: `min(max_pixels, max(min(768·28·28, total/n·2), int(min·1.05)))`.
    public static func videoFrameMaxPixels(nframes: Int, sampling: VideoSampling) -> Double {
        let minPx = Double(sampling.minPixels ?? videoMinPixels)
        let total = Double(sampling.totalPixels ?? videoTotalPixels)
        let budget = max(min(Double(videoMaxPixels), total / Double(nframes) * Double(frameFactor)), (minPx * 1.05).rounded(.towardZero))
        if let supposed = sampling.maxPixels { return min(Double(supposed), budget) }
        return budget
    }

    // MARK: Plans

    /// How `fetch_image` resizes an image of `width`×`height`.
    public static func planImage(width: Int, height: Int, minPixels: Int? = nil, maxPixels: Int? = nil) throws -> ImagePlan {
        let size = try smartResize(
            height: height, width: width, minPixels: Double(minPixels ?? Self.minPixels),
            maxPixels: Double(maxPixels ?? Self.maxPixels)
        )
        try checkResized(size)
        return ImagePlan(originalWidth: width, originalHeight: height, resizedWidth: size.width, resizedHeight: size.height)
    }

    /// How `fetch_video` samples and resizes a video file of `totalFrames` frames at `videoFPS`,
    /// `width`×`height` after rotation.
    public static func planVideo(
        width: Int, height: Int, totalFrames: Int, videoFPS: Double, sampling: VideoSampling
    ) throws -> VideoPlan {
        let n = try smartNFrames(sampling, totalFrames: totalFrames, videoFPS: videoFPS)
        let indices = frameIndices(totalFrames: totalFrames, count: n)
        let fps = sampleFPS(nframes: n, totalFrames: totalFrames, videoFPS: videoFPS)
        let size = try smartResize(
            height: height, width: width, minPixels: Double(sampling.minPixels ?? videoMinPixels),
            maxPixels: videoFrameMaxPixels(nframes: n, sampling: sampling)
        )
        try checkResized(size)
        return VideoPlan(
            originalWidth: width, originalHeight: height, resizedWidth: size.width, resizedHeight: size.height,
            totalFrames: totalFrames, videoFPS: videoFPS, nframes: n, frameIndices: indices, sampleFPS: fps
        )
    }

    /// How `fetch_video` treats a list of `count` frames: each resized like an image (no total-pixel budget),
    /// the count padded to even by repeating the last frame, sample fps = `sampling.fps` or 2.
    public static func planFrameList(count: Int, width: Int, height: Int, sampling: VideoSampling) throws -> VideoPlan {
        guard count > 0 else { throw ModelError(.invalidInput, "a video given as frames needs at least one frame") }
        let image = try planImage(width: width, height: height, minPixels: sampling.minPixels, maxPixels: sampling.maxPixels)
        let n = ceilByFactor(Double(count), frameFactor)
        let indices = (0..<n).map { min($0, count - 1) }
        return VideoPlan(
            originalWidth: width, originalHeight: height, resizedWidth: image.resizedWidth,
            resizedHeight: image.resizedHeight, totalFrames: count, videoFPS: nil, nframes: n, frameIndices: indices,
            sampleFPS: sampling.fps ?? defaultFPS
        )
    }

    private static func checkResized(_ size: (height: Int, width: Int)) throws {
        guard size.height > 0, size.width > 0 else {
            throw ModelError(.invalidInput, "the pixel bounds leave no room for a 28×28 patch (resized to \(size.width)x\(size.height)); raise max_pixels")
        }
    }
}

/// The sampling and pixel options of a video, as qwen-vl-utils reads them from a message element.
public struct VideoSampling: Sendable, Hashable {
    /// Sampling rate in frames per second (default 2); exclusive with `nframes`.
    public var fps: Double?
    /// Exact number of frames (rounded to even); exclusive with `fps`.
    public var nframes: Int?
    /// Lower bound on frames when sampling by fps.
    public var minFrames: Int?
    /// Upper bound on frames when sampling by fps.
    public var maxFrames: Int?
    /// Lower bound on pixels per frame.
    public var minPixels: Int?
    /// Upper bound on pixels per frame.
    public var maxPixels: Int?
    /// Pixel budget of all frames together.
    public var totalPixels: Int?

    /// Creates options; nil means the package default.
    public init(
        fps: Double? = nil, nframes: Int? = nil, minFrames: Int? = nil, maxFrames: Int? = nil, minPixels: Int? = nil,
        maxPixels: Int? = nil, totalPixels: Int? = nil
    ) {
        self.fps = fps
        self.nframes = nframes
        self.minFrames = minFrames
        self.maxFrames = maxFrames
        self.minPixels = minPixels
        self.maxPixels = maxPixels
        self.totalPixels = totalPixels
    }
}

extension VideoInput {
    /// The sampling and pixel options of this video.
    public var sampling: VideoSampling {
        VideoSampling(
            fps: fps, nframes: nframes, minFrames: minFrames, maxFrames: maxFrames, minPixels: minPixels,
            maxPixels: maxPixels, totalPixels: totalPixels
        )
    }
}
