public import RelayCore

/// The one error type of the media layer: what failed, on which file or device, and what to try.
///
/// FFmpeg's and ALSA's own messages are kept (`underlying`) next to the C function that
/// produced them, so a bug report has everything, while `description` stays one readable line.
public struct MediaError: RelayError, Hashable {
    /// What kind of failure this is: a growable set of codes (see ``RelayError``).
    public typealias Code = RelayErrorCode<MediaError>

    /// What kind of failure this is.
    public var code: Code
    /// The file path or device name involved, if any.
    public var path: String?
    /// What was being done, in words ("opening", "decoding video", "capturing audio").
    public var operation: String
    /// The C library's own message (from `av_strerror` / `snd_strerror`), if any.
    public var underlying: String?
    /// The C function that failed and its return code, if any.
    public var cFunction: String?
    /// The C return code, if any.
    public var cCode: Int32?
    /// What a user can do about it.
    public var hint: String?

    /// Creates an error.
    public init(
        _ code: Code, path: String? = nil, operation: String, underlying: String? = nil,
        cFunction: String? = nil, cCode: Int32? = nil, hint: String? = nil
    ) {
        self.code = code
        self.path = path
        self.operation = operation
        self.underlying = underlying
        self.cFunction = cFunction
        self.cCode = cCode
        self.hint = hint
    }

    /// One line: `'clip.mp4': opening failed: Invalid data found when processing input (avformat_open_input). Is it a complete media file?`
    public var description: String {
        var text = path.map { "'\($0)': " } ?? ""
        text += "\(operation) failed"
        if let underlying { text += ": \(underlying)" }
        if let cFunction { text += " (\(cFunction))" }
        if let hint { text += ". \(hint)" }
        return text
    }
}

extension RelayErrorCode where Failure == MediaError {
    /// The file does not exist or cannot be read.
    public static let fileNotFound = Self("file_not_found")
    /// The file exists but is empty.
    public static let emptyFile = Self("empty_file")
    /// The container could not be opened or recognised.
    public static let openFailed = Self("open_failed")
    /// The file has no stream of the kind asked for.
    public static let noSuchStream = Self("no_such_stream")
    /// The codec is not supported by this FFmpeg build.
    public static let unsupportedCodec = Self("unsupported_codec")
    /// Decoding failed beyond what can be skipped.
    public static let decodeFailed = Self("decode_failed")
    /// Encoding an image or audio failed.
    public static let encodeFailed = Self("encode_failed")
    /// Scaling or resampling failed.
    public static let conversionFailed = Self("conversion_failed")
    /// A seek failed.
    public static let seekFailed = Self("seek_failed")
    /// An argument was out of range (size, time, index).
    public static let invalidArgument = Self("invalid_argument")
    /// An audio device could not be opened or used.
    public static let deviceFailed = Self("device_failed")
    /// Memory could not be allocated.
    public static let outOfMemory = Self("out_of_memory")
}
