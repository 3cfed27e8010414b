public import Foundation
import CFFmpeg

/// Reads container and stream facts of a media file, as ffprobe reports them (`-show_format -show_streams`).
public enum MediaProbe {
    /// Probes `url`: opens the container, reads its stream headers and closes it again.
    ///
    /// Throws `MediaError` (naming the file) when the file is missing, empty or not a media file FFmpeg reads.
    public static func probe(_ url: URL) throws -> MediaInfo {
        try info(of: Demuxer(url: url))
    }

    static func info(of demuxer: Demuxer) -> MediaInfo {
        let ctx = demuxer.context
        let nopts = cffmpeg_nopts_value()
        let formatName = ctx.pointee.iformat.map { String(cString: $0.pointee.name) } ?? "unknown"
        let format = FormatInfo(
            formatName: formatName,
            duration: ctx.pointee.duration == nopts ? nil : Double(ctx.pointee.duration) / Double(AV_TIME_BASE),
            bitRate: ctx.pointee.bit_rate > 0 ? Int(ctx.pointee.bit_rate) : nil,
            startTime: ctx.pointee.start_time == nopts ? nil : Double(ctx.pointee.start_time) / Double(AV_TIME_BASE),
            tags: tags(ctx.pointee.metadata),
            filename: demuxer.path)
        let streams = (0..<Int32(demuxer.streamCount)).map { stream(demuxer.stream($0)) }
        return MediaInfo(format: format, streams: streams)
    }

    static func stream(_ st: UnsafeMutablePointer<AVStream>) -> StreamInfo {
        let nopts = cffmpeg_nopts_value()
        let tb = av_q2d(st.pointee.time_base)
        var info = StreamInfo(index: Int(st.pointee.index), codecType: "unknown", tags: tags(st.pointee.metadata))
        if st.pointee.duration != nopts { info.duration = Double(st.pointee.duration) * tb }
        if st.pointee.nb_frames > 0 { info.nbFrames = Int(st.pointee.nb_frames) }
        guard let par = st.pointee.codecpar?.pointee else { return info }
        info.codecType = av_get_media_type_string(par.codec_type).map { String(cString: $0) } ?? "unknown"
        info.codecName = avcodec_descriptor_get(par.codec_id).map { String(cString: $0.pointee.name) }
        switch par.codec_type {
        case AVMEDIA_TYPE_VIDEO:
            info.width = Int(par.width)
            info.height = Int(par.height)
            info.pixFmt = par.format >= 0 ? av_get_pix_fmt_name(AVPixelFormat(par.format)).map { String(cString: $0) } : nil
            let rate = st.pointee.avg_frame_rate
            if rate.num > 0, rate.den > 0 { info.avgFrameRate = av_q2d(rate) }
            var found: Int32 = 0
            let rotation = cffmpeg_stream_rotation(st, &found)
            if found != 0 { info.rotation = rotation == 0 ? 0 : rotation }  // normalise -0
        case AVMEDIA_TYPE_AUDIO:
            info.sampleRate = Int(par.sample_rate)
            info.channels = Int(par.ch_layout.nb_channels)
            if par.ch_layout.order != AV_CHANNEL_ORDER_UNSPEC {
                var buffer = [CChar](repeating: 0, count: 128)
                var layout = par.ch_layout
                if av_channel_layout_describe(&layout, &buffer, buffer.count) > 0 {
                    info.channelLayout = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
            }
            let rate = st.pointee.avg_frame_rate
            if rate.num > 0, rate.den > 0 { info.avgFrameRate = av_q2d(rate) }
        default:
            break
        }
        return info
    }

    /// Every entry of an FFmpeg metadata dictionary.
    static func tags(_ dict: OpaquePointer?) -> [String: String] {
        var result: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>? = nil
        while let next = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX) {
            result[String(cString: next.pointee.key)] = String(cString: next.pointee.value)
            entry = next
        }
        return result
    }
}
