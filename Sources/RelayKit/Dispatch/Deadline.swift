import RelayCore

/// Runs work with a time limit without ever waiting for work that ignores cancellation.
enum Deadline {
    /// The work's result, or nil when `limit` passed first (the work is cancelled and abandoned).
    ///
    /// The work runs in an unstructured task (on ``BlockingWork/executor``, so a handler that blocks its thread
    /// holds a pool thread, never a cooperative one) and the caller waits on a stream
    /// that whichever finishes first — the work or the timer — writes into, so a handler stuck in a loop
    /// that never checks cancellation cannot block the caller (a task group would wait for it).
    static func run<T: Sendable>(limit: Duration, _ work: @escaping @Sendable () async throws -> T) async -> Result<T, any Error>? {
        let (stream, continuation) = AsyncStream.makeStream(of: Result<T, any Error>?.self, bufferingPolicy: .unbounded)
        let body: @Sendable () async -> Void = {
            do { continuation.yield(.success(try await work())) } catch { continuation.yield(.failure(error)) }
        }
        let worker: Task<Void, Never>
        if #available(macOS 15, iOS 18, *) {
            worker = Task(executorPreference: BlockingWork.executor, operation: body)
        } else {
            worker = Task.detached(operation: body)
        }
        // Handlers block pool threads only, and nothing in Relay blocks a cooperative thread, so this timer fires on time.
        let timer = Task {
            guard (try? await Task.sleep(for: limit)) != nil else { return }
            continuation.yield(nil)
        }
        let first: Result<T, any Error>?? = await withTaskCancellationHandler {
            var it = stream.makeAsyncIterator()
            return await it.next()
        } onCancel: {
            continuation.yield(nil)
        }
        worker.cancel()
        timer.cancel()
        continuation.finish()
        return first ?? nil
    }
}
