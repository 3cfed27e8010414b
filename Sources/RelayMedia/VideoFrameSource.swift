import Foundation
import CFFmpeg

/// The synchronous engine under `VideoDecoder` and `FrameSampler`: demuxes and decodes one video stream in
/// display order, and answers "which frame is displayed at t" with as little decoding as possible.
///
/// Not thread-safe: it lives inside one `SerialWorker` (or one synchronous call such as `ImageCodec.decode`).
final class VideoFrameSource {
    let url: URL
    private(set) var demuxer: Demuxer
    private(set) var decoder: StreamDecoder
    let streamIndex: Int32
    let converter: PictureConverter
    let frameRate: Double?
    let frameCount: Int?
    let duration: Double?
    let codedSize: FrameSize
    /// Seconds of the file timeline origin (times are relative to it).
    private(set) var origin: Double

    private let packet: Packet
    private var inputEnded = false
    private var holdingPacket = false
    private var lastTime: Double?
    /// Display index of the next decoded frame, while decoding straight from the start (nil after a seek).
    private var nextIndex: Int? = 0
    /// Damage counted by decoders and demuxers that were replaced (reopened) so far.
    private var retiredDamage = 0
    /// Where the stream says it ends (seconds, file timeline), when it says so.
    private let declaredEnd: Double?
    /// 1 when a straight decode ended well before `declaredEnd` (a truncated file whose cut went unnoticed otherwise).
    private var endedEarly = 0

    // The sampler's window: `current` is the latest frame known to be displayed at or before the last
    // target; `ahead` was decoded past that target and is kept for the next one.
    private var current: FrameBuffer
    private var currentTime = 0.0
    private var currentIndex: Int?
    private var hasCurrent = false
    private var ahead: FrameBuffer
    private var aheadTime = 0.0
    private var aheadIndex: Int?
    private var hasAhead = false
    private(set) var reachedEnd = false
    /// Seeks done so far (for tests and benchmarks: sampling must seek only for far jumps).
    private(set) var seeks = 0
    /// Seeks that landed past their target and were retried earlier (variable frame rate, B-frames).
    private(set) var backoffs = 0
    /// Frames decoded so far, across seeks.
    private(set) var decodedFrames = 0
    /// Time of the frame the last `position(at:)` settled on.
    var lastPositionedTime: Double { currentTime }

    init(url: URL, streamIndex requested: Int? = nil) throws {
        self.url = url
        let demuxer = try Demuxer(url: url)
        let index = try demuxer.selectStream(AVMEDIA_TYPE_VIDEO, requested: requested, kind: "video")
        self.demuxer = demuxer
        streamIndex = index
        decoder = try StreamDecoder(demuxer: demuxer, streamIndex: index, threaded: true)
        let stream = demuxer.stream(index)
        var found: Int32 = 0
        let rotation = cffmpeg_stream_rotation(stream, &found)
        converter = PictureConverter(clockwiseRotation: PictureConverter.clockwiseTurn(fromDisplayRotation: found != 0 ? rotation : nil), path: url.path)
        let par = stream.pointee.codecpar.pointee
        codedSize = FrameSize(width: Int(par.width), height: Int(par.height))
        let rate = stream.pointee.avg_frame_rate
        frameRate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : nil
        frameCount = stream.pointee.nb_frames > 0 ? Int(stream.pointee.nb_frames) : nil
        let tb = av_q2d(stream.pointee.time_base)
        if stream.pointee.duration != cffmpeg_nopts_value(), stream.pointee.duration > 0 {
            duration = Double(stream.pointee.duration) * tb
        } else {
            duration = demuxer.duration
        }
        origin = demuxer.origin
        declaredEnd = Self.declaredEnd(of: stream, origin: demuxer.origin)
        packet = try Packet(path: url.path)
        current = try FrameBuffer(path: url.path)
        ahead = try FrameBuffer(path: url.path)
    }

    /// Packets rejected so far (demuxer read errors and decoder errors, across reopenings).
    var damagedPackets: Int { retiredDamage + decoder.damaged + demuxer.readErrors + endedEarly }

    /// Display size of the decoded pictures (after rotation).
    var displaySize: FrameSize { converter.displaySize(width: codedSize.width, height: codedSize.height) }

    private var timeBase: Double { av_q2d(decoder.timeBase) }

    // MARK: Straight decoding

    /// Decodes the next frame in display order into `frame`; returns its time and display index, nil at the end.
    func decodeNext(into frame: FrameBuffer) throws -> (time: Double, index: Int?)? {
        while true {
            switch decoder.receive(into: frame) {
            case .frame:
                let ts = frame.pointer.pointee.best_effort_timestamp
                var time: Double
                if ts != cffmpeg_nopts_value() {
                    time = Double(ts) * timeBase - origin
                } else {
                    // No timestamp at all (some raw streams): continue the timeline at the nominal rate.
                    time = lastTime.map { $0 + 1 / (frameRate ?? 25) } ?? 0
                }
                lastTime = time
                decodedFrames += 1
                let index = nextIndex
                nextIndex = nextIndex.map { $0 + 1 }
                return (time, index)
            case .ended:
                checkEnd()
                return nil
            case .needsInput:
                try feed()
            }
        }
    }

    /// Gives the decoder its next packet of our stream (or the drain signal at the end of the file).
    private func feed() throws {
        if inputEnded {
            _ = decoder.send(nil)
            return
        }
        while true {
            if !holdingPacket {
                guard demuxer.read(into: packet) else {
                    inputEnded = true
                    _ = decoder.send(nil)
                    return
                }
                guard packet.streamIndex == streamIndex else { continue }
            }
            holdingPacket = !decoder.send(packet)
            return
        }
    }

    /// Counts a straight decode that stopped well short of the stream's declared end as damage: some
    /// containers (Matroska) end a truncated file cleanly, and the missing tail must not pass for a short video.
    private func checkEnd() {
        guard nextIndex != nil, let declaredEnd, let lastTime else { return }
        let tolerance = max(0.25, 3 / (frameRate ?? 25))
        if lastTime + tolerance < declaredEnd { endedEarly = 1 }
    }

    /// The end of the stream as its headers declare it: the stream duration, or Matroska's per-track DURATION tag.
    private static func declaredEnd(of stream: UnsafeMutablePointer<AVStream>, origin: Double) -> Double? {
        let tb = av_q2d(stream.pointee.time_base)
        let start = stream.pointee.start_time == cffmpeg_nopts_value() ? origin : Double(stream.pointee.start_time) * tb
        if stream.pointee.duration != cffmpeg_nopts_value(), stream.pointee.duration > 0 {
            return start - origin + Double(stream.pointee.duration) * tb
        }
        guard let tag = av_dict_get(stream.pointee.metadata, "DURATION", nil, 0) else { return nil }
        let parts = String(cString: tag.pointee.value).split(separator: ":").compactMap { Double($0) }
        guard parts.count == 3 else { return nil }
        return start - origin + parts[0] * 3600 + parts[1] * 60 + parts[2]
    }

    // MARK: Sampling

    /// The frame displayed at `t` seconds (greatest time ≤ t; the first frame when t is before it), converted.
    /// Targets must come in ascending order for forward decoding; an earlier target seeks back.
    func frame(at t: Double, size: FrameSize?) throws -> Frame? {
        guard try position(at: t) else { return nil }
        return try converter.convert(current.pointer, size: size, time: currentTime, index: currentIndex)
    }

    /// Moves `current` to the frame displayed at `t`; false when the stream has no frame at all.
    func position(at t: Double) throws -> Bool {
        if shouldSeek(to: t) { try seekLanding(at: t) }
        while true {
            if !hasAhead {
                guard let next = try decodeNext(into: ahead) else {
                    reachedEnd = true
                    return hasCurrent
                }
                (aheadTime, aheadIndex, hasAhead) = (next.time, next.index, true)
            }
            if aheadTime <= t || !hasCurrent {
                swap(&current, &ahead)
                (currentTime, currentIndex, hasCurrent, hasAhead) = (aheadTime, aheadIndex, true, false)
                if currentTime > t { return true }  // t lies before the first frame: the first frame is shown
                continue
            }
            return true
        }
    }

    /// Seconds of forward decoding that are cheaper than a seek when the container has no keyframe index.
    static let forwardWindow = 2.0

    private func shouldSeek(to t: Double) -> Bool {
        let position = hasAhead ? aheadTime : (hasCurrent ? currentTime : nil)
        guard let position else {
            // Nothing decoded yet: we are at the start of the file.
            return keyframeBefore(t).map { $0 > Self.forwardWindow / 2 } ?? (t > Self.forwardWindow)
        }
        // Backwards needs a seek, unless `current` is the stream's first frame: it is what shows before it.
        if hasCurrent && t < currentTime { return currentIndex != 0 }
        if t <= position { return false }
        // A keyframe just ahead saves only a few frames, and a seek costs a decoder flush (frame threads drop the
        // frames in flight): seek only when it skips at least half the forward window.
        if let keyframe = keyframeBefore(t) { return keyframe - position > Self.forwardWindow / 2 }
        return t - position > Self.forwardWindow
    }

    /// Time of the keyframe at or before `t` from the container's index, when it has one.
    private func keyframeBefore(_ t: Double) -> Double? {
        let ts = Int64(((t + origin) / timeBase).rounded(.down))
        return demuxer.indexedKeyframe(stream: streamIndex, atOrBefore: ts).map { Double($0) * timeBase - origin }
    }

    /// Seeks so that the next decoded frame is displayed at or before `t`. A keyframe found by the demuxer can
    /// still show after `t` (variable frame rate, B-frames: its dts is before t, its pts after): then back off,
    /// seeking earlier by a doubling step, and restart from the beginning of the file as the last resort.
    private func seekLanding(at t: Double) throws {
        var back = 0.0
        for _ in 0..<12 {
            let target = t - back
            if target <= 0 { break }
            let ts = Int64(((target + origin) / timeBase).rounded(.down))
            do { try demuxer.seek(stream: streamIndex, timestamp: ts) } catch { break }
            seeks += 1
            decoder.flush()
            (inputEnded, holdingPacket, hasCurrent, hasAhead, nextIndex, lastTime) = (false, false, false, false, nil, nil)
            reachedEnd = false
            if let first = try firstKeyframeAfterSeek(), first <= t {
                (aheadTime, aheadIndex, hasAhead) = (first, nil, true)
                return
            }
            backoffs += 1
            back = back == 0 ? 0.5 : back * 2
        }
        try reopen()
    }

    /// Decodes into `ahead` up to the first keyframe after a seek and returns its time. Pictures before it were
    /// decoded without their references (a seek can land on any packet of a file without an index, and MPEG-2/4
    /// decoders show such pictures); a straight decode would show them differently, so they are dropped.
    private func firstKeyframeAfterSeek() throws -> Double? {
        for _ in 0..<1_000 {
            guard let next = try decodeNext(into: ahead) else { return nil }
            if ahead.pointer.pointee.key_frame != 0 { return next.time }
        }
        return nil
    }

    /// Starts again from the first frame with a fresh demuxer and decoder (the exact, always-correct fallback).
    func reopen() throws {
        retiredDamage += decoder.damaged + demuxer.readErrors
        let demuxer = try Demuxer(url: url)
        let decoder = try StreamDecoder(demuxer: demuxer, streamIndex: streamIndex, threaded: true)
        self.demuxer = demuxer
        self.decoder = decoder
        origin = demuxer.origin
        (inputEnded, holdingPacket, hasCurrent, hasAhead, nextIndex, lastTime, reachedEnd) = (false, false, false, false, 0, nil, false)
    }
}
