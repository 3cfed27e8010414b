import CFFmpeg
import RelayCore

/// Turns decoded audio frames of any layout, format and rate into mono Float32 at one rate (swresample).
///
/// Owns one `SwrContext`, built from the first frame and rebuilt if the input format changes mid-stream.
/// Channels are averaged with equal weights, so a full-scale signal stays full-scale (swresample's default
/// downmix would add stereo channels at −3 dB each, making identical channels 1.41× louder).
final class AudioResampler {
    let rate: Int
    private let path: String?
    private var swr: OpaquePointer?
    private var input: (format: Int32, rate: Int32, channels: Int32)?

    init(rate: Int, path: String?) throws {
        guard rate >= 1_000, rate <= 384_000 else {
            throw MediaError(.invalidArgument, path: path, operation: "resampling to \(rate) Hz", hint: "Use a sample rate between 1000 and 384000 Hz")
        }
        self.rate = rate
        self.path = path
    }

    deinit { swr_free(&swr) }

    /// Resamples one decoded frame; may return fewer (or more) samples than it got, swresample keeps a small delay.
    func convert(_ frame: UnsafeMutablePointer<AVFrame>) throws -> [Float] {
        let key = (frame.pointee.format, frame.pointee.sample_rate, frame.pointee.ch_layout.nb_channels)
        if let input, input == key {} else {
            try configure(for: frame)
            input = key
        }
        return try run(frame)
    }

    /// The samples still held in swresample's delay line, at the end of the stream.
    func flush() throws -> [Float] {
        guard swr != nil else { return [] }
        return try run(nil)
    }

    /// A Swift array is a valid swresample output (unlike a libswscale picture, see `PictureBuffer`): swr_convert writes
    /// at most `out_count` samples per channel and copies through its own aligned buffers when the output is not aligned,
    /// and the capacity comes from swresample itself (`swr_get_out_samples`, plus slack for its rounding).
    private func run(_ frame: UnsafeMutablePointer<AVFrame>?) throws -> [Float] {
        let capacity = Int(swr_get_out_samples(swr, frame.map { $0.pointee.nb_samples } ?? 0)) + 32
        guard capacity > 0 else { return [] }
        var out = [Float](repeating: 0, count: capacity)
        let produced = out.withUnsafeMutableBufferPointer { cffmpeg_resample(swr, frame, $0.baseAddress, Int32(capacity)) }
        if produced < 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: path, operation: "resampling audio", function: "swr_convert", result: produced)
        }
        out.removeLast(capacity - Int(produced))
        return out
    }

    /// The highest input rate accepted (DXD audio, 768 kHz).
    static let highestSampleRate: Int32 = 768_000

    private func configure(for frame: UnsafeMutablePointer<AVFrame>) throws {
        swr_free(&swr)
        let channels = frame.pointee.ch_layout.nb_channels
        guard channels > 0, frame.pointee.sample_rate > 0 else {
            throw MediaError(.conversionFailed, path: path, operation: "resampling audio", underlying: "the audio frame has no channels or sample rate")
        }
        // A damaged or hostile header can claim any rate (FuzzAudio: a WAV at 1.78 GHz made swresample allocate 2 GB).
        // Real audio stops at 768 kHz.
        guard frame.pointee.sample_rate <= Self.highestSampleRate else {
            throw MediaError(.conversionFailed, path: path, operation: "resampling audio",
                             underlying: "the audio claims \(frame.pointee.sample_rate) Hz, above the \(Self.highestSampleRate) Hz of any real recording",
                             hint: "The file's header is damaged; re-export the audio.")
        }
        var inLayout = AVChannelLayout()
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC {
            av_channel_layout_default(&inLayout, channels)
        } else {
            _ = withUnsafePointer(to: frame.pointee.ch_layout) { av_channel_layout_copy(&inLayout, $0) }
        }
        defer { av_channel_layout_uninit(&inLayout) }
        var mono = AVChannelLayout()
        av_channel_layout_default(&mono, 1)
        defer { av_channel_layout_uninit(&mono) }
        var context: OpaquePointer?
        let made = swr_alloc_set_opts2(
            &context, &mono, AV_SAMPLE_FMT_FLT, Int32(rate),
            &inLayout, AVSampleFormat(frame.pointee.format), frame.pointee.sample_rate, 0, nil)
        guard made >= 0, let context else {
            throw MediaError.ffmpeg(.conversionFailed, path: path, operation: "setting up audio resampling", function: "swr_alloc_set_opts2", result: made)
        }
        swr = context
        let weights = [Double](repeating: 1 / Double(channels), count: Int(channels))
        let matrix = swr_set_matrix(context, weights, channels)
        if matrix < 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: path, operation: "setting up the mono downmix", function: "swr_set_matrix", result: matrix)
        }
        let initialized = swr_init(context)
        if initialized < 0 {
            throw MediaError.ffmpeg(.conversionFailed, path: path, operation: "setting up audio resampling", function: "swr_init", result: initialized)
        }
    }
}
