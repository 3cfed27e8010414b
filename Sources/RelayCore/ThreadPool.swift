import Foundation

/// The threads that run blocking work: an elastic pool that starts a thread whenever no idle one can take a job.
///
/// Swift's cooperative pool has as many threads as cores (two here), and libdispatch's global queues are just as
/// narrow for non-overcommitting work on Linux, so a blocking call on either can starve unrelated tasks — and the
/// timers that should cancel them. Jobs here never wait for a free thread: a blocked job costs one idle thread,
/// not the whole program. Threads that stay idle for `idleTimeout` exit.
///
/// `@unchecked Sendable`: `jobs`, `first`, `idle`, `running`, `idleWaiters` and `threads` are read and written only while `condition`
/// is locked.
final class ThreadPool: @unchecked Sendable {
    /// The one pool every layer shares.
    static let shared = ThreadPool(name: "relay.blocking", idleTimeout: 20)

    private let name: String
    private let idleTimeout: TimeInterval
    private let condition = NSCondition()
    /// Queued jobs from `first` on; a taken job's slot is cleared at once so the pool never keeps a finished
    /// job's captures alive while later jobs wait.
    private var jobs: [(@Sendable () -> Void)?] = []
    private var first = 0
    private var idle = 0
    private var running = 0
    private var idleWaiters = 0
    private var threads = 0

    init(name: String, idleTimeout: TimeInterval) {
        self.name = name
        self.idleTimeout = idleTimeout
    }

    /// Runs `job` on a pool thread, starting a new thread when every existing one is busy.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        let waiting = jobs.count - first
        if idle >= waiting {
            // A thread in `waitUntilIdle` waits on the same condition and could take a signal meant for a worker.
            if idleWaiters > 0 { condition.broadcast() } else { condition.signal() }
            condition.unlock()
        } else {
            threads += 1
            let number = threads
            condition.unlock()
            let thread = Thread { [self] in work() }
            thread.name = "\(name).\(number)"
            thread.start()
        }
    }

    private func work() {
        condition.lock()
        while true {
            if first < jobs.count {
                let job = jobs[first]
                jobs[first] = nil
                first += 1
                if first == jobs.count { jobs.removeAll(keepingCapacity: true); first = 0 }
                running += 1
                condition.unlock()
                job?()
                condition.lock()
                running -= 1
                // Only a `waitUntilIdle` caller needs this; a broadcast would otherwise wake every idle worker for nothing.
                if running == 0 && first == jobs.count && idleWaiters > 0 { condition.broadcast() }
                continue
            }
            idle += 1
            let woken = condition.wait(until: Date(timeIntervalSinceNow: idleTimeout))
            idle -= 1
            if !woken && first == jobs.count {
                threads -= 1
                condition.unlock()
                return
            }
        }
    }

    /// Blocks the calling thread until no job is queued or running — including jobs that running jobs submitted.
    ///
    /// Only for a thread outside every pool that owns the process's rhythm: the fuzz harness calls it after each input so
    /// that LeakSanitizer's check between inputs sees the input's work finished rather than in flight on a pool thread.
    func waitUntilIdle() {
        condition.lock()
        idleWaiters += 1
        while running > 0 || first < jobs.count { condition.wait() }
        idleWaiters -= 1
        condition.unlock()
    }
}
