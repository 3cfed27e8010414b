public import Foundation
import RelayCore

/// A WAV file of signed 16-bit PCM, read and written in pure Swift.
///
/// Speech audio moves around as 16-bit PCM (what ALSA captures, what pocketsphinx reads, what
/// espeak-ng and sox write), and reading it should not need FFmpeg. For any other codec or
/// sample format use `AudioDecoder`, which converts through FFmpeg.
///
/// ```swift
/// let wav = try WAVFile(contentsOf: url)          // any channel count, S16 only
/// recognizer.feed(wav.monoChunk)                  // Float32 mono, channels averaged
/// try WAVFile(format: .speech, samples: captured).write(to: out)
/// ```
///
/// Reading is lenient where recorders are sloppy and strict where a guess would give a wrong
/// answer: unknown chunks (`LIST`, `fact`, …) are skipped, `WAVE_FORMAT_EXTENSIBLE` with a PCM
/// sub-format is accepted, a data chunk that claims more bytes than the file holds yields the
/// whole frames present with `isTruncated` set; anything but 16-bit integer PCM throws.
public struct WAVFile: Sendable, Hashable {
    /// Sample rate and channel count.
    public var format: AudioFormat
    /// Interleaved samples, `format.channels` per frame.
    public var samples: [Int16]
    /// Whether the data chunk declared more bytes than the file holds: a recording cut short,
    /// or a WAV streamed to a pipe with a placeholder size. `samples` holds the frames present.
    public var isTruncated: Bool

    /// Creates a WAV file from interleaved samples.
    public init(format: AudioFormat, samples: [Int16]) {
        self.format = format
        self.samples = samples
        self.isTruncated = false
    }

    /// Creates a mono WAV file from a Float chunk (clamped to [-1, 1], see `AudioChunk.s16Samples`).
    public init(chunk: AudioChunk) {
        self.init(format: AudioFormat(sampleRate: chunk.sampleRate, channels: 1), samples: chunk.s16Samples)
    }

    /// Whole frames in `samples`.
    public var frameCount: Int { format.channels > 0 ? samples.count / format.channels : 0 }

    /// Length in seconds.
    public var duration: Double { format.sampleRate > 0 ? Double(frameCount) / Double(format.sampleRate) : 0 }

    /// The audio as one mono Float32 chunk (channels averaged, samples / 32768) starting at time 0.
    public var monoChunk: AudioChunk {
        AudioChunk(s16Interleaved: samples, channels: format.channels, sampleRate: format.sampleRate, startTime: 0)
    }
}

// MARK: - Reading

extension WAVFile {
    /// Reads a WAV file of 16-bit PCM.
    /// - Throws: `MediaError` naming the file: `.fileNotFound`, `.emptyFile`, `.openFailed` (not a WAV
    ///   file, or a damaged header), `.unsupportedCodec` (compressed, float, 8/24/32-bit).
    public init(contentsOf url: URL) throws {
        try self.init(wavData: try Self.readFile(url), path: url.path)
    }

    /// Reads headerless little-endian S16 samples (`.raw`/`.pcm`, as `arecord -t raw` or `sox -t raw` write) in `format`.
    /// A trailing partial frame is dropped and reported with `isTruncated`.
    public init(rawContentsOf url: URL, format: AudioFormat = .speech) throws {
        try format.validate(device: url.path, operation: "reading raw audio")
        let data = try Self.readFile(url)
        let frameBytes = format.bytesPerFrame
        self.init(format: format, samples: Self.int16Samples(data, count: data.count / frameBytes * format.channels))
        isTruncated = data.count % frameBytes != 0
    }

    /// Parses the bytes of a WAV file; `path` only names it in errors.
    public init(wavData data: Data, path: String? = nil) throws {
        let bytes = [UInt8](data)
        func fail(_ code: MediaError.Code, _ problem: String, hint: String) -> MediaError {
            MediaError(code, path: path, operation: "reading WAV", underlying: problem, hint: hint)
        }
        let notWAV = "Is it a WAV file? Other audio files can be read with AudioDecoder."
        guard !bytes.isEmpty else { throw fail(.emptyFile, "the file is empty", hint: "Record or export the audio again.") }
        guard bytes.count >= 12, Self.tag(bytes, 0) == "RIFF", Self.tag(bytes, 8) == "WAVE" else {
            let kind = bytes.count >= 4 && Self.tag(bytes, 0) == "RF64" ? "an RF64 (over 4 GB) WAV, which is not supported" : "no RIFF/WAVE header"
            throw fail(.openFailed, kind, hint: notWAV)
        }

        var format: AudioFormat?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = Self.tag(bytes, offset)
            let declared = Int(Self.uint32(bytes, offset + 4))
            let body = offset + 8
            let available = bytes.count - body
            if id == "fmt " {
                guard declared >= 16, available >= 16 else {
                    throw fail(.openFailed, "the fmt chunk is too short (\(min(declared, available)) bytes)", hint: "The header is damaged; export the audio again.")
                }
                var codec = Int(Self.uint16(bytes, body))
                let channels = Int(Self.uint16(bytes, body + 2))
                let sampleRate = Int(Self.uint32(bytes, body + 4))
                let bits = Int(Self.uint16(bytes, body + 14))
                // WAVE_FORMAT_EXTENSIBLE: the real codec is the first two bytes of the sub-format GUID.
                if codec == 0xFFFE, declared >= 40, available >= 26 { codec = Int(Self.uint16(bytes, body + 24)) }
                guard codec == 1, bits == 16 else {
                    let what = codec == 1 ? "\(bits)-bit PCM" : codec == 3 ? "\(bits)-bit float" : "codec 0x\(String(codec, radix: 16))"
                    throw fail(
                        .unsupportedCodec, "\(what); only 16-bit PCM is read here",
                        hint: "Use AudioDecoder, or convert: ffmpeg -i in.wav -c:a pcm_s16le out.wav"
                    )
                }
                guard channels > 0, sampleRate > 0 else {
                    throw fail(.openFailed, "the header says \(channels) channels at \(sampleRate) Hz", hint: "The header is damaged; export the audio again.")
                }
                format = AudioFormat(sampleRate: sampleRate, channels: channels)
            } else if id == "data" {
                guard let format else {
                    throw fail(.openFailed, "the data chunk comes before any fmt chunk", hint: "The header is damaged; export the audio again.")
                }
                let usable = min(declared, available)
                let frames = usable / format.bytesPerFrame
                self.init(format: format, samples: Self.int16Samples(Data(bytes[body..<(body + frames * format.bytesPerFrame)]), count: frames * format.channels))
                isTruncated = declared > available || usable % format.bytesPerFrame != 0
                return
            }
            // Chunks are padded to an even length.
            let next = body + declared + (declared & 1)
            guard next > offset else { break }
            offset = next
        }
        if format == nil {
            throw fail(.openFailed, "no fmt chunk", hint: notWAV)
        }
        throw fail(.openFailed, "no data chunk", hint: "The file holds no audio; record or export it again.")
    }

    private static func readFile(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw MediaError(
                .fileNotFound, path: url.path, operation: "reading audio", underlying: error.localizedDescription,
                hint: "Check the path and that the file is readable."
            )
        }
    }

    private static func tag(_ bytes: [UInt8], _ at: Int) -> String {
        guard at + 4 <= bytes.count else { return "" }
        return String(decoding: bytes[at..<(at + 4)], as: UTF8.self)
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    /// The first `count` little-endian Int16 values of `data`.
    private static func int16Samples(_ data: Data, count: Int) -> [Int16] {
        var samples = [Int16](repeating: 0, count: count)
        data.withUnsafeBytes { raw in
            for i in 0..<count {
                samples[i] = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: i * 2, as: Int16.self))
            }
        }
        return samples
    }
}

// MARK: - Writing

extension WAVFile {
    /// The bytes of a canonical 44-byte-header PCM WAV file.
    /// - Throws: `.invalidArgument` if the audio exceeds WAV's 4 GB limit or the format is invalid.
    public func wavData() throws -> Data {
        try format.validate(device: nil, operation: "writing WAV")
        let dataBytes = frameCount * format.bytesPerFrame
        guard dataBytes <= Int(UInt32.max) - 36 else {
            throw MediaError(
                .invalidArgument, operation: "writing WAV", underlying: "\(dataBytes) bytes of audio exceed WAV's 4 GB limit",
                hint: "Split the audio into several files."
            )
        }
        var data = Data(capacity: 44 + dataBytes)
        func append(_ text: String) { data.append(contentsOf: Array(text.utf8)) }
        func append32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ value: Int) { withUnsafeBytes(of: UInt16(value).littleEndian) { data.append(contentsOf: $0) } }
        append("RIFF"); append32(36 + dataBytes); append("WAVE")
        append("fmt "); append32(16)
        append16(1)  // PCM
        append16(format.channels)
        append32(format.sampleRate)
        append32(format.sampleRate * format.bytesPerFrame)  // byte rate
        append16(format.bytesPerFrame)  // block align
        append16(16)  // bits per sample
        append("data"); append32(dataBytes)
        let frames = samples.prefix(frameCount * format.channels)
        #if _endian(little)
        frames.withUnsafeBytes { data.append(contentsOf: $0) }
        #else
        for sample in frames { withUnsafeBytes(of: sample.littleEndian) { data.append(contentsOf: $0) } }
        #endif
        return data
    }

    /// Writes the file atomically (a reader never sees half a file).
    /// - Throws: `MediaError` naming the file when it cannot be written.
    public func write(to url: URL) throws {
        let data: Data
        do {
            data = try wavData()
        } catch var error as MediaError {
            error.path = url.path
            throw error
        }
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw MediaError(
                .encodeFailed, path: url.path, operation: "writing WAV", underlying: error.localizedDescription,
                hint: "Check that the folder exists and is writable."
            )
        }
    }
}
