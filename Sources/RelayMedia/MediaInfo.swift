/// What `MediaProbe` learned about a media file: its container and its streams, named as ffprobe names them.
public struct MediaInfo: Sendable, Codable, Hashable {
    /// Container facts.
    public var format: FormatInfo
    /// Every stream of the file, in file order.
    public var streams: [StreamInfo]

    /// Creates a description.
    public init(format: FormatInfo, streams: [StreamInfo]) {
        self.format = format
        self.streams = streams
    }

    /// The first video stream, if any (`VideoDecoder` picks the best one as FFmpeg ranks them, usually this one).
    public var videoStream: StreamInfo? { streams.first { $0.codecType == "video" } }
    /// The first audio stream, if any.
    public var audioStream: StreamInfo? { streams.first { $0.codecType == "audio" } }
}

/// Container-level facts (ffprobe's `format` section).
public struct FormatInfo: Sendable, Codable, Hashable {
    /// The file as it was named when probed (ffprobe's `filename`).
    public var filename: String?
    /// Short demuxer name(s), e.g. `"mov,mp4,m4a,3gp,3g2,mj2"` (ffprobe's `format_name`).
    public var formatName: String
    /// Duration in seconds, when known.
    public var duration: Double?
    /// Overall bit rate in bits per second, when known.
    public var bitRate: Int?
    /// Start time in seconds, when known.
    public var startTime: Double?
    /// Container metadata: `creation_time`, `location`, `title`, …
    public var tags: [String: String]

    /// Creates container facts.
    public init(
        formatName: String, duration: Double? = nil, bitRate: Int? = nil, startTime: Double? = nil,
        tags: [String: String] = [:], filename: String? = nil
    ) {
        self.filename = filename
        self.formatName = formatName
        self.duration = duration
        self.bitRate = bitRate
        self.startTime = startTime
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case filename, formatName = "format_name", duration, bitRate = "bit_rate", startTime = "start_time", tags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        filename = try c.decodeIfPresent(String.self, forKey: .filename)
        formatName = try c.decode(String.self, forKey: .formatName)
        duration = try c.decodeIfPresent(Double.self, forKey: .duration)
        bitRate = try c.decodeIfPresent(Int.self, forKey: .bitRate)
        startTime = try c.decodeIfPresent(Double.self, forKey: .startTime)
        tags = try c.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(filename, forKey: .filename)
        try c.encode(formatName, forKey: .formatName)
        try c.encodeIfPresent(duration, forKey: .duration)
        try c.encodeIfPresent(bitRate, forKey: .bitRate)
        try c.encodeIfPresent(startTime, forKey: .startTime)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
    }
}

/// One stream of a file (ffprobe's `streams[]` entry).
public struct StreamInfo: Sendable, Codable, Hashable {
    /// Index of the stream in the container.
    public var index: Int
    /// `"video"`, `"audio"`, `"subtitle"`, `"data"`, `"attachment"` or `"unknown"`.
    public var codecType: String
    /// Short codec name, e.g. `"h264"`, `"aac"`; nil when FFmpeg does not know the codec.
    public var codecName: String?
    /// Coded width in pixels (video), before rotation.
    public var width: Int?
    /// Coded height in pixels (video), before rotation.
    public var height: Int?
    /// Display rotation in degrees as ffprobe prints it from the display matrix side data (counter-clockwise; e.g. 90, -90).
    public var rotation: Double?
    /// Average frame rate in frames per second (ffprobe's `avg_frame_rate` evaluated), when known.
    public var avgFrameRate: Double?
    /// Number of frames declared by the container, when known.
    public var nbFrames: Int?
    /// Pixel format name, e.g. `"yuv420p"` (video).
    public var pixFmt: String?
    /// Samples per second (audio).
    public var sampleRate: Int?
    /// Channel count (audio).
    public var channels: Int?
    /// Channel layout description, e.g. `"stereo"` (audio).
    public var channelLayout: String?
    /// Stream duration in seconds, when known.
    public var duration: Double?
    /// Stream metadata: `language`, `handler_name`, …
    public var tags: [String: String]

    /// Creates stream facts.
    public init(
        index: Int, codecType: String, codecName: String? = nil, width: Int? = nil, height: Int? = nil,
        rotation: Double? = nil, avgFrameRate: Double? = nil, nbFrames: Int? = nil, pixFmt: String? = nil,
        sampleRate: Int? = nil, channels: Int? = nil, channelLayout: String? = nil, duration: Double? = nil,
        tags: [String: String] = [:]
    ) {
        self.index = index
        self.codecType = codecType
        self.codecName = codecName
        self.width = width
        self.height = height
        self.rotation = rotation
        self.avgFrameRate = avgFrameRate
        self.nbFrames = nbFrames
        self.pixFmt = pixFmt
        self.sampleRate = sampleRate
        self.channels = channels
        self.channelLayout = channelLayout
        self.duration = duration
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case index, codecType = "codec_type", codecName = "codec_name", width, height, rotation
        case avgFrameRate = "avg_frame_rate", nbFrames = "nb_frames", pixFmt = "pix_fmt", sampleRate = "sample_rate"
        case channels, channelLayout = "channel_layout", duration, tags
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decode(Int.self, forKey: .index)
        codecType = try c.decode(String.self, forKey: .codecType)
        codecName = try c.decodeIfPresent(String.self, forKey: .codecName)
        width = try c.decodeIfPresent(Int.self, forKey: .width)
        height = try c.decodeIfPresent(Int.self, forKey: .height)
        rotation = try c.decodeIfPresent(Double.self, forKey: .rotation)
        avgFrameRate = try c.decodeIfPresent(Double.self, forKey: .avgFrameRate)
        nbFrames = try c.decodeIfPresent(Int.self, forKey: .nbFrames)
        pixFmt = try c.decodeIfPresent(String.self, forKey: .pixFmt)
        sampleRate = try c.decodeIfPresent(Int.self, forKey: .sampleRate)
        channels = try c.decodeIfPresent(Int.self, forKey: .channels)
        channelLayout = try c.decodeIfPresent(String.self, forKey: .channelLayout)
        duration = try c.decodeIfPresent(Double.self, forKey: .duration)
        tags = try c.decodeIfPresent([String: String].self, forKey: .tags) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encode(codecType, forKey: .codecType)
        try c.encodeIfPresent(codecName, forKey: .codecName)
        try c.encodeIfPresent(width, forKey: .width)
        try c.encodeIfPresent(height, forKey: .height)
        try c.encodeIfPresent(rotation, forKey: .rotation)
        try c.encodeIfPresent(avgFrameRate, forKey: .avgFrameRate)
        try c.encodeIfPresent(nbFrames, forKey: .nbFrames)
        try c.encodeIfPresent(pixFmt, forKey: .pixFmt)
        try c.encodeIfPresent(sampleRate, forKey: .sampleRate)
        try c.encodeIfPresent(channels, forKey: .channels)
        try c.encodeIfPresent(channelLayout, forKey: .channelLayout)
        try c.encodeIfPresent(duration, forKey: .duration)
        if !tags.isEmpty { try c.encode(tags, forKey: .tags) }
    }
}
