import Foundation
import CFFmpeg
import RelayCore

/// Owns an opened container (`AVFormatContext`): streams, packets, seeking.
final class Demuxer {
    let url: URL
    let path: String
    private(set) var context: UnsafeMutablePointer<AVFormatContext>
    /// Packets the demuxer could not read (damaged container data), counted instead of stopping.
    private(set) var readErrors = 0

    /// Opens `url` and reads its stream headers.
    init(url: URL) throws {
        _ = FFmpegRuntime.configured
        self.url = url
        path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path) else {
            throw MediaError(.fileNotFound, path: path, operation: "opening",
                             underlying: isDirectory.boolValue ? "it is a folder" : "no such file, or it is not readable",
                             hint: "Check the path and the file's permissions")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? -1
        if size == 0 {
            throw MediaError(.emptyFile, path: path, operation: "opening", underlying: "the file is empty", hint: "Is it a complete media file?")
        }
        var ctx: UnsafeMutablePointer<AVFormatContext>? = nil
        let opened = avformat_open_input(&ctx, path, nil, nil)
        guard opened >= 0, let ctx else {
            throw MediaError.ffmpeg(.openFailed, path: path, operation: "opening", function: "avformat_open_input",
                                    result: opened, hint: "Is it a complete media file in a format FFmpeg reads?")
        }
        let found = avformat_find_stream_info(ctx, nil)
        if found < 0 {
            var c: UnsafeMutablePointer<AVFormatContext>? = ctx
            avformat_close_input(&c)
            throw MediaError.ffmpeg(.openFailed, path: path, operation: "reading stream headers", function: "avformat_find_stream_info",
                                    result: found, hint: "The file may be damaged or truncated")
        }
        // Verify container checksums (Matroska writes a CRC-32 in every cluster) so damage is counted, not decoded.
        ctx.pointee.error_recognition |= AV_EF_CRCCHECK
        context = ctx
    }

    deinit {
        var c: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&c)
    }

    var streamCount: Int { Int(context.pointee.nb_streams) }

    func stream(_ index: Int32) -> UnsafeMutablePointer<AVStream> {
        // Only called with indices < nb_streams (checked by callers), so the pointer exists.
        context.pointee.streams[Int(index)]!
    }

    /// Seconds where the file's timeline starts (format start_time); frame and sample times are relative to it.
    var origin: Double {
        let start = context.pointee.start_time
        return start == cffmpeg_nopts_value() ? 0 : Double(start) / Double(AV_TIME_BASE)
    }

    /// Duration of the container in seconds, when known.
    var duration: Double? {
        let d = context.pointee.duration
        return d == cffmpeg_nopts_value() || d <= 0 ? nil : Double(d) / Double(AV_TIME_BASE)
    }

    /// The stream FFmpeg would pick for `type` (or `requested`, validated), as ffmpeg's own CLI picks it.
    func selectStream(_ type: AVMediaType, requested: Int?, kind: String) throws -> Int32 {
        if let requested {
            guard requested >= 0, requested < streamCount, stream(Int32(requested)).pointee.codecpar.pointee.codec_type == type else {
                throw MediaError(.noSuchStream, path: path, operation: "selecting \(kind) stream \(requested)",
                                 hint: "Run `relay probe` to list the file's streams")
            }
            return Int32(requested)
        }
        let best = av_find_best_stream(context, type, -1, -1, nil, 0)
        guard best >= 0 else {
            throw MediaError(.noSuchStream, path: path, operation: "finding a \(kind) stream", underlying: "the file has no \(kind) stream")
        }
        return best
    }

    /// Reads the next packet into `packet`; false at the end of the file.
    ///
    /// A damaged stretch of the container is counted and skipped (the demuxer resynchronises on the next
    /// readable packet), so what follows it is still decoded; a run of failures ends the input.
    func read(into packet: Packet) -> Bool {
        var consecutiveFailures = 0
        while true {
            packet.unref()
            let result = av_read_frame(context, packet.pointer)
            if result >= 0 {
                // A packet cut short (truncated file) is still delivered: the decoder may salvage part of it.
                if packet.pointer.pointee.flags & AV_PKT_FLAG_CORRUPT != 0 { readErrors += 1 }
                return true
            }
            if result == cffmpeg_averror_eof() { return false }
            readErrors += 1
            consecutiveFailures += 1
            let atEnd = context.pointee.pb.map { avio_feof($0) != 0 } ?? true
            if atEnd || consecutiveFailures >= Self.maxConsecutiveFailures || readErrors >= Self.maxFailures { return false }
        }
    }

    /// Read failures in a row after which the rest of the file is given up (an I/O error repeats forever).
    static let maxConsecutiveFailures = 32
    /// Read failures in one file after which the rest is given up (bounds the time spent on a shredded file).
    static let maxFailures = 10_000

    /// Seeks `stream` to the last keyframe at or before `timestamp` (stream time base).
    func seek(stream: Int32, timestamp: Int64) throws {
        let result = av_seek_frame(context, stream, timestamp, AVSEEK_FLAG_BACKWARD)
        if result < 0 {
            throw MediaError.ffmpeg(.seekFailed, path: path, operation: "seeking", function: "av_seek_frame", result: result)
        }
    }

    /// Timestamp of the keyframe at or before `timestamp` according to the container's index, if it has one.
    func indexedKeyframe(stream: Int32, atOrBefore timestamp: Int64) -> Int64? {
        let st = self.stream(stream)
        guard let entry = avformat_index_get_entry_from_timestamp(st, timestamp, AVSEEK_FLAG_BACKWARD) else { return nil }
        return entry.pointee.timestamp
    }
}
