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

    /// Events that wait in each of the two queues of an event stream, at most: decoded pictures waiting to be
    /// converted, and converted events waiting for the consumer. Enough to ride out a slow step on either side (a
    /// scene's keyframe being encoded, a burst of audio packets), few enough that memory stays flat: four decoded
    /// 720p pictures are 5.5 MB (1080p: 12 MB), four frames at the analysis size 0.7 MB.
    public static let lookahead = 4

    /// The hand-offs of the last `events` stream: decoded pictures to the converting stage, converted events to the
    /// consumer (tests check their bounds).
    private(set) var lastHandoffs: (decoded: BoundedHandoff<DecodedEvent>, converted: BoundedHandoff<MediaEvent>)?

    /// Every video frame (converted to RGB24 at `videoSize`, nil = display size, resized with `scaling`)
    /// and every audio chunk (mono at `audioSampleRate`), in file order.
    ///
    /// One pass over the file in three stages that overlap: decoding (demuxing, the decoders, audio resampling) on
    /// one pool thread, picture conversion (swscale, rotation) on another, and the consumer's own work on each event.
    /// Each stage runs at most ``lookahead`` events ahead of the next, so the decoder's frame threads are fed while a
    /// picture is scaled, and a consumer that measures each frame (video analysis) works while the next ones are
    /// decoded. Stopping the iteration or cancelling its task ends the stream and stops both pool stages.
    public func events(videoSize: FrameSize?, audioSampleRate: Int = 16_000, scaling: FrameScaling = .bicubic)
        -> AsyncThrowingStream<MediaEvent, any Error>
    {
        let url = self.url
        let handover = PassHandover(opened)
        opened = nil
        let tally = self.tally
        let decoded = BoundedHandoff<DecodedEvent>(capacity: Self.lookahead)
        let handoff = BoundedHandoff<MediaEvent>(capacity: Self.lookahead)
        lastHandoffs = (decoded, handoff)
        return BlockingWork.stream(through: handoff) { handoff in
            // This closure is the converting stage; it starts the decoding stage and hands it the pass, which from then
            // on only the decoding stage touches (and frees, on its thread). The converter is this stage's own.
            let opened = PassHandover(try handover.take() ?? MediaPass(demuxer: Demuxer(url: url)))
            guard let rotation = opened.clockwiseRotation else {
                // Audio only: nothing to convert, one stage.
                guard let pass = opened.take() else { return }
                defer { tally.set(pass.damage) }
                while let event = try pass.next(videoSize: videoSize, sampleRate: audioSampleRate) {
                    tally.set(pass.damage)
                    guard handoff.push(event) else { return }
                }
                return
            }
            BlockingWork.start {
                guard let pass = opened.take() else { return }
                // Damage is tallied before each event is handed over, so the count is final when the stream ends.
                defer { tally.set(pass.damage) }
                do {
                    while let event = try pass.nextDecoded(sampleRate: audioSampleRate) {
                        tally.set(pass.damage)
                        guard decoded.push(event) else { return }
                    }
                    decoded.finish()
                } catch {
                    decoded.finish(throwing: error)
                }
            }
            // However this stage ends (consumer gone, conversion error), the decoding stage stops at its next event.
            defer { decoded.close() }
            let converter = PictureConverter(clockwiseRotation: rotation, path: url.path)
            while let event = try decoded.take() {
                switch event {
                case .picture(let picture):
                    let frame = try converter.convert(
                        picture.buffer.pointer, size: videoSize, time: picture.time, index: picture.index, scaling: scaling)
                    guard handoff.push(.video(frame)) else { return }
                case .audio(let chunk):
                    guard handoff.push(.audio(chunk)) else { return }
                }
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

/// Carries a pass to the stage that will own it: the pass `MediaReader.init` opened to the first event stream (later
/// streams open their own), and each stream's pass to its decoding stage.
///
/// `@unchecked Sendable`: `pass` is taken under `lock`, once, by the one stage that is its only user from then on.
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

    /// The pass's video rotation (nil: no video, or already taken).
    var clockwiseRotation: Int? { lock.withLock { pass?.clockwiseRotation } }
}

/// One item of the decoding stage: a decoded picture not yet converted, or audio (resampled already: it is cheap).
enum DecodedEvent: Sendable {
    case picture(DecodedVideoFrame)
    case audio(AudioChunk)
}

/// A decoded picture on its way from the decoding stage to the converting stage, with its time and display index.
///
/// `@unchecked Sendable`: the decoding stage moves each decoded frame into a fresh `FrameBuffer` and never touches it
/// again once it is handed over; the converting stage is from then on its only user, and frees it.
struct DecodedVideoFrame: @unchecked Sendable {
    let buffer: FrameBuffer
    let time: Double
    let index: Int
}

/// The synchronous engine of `MediaReader`: one demuxer feeding a video and an audio decoder.
final class MediaPass {
    private let demuxer: Demuxer
    private let video: StreamDecoder?
    private let audio: StreamDecoder?
    /// Clockwise display turn of the video stream's pictures; nil without video.
    let clockwiseRotation: Int?
    /// Converts for `next(videoSize:sampleRate:)`, made on first use.
    private var converter: PictureConverter?
    private var resampler: AudioResampler?
    private let packet: Packet
    private let frame: FrameBuffer
    private var pending: [DecodedEvent?] = []
    private var pendingStart = 0
    private var inputEnded = false
    private var videoIndex = 0
    private var audioTime: Double?
    private var audioEmitted = 0
    /// How `next(videoSize:sampleRate:)` resizes pictures.
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
            clockwiseRotation = PictureConverter.clockwiseTurn(fromDisplayRotation: found != 0 ? rotation : nil)
        } else {
            clockwiseRotation = nil
        }
        packet = try Packet(path: demuxer.path)
        frame = try FrameBuffer(path: demuxer.path)
    }

    /// Damage met so far.
    var damage: MediaDamage {
        MediaDamage(videoPackets: video?.damaged ?? 0, audioPackets: audio?.damaged ?? 0, containerReads: demuxer.readErrors)
    }

    /// The next event with its picture converted to RGB24 at `videoSize`: decoding and converting in one step, on one thread.
    func next(videoSize: FrameSize?, sampleRate: Int) throws -> MediaEvent? {
        guard let event = try nextDecoded(sampleRate: sampleRate) else { return nil }
        switch event {
        case .audio(let chunk):
            return .audio(chunk)
        case .picture(let picture):
            let converter = self.converter ?? PictureConverter(clockwiseRotation: clockwiseRotation ?? 0, path: demuxer.path)
            self.converter = converter
            return .video(try converter.convert(picture.buffer.pointer, size: videoSize, time: picture.time, index: picture.index, scaling: scaling))
        }
    }

    /// The next event in file order, its picture (if a picture) as decoded; nil at the end.
    func nextDecoded(sampleRate: Int) throws -> DecodedEvent? {
        while pendingStart >= pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            if inputEnded { return nil }
            if demuxer.read(into: packet) {
                if let video, packet.streamIndex == video.streamIndex {
                    try send(packet, to: video, sampleRate: sampleRate)
                } else if let audio, packet.streamIndex == audio.streamIndex {
                    try send(packet, to: audio, sampleRate: sampleRate)
                }
            } else {
                inputEnded = true
                if let video { try send(nil, to: video, sampleRate: sampleRate) }
                if let audio {
                    try send(nil, to: audio, sampleRate: sampleRate)
                    if let tail = try resampler?.flush(), !tail.isEmpty { emitAudio(tail, rate: sampleRate) }
                }
            }
        }
        defer {
            pending[pendingStart] = nil  // the pending list must not keep a handed-over picture alive
            pendingStart += 1
        }
        return pending[pendingStart]
    }

    private func send(_ packet: Packet?, to decoder: StreamDecoder, sampleRate: Int) throws {
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
            if decoder === video {
                // The decoded picture's buffers move (by reference count) into a frame of its own for the next stage.
                let picture = try FrameBuffer(path: demuxer.path)
                av_frame_move_ref(picture.pointer, frame.pointer)
                pending.append(.picture(DecodedVideoFrame(buffer: picture, time: time ?? 0, index: videoIndex)))
                videoIndex += 1
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
