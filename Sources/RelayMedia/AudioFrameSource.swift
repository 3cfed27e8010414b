import Foundation
import CFFmpeg

/// The synchronous engine under `AudioDecoder`: demuxes and decodes one audio stream and resamples it to mono Float32.
///
/// Not thread-safe: it lives inside one `SerialWorker`.
final class AudioFrameSource {
    let url: URL
    let demuxer: Demuxer
    let decoder: StreamDecoder
    let resampler: AudioResampler
    let streamIndex: Int32
    let duration: Double?
    private let packet: Packet
    private let frame: FrameBuffer
    private var inputEnded = false
    private var holdingPacket = false
    private var flushed = false
    /// Time of the first sample, from the first decoded frame's timestamp.
    private(set) var startTime: Double?

    init(url: URL, streamIndex requested: Int?, sampleRate: Int) throws {
        self.url = url
        demuxer = try Demuxer(url: url)
        streamIndex = try demuxer.selectStream(AVMEDIA_TYPE_AUDIO, requested: requested, kind: "audio")
        decoder = try StreamDecoder(demuxer: demuxer, streamIndex: streamIndex, threaded: false)
        resampler = try AudioResampler(rate: sampleRate, path: url.path)
        let stream = demuxer.stream(streamIndex)
        if stream.pointee.duration != cffmpeg_nopts_value(), stream.pointee.duration > 0 {
            duration = Double(stream.pointee.duration) * av_q2d(stream.pointee.time_base)
        } else {
            duration = demuxer.duration
        }
        packet = try Packet(path: url.path)
        frame = try FrameBuffer(path: url.path)
    }

    /// Packets rejected so far.
    var damagedPackets: Int { decoder.damaged + demuxer.readErrors }

    /// The next run of resampled samples (possibly empty), nil at the end of the stream.
    func nextSamples() throws -> [Float]? {
        while true {
            switch decoder.receive(into: frame) {
            case .frame:
                if startTime == nil {
                    let ts = frame.pointer.pointee.best_effort_timestamp
                    startTime = ts == cffmpeg_nopts_value() ? 0 : max(0, Double(ts) * av_q2d(decoder.timeBase) - demuxer.origin)
                }
                defer { frame.unref() }
                return try resampler.convert(frame.pointer)
            case .ended:
                if flushed { return nil }
                flushed = true
                return try resampler.flush()
            case .needsInput:
                if inputEnded {
                    _ = decoder.send(nil)
                    continue
                }
                if !holdingPacket {
                    guard demuxer.read(into: packet) else {
                        inputEnded = true
                        _ = decoder.send(nil)
                        continue
                    }
                    guard packet.streamIndex == streamIndex else { continue }
                }
                holdingPacket = !decoder.send(packet)
            }
        }
    }
}
