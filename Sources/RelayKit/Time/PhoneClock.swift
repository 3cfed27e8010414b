public import Foundation

/// Where a running phone reads the time and waits for it: the system clock, or a manual one in tests.
///
/// The dispatcher's `now` and the heartbeat's waits come from the same clock, so a test can set a 90-second
/// timer, move the clock 90 seconds and see it ring — in milliseconds.
public protocol PhoneClock: Sendable {
    /// The current time.
    func now() -> Date
    /// Returns once `now()` has reached `deadline` (at once if it already has); throws `CancellationError`
    /// when the waiting task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The wall clock.
public struct SystemPhoneClock: PhoneClock {
    /// Creates it.
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until deadline: Date) async throws {
        let seconds = deadline.timeIntervalSinceNow
        guard seconds > 0 else { return }
        try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }
}

/// A clock that only moves when told to (tests): ``advance(by:)`` wakes every sleeper whose deadline it passes.
public final class ManualPhoneClock: PhoneClock, @unchecked Sendable {
    // @unchecked: `current` and `sleepers` are only touched under `lock`.
    private let lock = NSLock()
    private var current: Date
    private var sleepers: [UUID: (deadline: Date, continuation: CheckedContinuation<Void, any Error>)] = [:]
    private var sleeperWaiters: [CheckedContinuation<Void, Never>] = []

    /// Creates it at `start`.
    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    /// Moves the clock forward and wakes the sleepers whose deadline has come.
    public func advance(by seconds: TimeInterval) {
        set(now().addingTimeInterval(seconds))
    }

    /// Sets the clock (forward) and wakes the sleepers whose deadline has come.
    public func set(_ date: Date) {
        let due = lock.withLock { () -> [CheckedContinuation<Void, any Error>] in
            current = max(current, date)
            let ids = sleepers.filter { $0.value.deadline <= current }.map(\.key)
            return ids.compactMap { sleepers.removeValue(forKey: $0)?.continuation }
        }
        for c in due { c.resume() }
    }

    /// How many tasks are waiting for the clock.
    public var sleeperCount: Int { lock.withLock { sleepers.count } }

    /// Returns once at least one task is waiting for the clock (so a test advances it only after the
    /// heartbeat has gone to sleep).
    public func waitForSleeper() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let ready = lock.withLock { () -> Bool in
                if !sleepers.isEmpty { return true }
                sleeperWaiters.append(c)
                return false
            }
            if ready { c.resume() }
        }
    }

    public func sleep(until deadline: Date) async throws {
        let id = UUID()
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let (resumeNow, waiters) = lock.withLock { () -> (Bool, [CheckedContinuation<Void, Never>]) in
                    if deadline <= current || Task.isCancelled { return (true, []) }
                    sleepers[id] = (deadline, c)
                    defer { sleeperWaiters.removeAll() }
                    return (false, sleeperWaiters)
                }
                if resumeNow { c.resume() }
                for w in waiters { w.resume() }
            }
        } onCancel: {
            let c = lock.withLock { sleepers.removeValue(forKey: id)?.continuation }
            c?.resume(throwing: CancellationError())
        }
        try Task.checkCancellation()
    }
}
