public import Foundation
import RelayCore
import CFFmpeg
import Synchronization

/// One decoded item of a single pass over a file: a video frame or a run of audio samples.
public enum MediaEvent: Sendable {
    /// A video frame (RGB24, display orientation).
    case video(Frame)
    /// Mono Float32 samples of the audio stream.
    case audio(AudioChunk)
}

/// Decodes the best video stream and the best audio stream of a file together, in one pass over the file.
///
/// Events come in the file's interleaving order (roughly by time), so a consumer analysing both sees them
/// side by side without reading the file twice. Either stream may be absent (an audio file gives only audio).
public final class MediaReader {
    /// The file.
    public let url: URL
    /// What the file contains (as `MediaProbe.probe` would say).
    public let info: MediaInfo

    private var opened: MediaPass?
    private let tally = MediaDamageTally()

    /// Damaged input the event stream has met so far (skipped packets, patched-up frames, unreadable
    /// container data). Decoding goes on past damage, so this is how a caller learns that frames or sound
    /// around it may be missing or wrong; read it after the stream ends for the whole file's count.
    public var damage: MediaDamage { tally.value }

    /// Opens `url`; throws `MediaError.noSuchStream` when it has neither video nor audio.
    public init(url: URL) throws {
        let demuxer = try Demuxer(url: url)
        self.url = url
        info = MediaProbe.info(of: demuxer)
        opened = try MediaPass(demuxer: demuxer)
    }

    /// Events decoded ahead of the consumer, at most: enough to ride out a slow step on either side (a scene's
    /// keyframe being encoded, a burst of audio packets), few enough that memory stays flat (four frames at the
    /// analysis size are 0.7 MB; at 1080p display size, 25 MB).
    public static let lookahead = 4

    /// The hand-off of the last `events` stream (tests check its bound).
    private(set) var lastHandoff: BoundedHandoff<MediaEvent>?

    /// Every video frame (converted to RGB24 at `videoSize`, nil = display size, resized with `scaling`)
    /// and every audio chunk (mono at `audioSampleRate`), in file order.
    ///
    /// Decoding and conversion run on a pool thread up to ``lookahead`` events ahead of the consumer, so a consumer
    /// that measures each frame (video analysis) works while the next ones are decoded, instead of after. Stopping
    /// the iteration or cancelling its task ends the stream and stops decoding.
    public func events(videoSize: FrameSize?, audioSampleRate: Int = 16_000, scaling: FrameScaling = .bicubic)
        -> AsyncThrowingStream<MediaEvent, any Error>
    {
        let url = self.url
        let handover = PassHandover(opened)
        opened = nil
        let tally = self.tally
        let handoff = BoundedHandoff<MediaEvent>(capacity: Self.lookahead)
        lastHandoff = handoff
        return BlockingWork.stream(through: handoff) { handoff in
            // One pass, owned by this loop from here on: decoded in order, handed over in order, freed on this thread.
            let pass = try handover.take() ?? MediaPass(demuxer: Demuxer(url: url))
            pass.scaling = scaling
            defer { tally.set(pass.damage) }
            while let event = try pass.next(videoSize: videoSize, sampleRate: audioSampleRate) {
                tally.set(pass.damage)
                guard handoff.push(event) else { return }
            }
        }
    }
}

/// Damaged input met while decoding a file, by where it was found.
public struct MediaDamage: Sendable, Hashable, Codable {
    /// Video packets the decoder rejected, or frames it patched up (error concealment).
    public var videoPackets = 0
    /// Audio packets the decoder rejected.
    public var audioPackets = 0
    /// Container reads that failed or returned packets flagged corrupt.
    public var containerReads = 0

    /// Creates a count.
    public init(videoPackets: Int = 0, audioPackets: Int = 0, containerReads: Int = 0) {
        self.videoPackets = videoPackets
        self.audioPackets = audioPackets
        self.containerReads = containerReads
    }

    /// Everything damaged.
    public var total: Int { videoPackets + audioPackets + containerReads }
}

/// The damage count of a `MediaReader`, written by its decoding worker and read by the caller, safely
/// across threads.
final class MediaDamageTally: Sendable {
    private let count = Mutex(MediaDamage())
    var value: MediaDamage { count.withLock { $0 } }
    func set(_ value: MediaDamage) { count.withLock { $0 = value } }
}

/// Carries the pass `MediaReader.init` opened to the producer loop of its first event stream (later streams open
/// their own).
///
/// `@unchecked Sendable`: `pass` is taken under `lock`, once, by the one producer loop, which is its only user from then on.
final class PassHandover: @unchecked Sendable {
    private let lock = NSLock()
    private var pass: MediaPass?
    init(_ pass: MediaPass?) { self.pass = pass }

    func take() -> MediaPass? {
        lock.withLock {
            defer { pass = nil }
            return pass
        }
    }
}

/// The synchronous engine of `MediaReader`: one demuxer feeding a video and an audio decoder.
final class MediaPass {
    private let demuxer: Demuxer
    private let video: StreamDecoder?
    private let audio: StreamDecoder?
    private let converter: PictureConverter?
    private var resampler: AudioResampler?
    private let packet: Packet
    private let frame: FrameBuffer
    private var pending: [MediaEvent] = []
    private var pendingStart = 0
    private var inputEnded = false
    private var videoIndex = 0
    private var audioTime: Double?
    private var audioEmitted = 0
    /// How pictures are resized (set by the event stream before each step).
    var scaling = FrameScaling.bicubic

    init(demuxer: Demuxer) throws {
        self.demuxer = demuxer
        let v = try? demuxer.selectStream(AVMEDIA_TYPE_VIDEO, requested: nil, kind: "video")
        let a = try? demuxer.selectStream(AVMEDIA_TYPE_AUDIO, requested: nil, kind: "audio")
        guard v != nil || a != nil else {
            throw MediaError(.noSuchStream, path: demuxer.path, operation: "finding video or audio", underlying: "the file has neither")
        }
        video = try v.map { try StreamDecoder(demuxer: demuxer, streamIndex: $0, threaded: true) }
        audio = try a.map { try StreamDecoder(demuxer: demuxer, streamIndex: $0, threaded: false) }
        if let v {
            var found: Int32 = 0
            let rotation = cffmpeg_stream_rotation(demuxer.stream(v), &found)
            converter = PictureConverter(clockwiseRotation: PictureConverter.clockwiseTurn(fromDisplayRotation: found != 0 ? rotation : nil), path: demuxer.path)
        } else {
            converter = nil
        }
        packet = try Packet(path: demuxer.path)
        frame = try FrameBuffer(path: demuxer.path)
    }

    /// Damage met so far.
    var damage: MediaDamage {
        MediaDamage(videoPackets: video?.damaged ?? 0, audioPackets: audio?.damaged ?? 0, containerReads: demuxer.readErrors)
    }

    func next(videoSize: FrameSize?, sampleRate: Int) throws -> MediaEvent? {
        while pendingStart >= pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            if inputEnded { return nil }
            if demuxer.read(into: packet) {
                if let video, packet.streamIndex == video.streamIndex {
                    try send(packet, to: video, videoSize: videoSize, sampleRate: sampleRate)
                } else if let audio, packet.streamIndex == audio.streamIndex {
                    try send(packet, to: audio, videoSize: videoSize, sampleRate: sampleRate)
                }
            } else {
                inputEnded = true
                if let video { try send(nil, to: video, videoSize: videoSize, sampleRate: sampleRate) }
                if let audio {
                    try send(nil, to: audio, videoSize: videoSize, sampleRate: sampleRate)
                    if let tail = try resampler?.flush(), !tail.isEmpty { emitAudio(tail, rate: sampleRate) }
                }
            }
        }
        defer { pendingStart += 1 }
        return pending[pendingStart]
    }

    private func send(_ packet: Packet?, to decoder: StreamDecoder, videoSize: FrameSize?, sampleRate: Int) throws {
        var accepted = decoder.send(packet)
        while true {
            let output = decoder.receive(into: frame)
            guard output == .frame else {
                if !accepted { accepted = decoder.send(packet); continue }
                return
            }
            defer { frame.unref() }
            let ts = frame.pointer.pointee.best_effort_timestamp
            let time = ts == cffmpeg_nopts_value() ? nil : Double(ts) * av_q2d(decoder.timeBase) - demuxer.origin
            if decoder === video, let converter {
                let picture = try converter.convert(
                    frame.pointer, size: videoSize, time: time ?? 0, index: videoIndex, scaling: scaling)
                videoIndex += 1
                pending.append(.video(picture))
            } else {
                if resampler == nil { resampler = try AudioResampler(rate: sampleRate, path: demuxer.path) }
                if audioTime == nil { audioTime = max(0, time ?? 0) }
                if let samples = try resampler?.convert(frame.pointer), !samples.isEmpty { emitAudio(samples, rate: sampleRate) }
            }
        }
    }

    private func emitAudio(_ samples: [Float], rate: Int) {
        let start = (audioTime ?? 0) + Double(audioEmitted) / Double(rate)
        audioEmitted += samples.count
        pending.append(.audio(AudioChunk(sampleRate: rate, startTime: start, samples: samples)))
    }
}
