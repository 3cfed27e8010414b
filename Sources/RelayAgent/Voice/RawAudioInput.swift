public import Foundation
import RelayCore
public import RelayMedia

/// Raw 16 kHz mono S16LE audio from a file handle (`relay listen --input -`), as chunks.
public enum RawAudioInput {
    /// Chunks of about 100 ms read from standard input until it closes.
    public static func standardInput(sampleRate: Int = 16_000) -> AsyncThrowingStream<AudioChunk, any Error> {
        chunks(from: FileHandle.standardInput, sampleRate: sampleRate)
    }

    /// Chunks of about 100 ms read from `handle` until end of file. Reading blocks, so it runs on ``BlockingWork``.
    public static func chunks(from handle: FileHandle, sampleRate: Int = 16_000) -> AsyncThrowingStream<AudioChunk, any Error> {
        let (stream, continuation) = AsyncThrowingStream<AudioChunk, any Error>.makeStream()
        let stop = StopFlag()
        continuation.onTermination = { _ in stop.set() }
        BlockingWork.start {
            let bytesPerChunk = sampleRate / 10 * 2
            var pending = Data()
            var frames = 0
            func emit(_ data: Data) {
                let count = data.count / 2
                guard count > 0 else { return }
                var samples = [Float](repeating: 0, count: count)
                data.withUnsafeBytes { raw in
                    for i in 0..<count {
                        let v = Int16(littleEndian: raw.loadUnaligned(fromByteOffset: i * 2, as: Int16.self))
                        samples[i] = SampleConversion.float(v)
                    }
                }
                continuation.yield(AudioChunk(sampleRate: sampleRate, startTime: Double(frames) / Double(sampleRate), samples: samples))
                frames += count
            }
            while !stop.isSet {
                let data = handle.readData(ofLength: bytesPerChunk)
                if data.isEmpty { break }
                pending.append(data)
                let whole = pending.count / 2 * 2
                if whole >= bytesPerChunk {
                    emit(pending.prefix(whole))
                    pending = Data(pending.dropFirst(whole))
                }
            }
            emit(pending)
            continuation.finish()
        }
        return stream
    }
}

/// A flag one thread sets and another polls.
///
/// `@unchecked Sendable`: the value is only read and written under `lock`.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
