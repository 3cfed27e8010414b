import Foundation

@testable import RelayMedia

/// A PCM device that replays a script of ALSA results, to exercise what a `file` device cannot:
/// overruns and underruns, suspends, interrupted calls, stalls and hard errors.
///
/// `@unchecked Sendable`: every stored property is touched only under `lock`.
final class ALSAScriptedPCM: ALSAPCMDevice, @unchecked Sendable {
    enum Step {
        /// A read that returns these samples (split over several reads if the caller asks for fewer).
        case samples([Int16])
        /// A write that accepts at most this many frames.
        case accept(Int)
        /// A read or write that fails with this negative code.
        case fail(Int32)
        /// A read or write that finds the device not ready (-EAGAIN) once.
        case notReady
        /// From here on the device never becomes ready: -EAGAIN, and waits time out (a stalled device).
        case stalled
    }

    let device = "scripted"
    let format: AudioFormat
    private let lock = NSLock()
    private var steps: [Step]
    private let recoverResult: Int32
    private var drainPolls: Int?
    private let drainResult: Int32
    private var recovered: [Int32] = []
    private var writtenSamples: [Int16] = []
    private var closed = false
    private var draining = false
    private var setUpOnly = false
    private var prepareCount = 0
    private var dropCount = 0

    /// - Parameters:
    ///   - drainPolls: how many times `isDraining` answers true after a drain; nil = forever.
    ///   - drainResult: what `drain()` returns; anything but -EAGAIN means it never starts draining.
    init(
        format: AudioFormat = AudioFormat(sampleRate: 16_000, channels: 1), steps: [Step], recoverResult: Int32 = 0,
        drainPolls: Int? = 2, drainResult: Int32 = -EAGAIN
    ) {
        self.format = format
        self.drainResult = drainResult
        self.steps = steps
        self.recoverResult = recoverResult
        self.drainPolls = drainPolls
    }

    var recoveredCodes: [Int32] { lock.withLock { recovered } }
    var written: [Int16] { lock.withLock { writtenSamples } }
    var isClosed: Bool { lock.withLock { closed } }
    var prepares: Int { lock.withLock { prepareCount } }
    var drops: Int { lock.withLock { dropCount } }
    var isOpen: Bool { lock.withLock { !closed } }

    func read(into buffer: UnsafeMutablePointer<Int16>, frames: Int) -> Int {
        lock.withLock {
            // Script over: behave like a file device past its end (full read, nothing written).
            guard !steps.isEmpty else { return frames }
            switch steps.removeFirst() {
            case .samples(let samples):
                let count = min(samples.count / format.channels, frames)
                for i in 0..<(count * format.channels) { buffer[i] = samples[i] }
                if count * format.channels < samples.count {
                    steps.insert(.samples(Array(samples[(count * format.channels)...])), at: 0)
                }
                return count
            case .accept: return frames
            case .fail(let code): return Int(code)
            case .notReady: return -Int(EAGAIN)
            case .stalled:
                steps.insert(.stalled, at: 0)
                return -Int(EAGAIN)
            }
        }
    }

    func write(from buffer: UnsafePointer<Int16>, frames: Int) -> Int {
        lock.withLock {
            var count = frames
            if !steps.isEmpty {
                switch steps.removeFirst() {
                case .accept(let limit): count = min(limit, frames)
                case .samples: break
                case .fail(let code): return Int(code)
                case .notReady: return -Int(EAGAIN)
                case .stalled:
                    steps.insert(.stalled, at: 0)
                    return -Int(EAGAIN)
                }
            }
            writtenSamples += UnsafeBufferPointer(start: buffer, count: count * format.channels)
            return count
        }
    }

    func wait(milliseconds: Int32) -> Int32 {
        let stalled = lock.withLock { if case .stalled? = steps.first { true } else { false } }
        guard stalled else { return 1 }
        usleep(useconds_t(milliseconds) * 1_000)
        return 0
    }

    func recover(from code: Int32) -> Int32 {
        lock.withLock {
            recovered.append(code)
            return recoverResult
        }
    }

    func prepare() -> Int32 {
        lock.withLock {
            prepareCount += 1
            setUpOnly = false
            return 0
        }
    }

    func drain() -> Int32 {
        lock.withLock {
            draining = drainResult == -EAGAIN
            if !draining { setUpOnly = true }
            return drainResult
        }
    }

    var isDraining: Bool {
        lock.withLock {
            guard draining else { return false }
            if let polls = drainPolls {
                if polls <= 0 {
                    draining = false
                    setUpOnly = true
                    return false
                }
                drainPolls = polls - 1
            }
            return true
        }
    }

    var needsPrepare: Bool { lock.withLock { setUpOnly } }

    func drop() {
        lock.withLock {
            dropCount += 1
            draining = false
            setUpOnly = true
        }
    }

    func close() { lock.withLock { closed = true } }
}
