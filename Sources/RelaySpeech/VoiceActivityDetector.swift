/// Finds utterances in a 16 kHz mono Float32 stream by frame energy against an adaptive noise floor.
///
/// The synchronous core: feed it samples in any chunk sizes with ``process(_:)`` and call ``finish()``
/// at the end of the stream; it returns ``VoiceActivityEvent``s. `AsyncSequence.voiceActivity(_:)`
/// wraps it for streams of `AudioChunk`.
///
/// How it decides, per 10 ms frame:
/// - The noise floor is the minimum frame energy over the last ``Configuration/noiseWindow`` seconds
///   (minimum statistics), never below ``Configuration/minimumFloorDB``. Speech always has pauses, so the
///   minimum tracks the background even while someone talks, and it follows a fan switching on or off
///   within one window. The price: a stream that *starts* with speech is only detected once a quieter
///   frame has been seen, and a perfectly steady sound longer than the window stops counting as speech.
/// - A frame is voiced when its energy is ``Configuration/thresholdDB`` above the floor, or half that with
///   a high zero-crossing rate (quiet fricatives such as "s", "f" at word ends).
/// - A candidate utterance starts at the first voiced frame; it is confirmed (``VoiceActivityEvent/speechStart(time:)``)
///   once it has ``Configuration/minimumSpeech`` of voiced frames, else dropped after a hangover of silence
///   (clicks, coughs). It ends after ``Configuration/hangover`` of unvoiced frames, or is cut at
///   ``Configuration/maximumUtterance``. Each utterance carries ``Configuration/preRoll`` of audio before
///   its start and the hangover after its end, because recognizers need that context.
public struct VoiceActivityDetector: Sendable {
    /// Tuning of the detector; the defaults suit a close microphone or a clean file.
    public struct Configuration: Sendable, Hashable {
        /// Samples per second of the input.
        public var sampleRate: Int = 16_000
        /// Frame energy above the noise floor, in dB, that counts as voiced.
        public var thresholdDB: Double = 10
        /// The lowest noise floor assumed, in dBFS, so digital silence does not make dither count as speech.
        public var minimumFloorDB: Double = -65
        /// Seconds of history over which the noise floor is the minimum frame energy.
        public var noiseWindow: Double = 5
        /// Seconds of unvoiced audio that end an utterance.
        public var hangover: Double = 0.3
        /// Seconds of audio kept before the detected start.
        public var preRoll: Double = 0.2
        /// Seconds of voiced frames needed before an utterance is reported.
        public var minimumSpeech: Double = 0.12
        /// Longest utterance in seconds; longer speech is cut into several.
        public var maximumUtterance: Double = 10

        /// The defaults.
        public init() {}

        /// Creates a configuration, overriding what is given.
        public init(
            sampleRate: Int = 16_000, thresholdDB: Double = 10, hangover: Double = 0.3, preRoll: Double = 0.2,
            minimumSpeech: Double = 0.12, maximumUtterance: Double = 10, noiseWindow: Double = 5
        ) {
            self.sampleRate = sampleRate
            self.thresholdDB = thresholdDB
            self.hangover = hangover
            self.preRoll = preRoll
            self.minimumSpeech = minimumSpeech
            self.maximumUtterance = maximumUtterance
            self.noiseWindow = noiseWindow
        }
    }

    /// The configuration in use.
    public let configuration: Configuration

    private let frameLength: Int
    private let hangoverFrames: Int
    private let minimumSpeechFrames: Int
    private let maximumFrames: Int
    private let preRollSamples: Int
    private let windowFrames: Int

    /// Samples not yet making a whole frame.
    private var pending: [Float] = []
    /// Index of the next frame to be analysed.
    private var frameIndex = 0
    /// Stream time of sample 0.
    private var originTime: Double?
    /// Recent samples (at most the pre-roll) while no utterance is open.
    private var history: [Float] = []
    /// Sliding-window minimum of frame energies: (frame index, dB), increasing dB.
    private var floorQueue: [(index: Int, energy: Double)] = []
    private var floorQueueHead = 0

    private enum State: Sendable {
        case idle
        /// An utterance may have started at `startFrame`; not yet reported.
        case candidate(startFrame: Int, voicedFrames: Int, silentFrames: Int)
        /// An utterance was reported started at `startFrame`.
        case speaking(startFrame: Int, lastVoicedFrame: Int, silentFrames: Int)
    }
    private var state: State = .idle
    /// Audio of the open candidate or utterance, starting `preRoll` before it.
    private var utterance: [Float] = []
    /// Stream sample index of `utterance[0]`.
    private var utteranceOffset = 0

    /// Creates a detector.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let rate = max(1, configuration.sampleRate)
        frameLength = max(1, rate / 100)
        let framesPerSecond = Double(rate) / Double(frameLength)
        hangoverFrames = max(1, Int((configuration.hangover * framesPerSecond).rounded()))
        minimumSpeechFrames = max(1, Int((configuration.minimumSpeech * framesPerSecond).rounded()))
        maximumFrames = max(minimumSpeechFrames + 1, Int((configuration.maximumUtterance * framesPerSecond).rounded()))
        preRollSamples = max(0, Int(configuration.preRoll * Double(rate)))
        windowFrames = max(1, Int((configuration.noiseWindow * framesPerSecond).rounded()))
    }

    /// The current noise floor estimate in dBFS.
    public var noiseFloorDB: Double {
        floorQueueHead < floorQueue.count ? max(floorQueue[floorQueueHead].energy, configuration.minimumFloorDB)
            : configuration.minimumFloorDB
    }

    /// Whether an utterance has been reported started and not yet ended.
    public var isInSpeech: Bool {
        if case .speaking = state { return true }
        return false
    }

    /// Feeds samples; `startTime` (stream time of the first sample ever fed) is taken from the first call.
    public mutating func process(_ samples: [Float], startTime: Double = 0) -> [VoiceActivityEvent] {
        if originTime == nil { originTime = startTime }
        var events: [VoiceActivityEvent] = []
        pending.append(contentsOf: samples)
        var offset = 0
        while pending.count - offset >= frameLength {
            let frame = Array(pending[offset ..< offset + frameLength])
            offset += frameLength
            analyse(frame, into: &events)
        }
        pending.removeFirst(offset)
        return events
    }

    /// Ends the stream: an open utterance ends here (if it is long enough) and the detector resets.
    public mutating func finish() -> [VoiceActivityEvent] {
        var events: [VoiceActivityEvent] = []
        if !pending.isEmpty {
            appendAudio(pending)
            pending.removeAll()
        }
        switch state {
        case .speaking(let startFrame, let lastVoicedFrame, _):
            events.append(endUtterance(startFrame: startFrame, lastVoicedFrame: lastVoicedFrame, reason: .endOfStream))
        case .candidate(let startFrame, let voiced, _) where voiced >= minimumSpeechFrames / 2 && voiced > 0:
            // Speech cut by the end of a file: report what there is rather than lose a short last command.
            events.append(.speechStart(time: time(ofFrame: startFrame)))
            events.append(endUtterance(startFrame: startFrame, lastVoicedFrame: frameIndex - 1, reason: .endOfStream))
        default:
            break
        }
        self = VoiceActivityDetector(configuration: configuration)
        return events
    }

    // MARK: - Frame analysis

    private mutating func analyse(_ frame: [Float], into events: inout [VoiceActivityEvent]) {
        var energy: Float = 0
        var crossings = 0
        var previous = frame[0]
        for sample in frame {
            energy += sample * sample
            if (sample >= 0) != (previous >= 0) { crossings += 1 }
            previous = sample
        }
        let decibels = 10 * log10(Double(energy) / Double(frame.count) + 1e-12)
        let zeroCrossingRate = Double(crossings) / Double(frame.count)
        let floor = noiseFloorDB
        let voiced = decibels > floor + configuration.thresholdDB
            || (decibels > floor + configuration.thresholdDB / 2 && zeroCrossingRate > 0.3 && floor > configuration.minimumFloorDB)
        updateFloor(with: decibels)

        let index = frameIndex
        frameIndex += 1
        switch state {
        case .idle:
            if voiced {
                utterance = history
                utteranceOffset = index * frameLength - history.count
                history.removeAll()
                appendAudio(frame)
                state = .candidate(startFrame: index, voicedFrames: 1, silentFrames: 0)
                if minimumSpeechFrames <= 1 { confirm(startFrame: index, into: &events) }
            } else {
                history.append(contentsOf: frame)
                if history.count > preRollSamples { history.removeFirst(history.count - preRollSamples) }
            }
        case .candidate(let startFrame, var voicedFrames, var silentFrames):
            appendAudio(frame)
            if voiced {
                voicedFrames += 1
                silentFrames = 0
            } else {
                silentFrames += 1
            }
            if silentFrames >= hangoverFrames {
                // Too little speech before a pause: a click or a cough. Keep its tail as pre-roll.
                history = Array(utterance.suffix(preRollSamples))
                utterance.removeAll()
                state = .idle
            } else if voicedFrames >= minimumSpeechFrames {
                state = .candidate(startFrame: startFrame, voicedFrames: voicedFrames, silentFrames: silentFrames)
                confirm(startFrame: startFrame, into: &events)
            } else {
                state = .candidate(startFrame: startFrame, voicedFrames: voicedFrames, silentFrames: silentFrames)
            }
        case .speaking(let startFrame, var lastVoicedFrame, var silentFrames):
            appendAudio(frame)
            if voiced {
                lastVoicedFrame = index
                silentFrames = 0
            } else {
                silentFrames += 1
            }
            if silentFrames >= hangoverFrames {
                events.append(endUtterance(startFrame: startFrame, lastVoicedFrame: lastVoicedFrame, reason: .silence))
            } else if index + 1 - startFrame >= maximumFrames {
                events.append(endUtterance(startFrame: startFrame, lastVoicedFrame: index, reason: .maximumLength))
            } else {
                state = .speaking(startFrame: startFrame, lastVoicedFrame: lastVoicedFrame, silentFrames: silentFrames)
            }
        }
    }

    private mutating func confirm(startFrame: Int, into events: inout [VoiceActivityEvent]) {
        events.append(.speechStart(time: time(ofFrame: startFrame)))
        state = .speaking(startFrame: startFrame, lastVoicedFrame: frameIndex - 1, silentFrames: 0)
    }

    private mutating func endUtterance(startFrame: Int, lastVoicedFrame: Int, reason: Utterance.EndReason) -> VoiceActivityEvent {
        let result = Utterance(
            sampleRate: configuration.sampleRate,
            startTime: time(ofFrame: startFrame),
            endTime: time(ofFrame: lastVoicedFrame + 1),
            audioStartTime: time(ofSample: utteranceOffset),
            samples: utterance,
            endReason: reason
        )
        // After a cut at the maximum length the audio goes on; after a pause, its tail is the next pre-roll.
        history = reason == .maximumLength ? [] : Array(utterance.suffix(preRollSamples))
        utterance.removeAll()
        state = .idle
        return .speechEnd(result)
    }

    private mutating func appendAudio(_ samples: [Float]) {
        utterance.append(contentsOf: samples)
    }

    private mutating func updateFloor(with decibels: Double) {
        let index = frameIndex
        while floorQueue.count > floorQueueHead, floorQueue[floorQueue.count - 1].energy >= decibels {
            floorQueue.removeLast()
        }
        floorQueue.append((index, decibels))
        while floorQueue[floorQueueHead].index <= index - windowFrames { floorQueueHead += 1 }
        if floorQueueHead > 1024 {
            floorQueue.removeFirst(floorQueueHead)
            floorQueueHead = 0
        }
    }

    private func time(ofFrame frame: Int) -> Double { time(ofSample: frame * frameLength) }

    private func time(ofSample sample: Int) -> Double {
        (originTime ?? 0) + Double(sample) / Double(max(1, configuration.sampleRate))
    }
}

import Foundation
