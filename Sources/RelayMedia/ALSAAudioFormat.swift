import RelayCore

/// The PCM layout of an audio device: signed 16-bit little-endian samples, channels interleaved.
///
/// S16_LE is what every capture device and the `file` plugin can do, and what speech
/// recognisers (pocketsphinx) read, so it is the only sample format Relay asks ALSA for.
/// It lives in an `ALSA…` file because only the ALSA code (capture, playback) uses it.
public struct AudioFormat: Sendable, Hashable, CustomStringConvertible {
    /// Frames per second, e.g. 16 000.
    public var sampleRate: Int
    /// Interleaved channels per frame (1 = mono, 2 = stereo).
    public var channels: Int

    /// Creates a format.
    public init(sampleRate: Int, channels: Int) {
        self.sampleRate = sampleRate
        self.channels = channels
    }

    /// 16 kHz mono, what speech recognition wants.
    public static let speech = AudioFormat(sampleRate: 16_000, channels: 1)

    /// Bytes in one frame (one sample of every channel).
    public var bytesPerFrame: Int { channels * MemoryLayout<Int16>.size }

    /// `16000 Hz, 1 channel, S16_LE`.
    public var description: String {
        "\(sampleRate) Hz, \(channels) channel\(channels == 1 ? "" : "s"), S16_LE"
    }

    /// Throws `invalidArgument` unless the rate and channel count are ones ALSA could be asked for.
    func validate(device: String?, operation: String) throws {
        // Bounds are generous (ALSA's plug layer resamples) but keep UInt32 conversions safe.
        guard (1...768_000).contains(sampleRate) else {
            throw MediaError(
                .invalidArgument, path: device, operation: operation,
                underlying: "sample rate \(sampleRate) Hz is out of range", hint: "Use a rate between 1 and 768000 Hz, e.g. 16000."
            )
        }
        guard (1...64).contains(channels) else {
            throw MediaError(
                .invalidArgument, path: device, operation: operation,
                underlying: "\(channels) channels is out of range", hint: "Use 1 (mono) to 64 channels."
            )
        }
    }
}
