/// The patch grid of one image or video as Qwen2.5-VL's vision encoder sees it: (t, h, w) in 14-pixel patches.
public struct GridTHW: Sendable, Hashable, CustomStringConvertible {
    /// Temporal patches (1 for an image, frames / 2 for a video).
    public var t: Int
    /// Rows of 14-pixel patches.
    public var h: Int
    /// Columns of 14-pixel patches.
    public var w: Int

    /// Creates a grid.
    public init(t: Int, h: Int, w: Int) {
        self.t = t
        self.h = h
        self.w = w
    }

    /// Tokens the language model receives after the 2×2 spatial merge: t · (h/2) · (w/2).
    public var visualTokens: Int { t * (h / 2) * (w / 2) }

    /// `[t, h, w]`.
    public var array: [Int] { [t, h, w] }

    public var description: String { "[\(t), \(h), \(w)]" }
}

/// How one image is resized and tokenized (qwen-vl-utils `fetch_image` + the Qwen2.5-VL processor).
public struct ImagePlan: Sendable, Hashable {
    /// Width before resizing.
    public var originalWidth: Int
    /// Height before resizing.
    public var originalHeight: Int
    /// Width after `smart_resize` (a multiple of 28).
    public var resizedWidth: Int
    /// Height after `smart_resize` (a multiple of 28).
    public var resizedHeight: Int

    /// Creates a plan.
    public init(originalWidth: Int, originalHeight: Int, resizedWidth: Int, resizedHeight: Int) {
        self.originalWidth = originalWidth
        self.originalHeight = originalHeight
        self.resizedWidth = resizedWidth
        self.resizedHeight = resizedHeight
    }

    /// `(1, H/14, W/14)`.
    public var grid: GridTHW { GridTHW(t: 1, h: resizedHeight / 14, w: resizedWidth / 14) }
    /// `(H/28)·(W/28)`, without the vision start/end tokens.
    public var visualTokens: Int { grid.visualTokens }
}

/// How one video is sampled, resized and tokenized (qwen-vl-utils `fetch_video` + the Qwen2.5-VL processor).
public struct VideoPlan: Sendable, Hashable {
    /// Width before resizing, after rotation for display.
    public var originalWidth: Int
    /// Height before resizing, after rotation for display.
    public var originalHeight: Int
    /// Width of every sampled frame after resizing.
    public var resizedWidth: Int
    /// Height of every sampled frame after resizing.
    public var resizedHeight: Int
    /// Frames in the source (for a frame list: the list's length).
    public var totalFrames: Int
    /// Frame rate of the source (for a frame list: nil).
    public var videoFPS: Double?
    /// Frames sent to the model (even; a frame list is padded by repeating its last frame).
    public var nframes: Int
    /// Source frame indices sampled, `nframes` of them.
    public var frameIndices: [Int]
    /// Frames per second of the sampled sequence, used for absolute-time position ids.
    public var sampleFPS: Double

    /// Creates a plan.
    public init(
        originalWidth: Int, originalHeight: Int, resizedWidth: Int, resizedHeight: Int, totalFrames: Int,
        videoFPS: Double?, nframes: Int, frameIndices: [Int], sampleFPS: Double
    ) {
        self.originalWidth = originalWidth
        self.originalHeight = originalHeight
        self.resizedWidth = resizedWidth
        self.resizedHeight = resizedHeight
        self.totalFrames = totalFrames
        self.videoFPS = videoFPS
        self.nframes = nframes
        self.frameIndices = frameIndices
        self.sampleFPS = sampleFPS
    }

    /// `(ceil(n/2), H/14, W/14)`: two frames per temporal patch; an odd count repeats the last frame.
    public var grid: GridTHW { GridTHW(t: (nframes + 1) / 2, h: resizedHeight / 14, w: resizedWidth / 14) }
    /// `(n/2)·(H/28)·(W/28)`, without the vision start/end tokens.
    public var visualTokens: Int { grid.visualTokens }
    /// Seconds covered by one temporal patch: `2 / sample_fps` (transformers' `second_per_grid_t`).
    public var secondsPerGrid: Double { 2.0 / sampleFPS }
}
