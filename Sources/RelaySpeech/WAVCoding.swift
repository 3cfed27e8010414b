import Foundation

/// Reads and writes 16-bit PCM WAV in memory: what espeak-ng writes and transcription servers accept.
///
/// Internal to the speech layer on purpose; RelayMedia's decoders read every other format.
enum WAVCoding {
    /// Decoded PCM: interleaved channels mixed down to mono.
    struct PCM: Sendable, Hashable {
        var samples: [Int16]
        var sampleRate: Int
    }

    /// Parses a RIFF/WAVE file of 16-bit PCM. `source` names it in errors.
    ///
    /// Streamed WAV (espeak-ng `--stdout`) has a data size of 0xFFFFFFFF: the data then runs to the end.
    static func decode(_ data: Data, source: String) throws -> PCM {
        let bytes = [UInt8](data)
        func fail(_ problem: String) -> SpeechError {
            SpeechError(.badAudio, path: source, operation: "reading WAV audio", underlying: problem,
                        hint: "Expected 16-bit PCM WAV")
        }
        func uint32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        func uint16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        guard bytes.count >= 12, bytes[0 ..< 4].elementsEqual("RIFF".utf8), bytes[8 ..< 12].elementsEqual("WAVE".utf8) else {
            throw fail("not a RIFF/WAVE file (\(bytes.count) bytes)")
        }
        var offset = 12
        var channels = 0
        var rate = 0
        var bits = 0
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset ..< offset + 4], as: UTF8.self)
            let size = Int(uint32(offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard body + 16 <= bytes.count else { throw fail("truncated fmt chunk") }
                let format = uint16(body)
                channels = Int(uint16(body + 2))
                rate = Int(uint32(body + 4))
                bits = Int(uint16(body + 14))
                guard format == 1 || format == 0xFFFE, bits == 16, channels > 0, rate > 0 else {
                    throw fail("format \(format), \(bits) bits, \(channels) channels, \(rate) Hz")
                }
            } else if id == "data" {
                guard channels > 0 else { throw fail("data before the fmt chunk") }
                let end = size == 0xFFFF_FFFF || body + size > bytes.count ? bytes.count : body + size
                let frameBytes = 2 * channels
                let frames = (end - body) / frameBytes
                var samples = [Int16](repeating: 0, count: frames)
                for frame in 0 ..< frames {
                    var sum = 0
                    for channel in 0 ..< channels {
                        sum += Int(Int16(bitPattern: uint16(body + frame * frameBytes + channel * 2)))
                    }
                    samples[frame] = Int16(sum / channels)
                }
                return PCM(samples: samples, sampleRate: rate)
            }
            guard size != 0xFFFF_FFFF else { break }
            offset = body + size + (size & 1)
        }
        throw fail("no data chunk")
    }

    /// A mono 16-bit PCM WAV file.
    static func encode(_ samples: [Int16], sampleRate: Int) -> Data {
        var data = Data()
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let dataSize = UInt32(samples.count * 2)
        data.append(contentsOf: Array("RIFF".utf8))
        append32(36 + dataSize)
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        append32(16)
        append16(1)
        append16(1)
        append32(UInt32(sampleRate))
        append32(UInt32(sampleRate * 2))
        append16(2)
        append16(16)
        data.append(contentsOf: Array("data".utf8))
        append32(dataSize)
        for sample in samples { append16(UInt16(bitPattern: sample)) }
        return data
    }
}
