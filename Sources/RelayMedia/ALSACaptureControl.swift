internal import Foundation

/// State shared between a capture's reading thread and the code that consumes or cancels it.
///
/// `@unchecked Sendable`: every stored property is read and written only while holding `lock`.
final class ALSACaptureControl: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var running = false
    private var overrunCount = 0
    private var framesRead = 0
    private var stopped: ContinuousClock.Instant?

    /// Asks the reading thread to stop; it notices within one wait timeout (≈ 50 ms).
    func cancel() { lock.withLock { cancelled = true } }

    /// Whether `cancel()` was called.
    var isCancelled: Bool { lock.withLock { cancelled } }

    /// Whether a reading thread holds the device open.
    var isRunning: Bool {
        get { lock.withLock { running } }
        set {
            let now = ContinuousClock.now
            lock.withLock {
                running = newValue
                stopped = newValue ? nil : now
            }
        }
    }

    /// When the reading thread last let the device go: the instant a stop promise is about, taken on that thread
    /// (a waiter on a busy cooperative pool may only notice later).
    var stoppedAt: ContinuousClock.Instant? { lock.withLock { stopped } }

    /// Overruns recovered so far.
    var overruns: Int { lock.withLock { overrunCount } }

    /// Counts one overrun.
    func countOverrun() { lock.withLock { overrunCount += 1 } }

    /// Frames delivered so far.
    var frames: Int { lock.withLock { framesRead } }

    /// Adds to the frames delivered.
    func countFrames(_ count: Int) { lock.withLock { framesRead += count } }
}
