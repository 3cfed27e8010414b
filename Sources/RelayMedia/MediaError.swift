public import RelayCore

/// The one error type of the media layer: what failed, on which file or device, and what to try.
///
/// FFmpeg's and ALSA's own messages are kept (`underlying`) next to the C function that
/// produced them, so a bug report has everything, while `description` stays one readable line.
public typealias MediaError = OperationError<MediaLayer>

/// The layer of ``MediaError``: FFmpeg's and ALSA's codes are already in words, so messages leave them out.
public enum MediaLayer: OperationErrorLayer {
    public static let showsReturnCode = false
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
    /// A font could not be loaded or sized (FreeType).
    public static let fontFailed = Self("font_failed")
    /// Text could not be rendered (a glyph FreeType could not load or rasterise).
    public static let renderFailed = Self("render_failed")
}
