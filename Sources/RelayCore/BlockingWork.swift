/// The one way Relay runs blocking work — C calls that decode, record or recognise, child-process pipes,
/// terminal reads, a plugin handler that may hang — off Swift's cooperative pool.
///
/// Everything runs on one elastic pool of dedicated threads (see `ThreadPool`), so a job that blocks for a long
/// time never delays another job, a timer or a task on the cooperative pool.
public enum BlockingWork {
    /// Runs `body` on a pool thread and returns its result; the caller's thread is free meanwhile.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            ThreadPool.shared.submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body` on a pool thread and returns its result; the caller's thread is free meanwhile.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            ThreadPool.shared.submit { continuation.resume(returning: body()) }
        }
    }

    /// Starts `body` on a pool thread and returns at once: for loops that feed a stream (audio capture, reading
    /// standard input) until they are told to stop.
    public static func start(_ body: @escaping @Sendable () -> Void) {
        ThreadPool.shared.submit(body)
    }

    /// Blocks the calling thread until the pool has no job queued or running.
    ///
    /// For the fuzz harness only, called from libFuzzer's own thread between inputs (never from a task): an input's
    /// closing jobs (a decoder's `deinit` queues its close) must have run before LeakSanitizer looks for leaks. Never
    /// returns while a long-running `start` loop (audio capture) runs.
    @_spi(Fuzzing) public static func waitUntilIdle() {
        ThreadPool.shared.waitUntilIdle()
    }

    /// An executor for tasks that may block their thread (plugin handlers): `Task(executorPreference:)` runs them,
    /// and their child tasks, on the pool instead of the cooperative pool.
    @available(macOS 15, iOS 18, *)
    public static var executor: any TaskExecutor { PoolExecutor.shared }
}

/// Runs task jobs on ``ThreadPool/shared``.
@available(macOS 15, iOS 18, *)
final class PoolExecutor: TaskExecutor {
    static let shared = PoolExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        ThreadPool.shared.submit { job.runSynchronously(on: executor) }
    }
}
