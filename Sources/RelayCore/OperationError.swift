/// The error of a layer that drives C libraries, programs or servers: what was being done, on which file, device or
/// URL, the library's own message and return code next to the function that produced them, and what to try.
///
/// RelayMedia (FFmpeg, ALSA) and RelaySpeech (pocketsphinx, espeak-ng, transcription servers) both fail this way, so
/// they share this one type under their own names: `MediaError` is `OperationError<MediaLayer>`, `SpeechError` is
/// `OperationError<SpeechLayer>`. The phantom `Layer` keeps them apart for `catch let error as MediaError` and for
/// their codes (`RelayErrorCode<MediaError>`), while `description` stays one readable line.
public struct OperationError<Layer: OperationErrorLayer>: RelayError, Hashable {
    /// What kind of failure this is: a growable set of codes the layer declares (see ``RelayError``).
    public typealias Code = RelayErrorCode<OperationError<Layer>>

    /// What kind of failure this is.
    public var code: Code
    /// The file, device, model path or URL involved, if any.
    public var path: String?
    /// What was being done, in words ("opening", "capturing audio", "loading the acoustic model").
    public var operation: String
    /// The library's, program's or server's own message (`av_strerror`, `snd_strerror`, stderr), if any.
    public var underlying: String?
    /// The C function or program that failed, if any.
    public var cFunction: String?
    /// The C return code, exit status or HTTP status, if any.
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

    /// One line: `'clip.mp4': opening failed: Invalid data found when processing input (avformat_open_input). Is it a
    /// complete media file?` — with `(ps_init returned -1)` where the layer shows return codes.
    public var description: String {
        var text = path.map { "'\($0)': " } ?? ""
        text += "\(operation) failed"
        if let underlying { text += ": \(underlying)" }
        if let cFunction {
            text += Layer.showsReturnCode ? cCode.map { " (\(cFunction) returned \($0))" } ?? " (\(cFunction))" : " (\(cFunction))"
        }
        if let hint { text += ". \(hint)" }
        return text
    }
}

/// A layer whose errors are ``OperationError``s: a name for the type, and how its messages read.
public protocol OperationErrorLayer: Sendable {
    /// Whether messages show the C return code: FFmpeg's and ALSA's codes are already in words (`underlying`);
    /// pocketsphinx returns bare numbers, and a program's exit status says more than nothing.
    static var showsReturnCode: Bool { get }
}
