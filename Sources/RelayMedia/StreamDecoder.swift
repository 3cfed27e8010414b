import CFFmpeg
import RelayCore

/// Owns the decoder (`AVCodecContext`) of one stream of a `Demuxer`, and keeps that demuxer alive.
final class StreamDecoder {
    /// What `receive` produced.
    enum Output { case frame, needsInput, ended }

    let demuxer: Demuxer
    let streamIndex: Int32
    let context: UnsafeMutablePointer<AVCodecContext>
    let timeBase: AVRational
    /// Packets (or frames) the decoder rejected as damaged.
    private(set) var damaged = 0

    /// Opens the decoder for `streamIndex`; `threaded` turns on frame and slice threading on all cores.
    init(demuxer: Demuxer, streamIndex: Int32, threaded: Bool) throws {
        self.demuxer = demuxer
        self.streamIndex = streamIndex
        let stream = demuxer.stream(streamIndex)
        let path = demuxer.path
        guard let parameters = stream.pointee.codecpar else {
            throw MediaError(.noSuchStream, path: path, operation: "opening a decoder", underlying: "stream \(streamIndex) has no codec parameters")
        }
        guard let codec = avcodec_find_decoder(parameters.pointee.codec_id) else {
            let name = avcodec_descriptor_get(parameters.pointee.codec_id).map { String(cString: $0.pointee.name) } ?? "unknown"
            throw MediaError(.unsupportedCodec, path: path, operation: "opening the \(name) decoder",
                             underlying: "this FFmpeg build has no decoder for codec '\(name)'", cFunction: "avcodec_find_decoder")
        }
        guard let ctx = avcodec_alloc_context3(codec) else {
            throw MediaError(.outOfMemory, path: path, operation: "opening a decoder", cFunction: "avcodec_alloc_context3")
        }
        var owned: UnsafeMutablePointer<AVCodecContext>? = ctx
        let copied = avcodec_parameters_to_context(ctx, parameters)
        if copied < 0 {
            avcodec_free_context(&owned)
            throw MediaError.ffmpeg(.decodeFailed, path: path, operation: "configuring the decoder", function: "avcodec_parameters_to_context", result: copied)
        }
        ctx.pointee.pkt_timebase = stream.pointee.time_base
        // Check CRCs where the codec has them (mp3, flac, …) so damage is seen instead of decoded as noise.
        ctx.pointee.err_recognition |= AV_EF_CRCCHECK
        if threaded {
            // 0 = one thread per core; frame threading is what makes decoding scale (≈1.7× on 2 cores).
            ctx.pointee.thread_count = 0
            ctx.pointee.thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE
            // FFmpeg 5.1's frame-threaded WebP decoder aborts the process (av_assert0 "frame->buf[0]", decode.c:502) on
            // a damaged file that it decodes fine single-threaded (found by FuzzMedia; `ffmpeg -i` aborts the same way).
            // WebP is a still-image format: nothing is lost by decoding it on one thread.
            if parameters.pointee.codec_id == AV_CODEC_ID_WEBP { ctx.pointee.thread_type = FF_THREAD_SLICE }
        }
        let opened = avcodec_open2(ctx, codec, nil)
        if opened < 0 {
            avcodec_free_context(&owned)
            throw MediaError.ffmpeg(.unsupportedCodec, path: path, operation: "opening the decoder", function: "avcodec_open2", result: opened,
                                    hint: "The stream may be damaged or use an unsupported profile")
        }
        context = ctx
        timeBase = stream.pointee.time_base
    }

    deinit {
        var c: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&c)
    }

    /// Sends a packet (nil = end of input, to drain). Returns false when the decoder wants its output read
    /// first (EAGAIN): the caller must `receive` and then send the same packet again.
    func send(_ packet: Packet?) -> Bool {
        let result = avcodec_send_packet(context, packet?.pointer)
        if result == cffmpeg_averror_eagain() { return false }
        // A damaged packet is dropped and counted; decoding goes on with the next one. Sending after the
        // drain packet (AVERROR_EOF) is harmless.
        if result < 0 && result != cffmpeg_averror_eof() { damaged += 1 }
        return true
    }

    /// Receives the next decoded frame into `frame`.
    func receive(into frame: FrameBuffer) -> Output {
        while true {
            let result = avcodec_receive_frame(context, frame.pointer)
            if result >= 0 {
                // A frame the decoder patched up (error concealment, missing reference) stands for damaged input.
                if frame.pointer.pointee.flags & cffmpeg_frame_flag_corrupt() != 0 || frame.pointer.pointee.decode_error_flags != 0 {
                    damaged += 1
                }
                return .frame
            }
            if result == cffmpeg_averror_eagain() { return .needsInput }
            if result == cffmpeg_averror_eof() { return .ended }
            // Any other result is a decode error of one packet (frame threading reports them here): count, go on.
            damaged += 1
        }
    }

    /// Drops frames buffered in the decoder (after a seek).
    func flush() { avcodec_flush_buffers(context) }
}
