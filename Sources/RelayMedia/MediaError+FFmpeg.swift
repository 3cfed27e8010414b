import CFFmpeg
public import RelayCore

extension MediaError.Code {
    /// The file's picture is larger than the media layer accepts (a damaged header is the usual cause).
    public static let tooLarge = MediaError.Code("too_large")
}

extension MediaError {
    /// An error from an FFmpeg call, with FFmpeg's own message for `result`.
    static func ffmpeg(
        _ code: Code, path: String?, operation: String, function: String, result: Int32, hint: String? = nil
    ) -> MediaError {
        MediaError(code, path: path, operation: operation, underlying: ffmpegMessage(result), cFunction: function, cCode: result, hint: hint)
    }
}

/// FFmpeg's text for an error code (what `av_err2str` gives in C).
func ffmpegMessage(_ result: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 128)
    if av_strerror(result, &buffer, buffer.count) < 0 { return "FFmpeg error \(result)" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// FFmpeg's global settings, applied once before the first FFmpeg call of the process.
enum FFmpegRuntime {
    /// Touch to configure. FFmpeg's logging goes to stderr and would interleave with the CLI's own
    /// output (a damaged file logs hundreds of lines); errors reach users as `MediaError` instead.
    /// `RELAY_FFMPEG_LOG=warning|info|debug` turns FFmpeg's log back on for debugging.
    /// The largest buffer FFmpeg may allocate at once: 256 MiB, above an 8K frame in 16-bit RGB (199 MB), the largest
    /// picture Relay decodes, and far below FFmpeg's default (INT_MAX).
    static let largestAllocation = 256 << 20

    static let configured: Bool = {
        let level: Int32
        switch getenv("RELAY_FFMPEG_LOG").map({ String(cString: $0) }) {
        case "error": level = AV_LOG_ERROR
        case "warning": level = AV_LOG_WARNING
        case "info": level = AV_LOG_INFO
        case "debug": level = AV_LOG_DEBUG
        default: level = AV_LOG_QUIET
        }
        av_log_set_level(level)
        // No single FFmpeg allocation may exceed `largestAllocation`: demuxers size some buffers from numbers in the
        // file before reading it (a 175-byte WAV whose RIFF INFO chunk claims 1.7 GB made av_mallocz zero 1.7 GB and
        // took 10 s; FuzzAudio). A refused allocation is ENOMEM, which becomes a MediaError or a skipped chunk.
        av_max_alloc(largestAllocation)
        return true
    }()
}
