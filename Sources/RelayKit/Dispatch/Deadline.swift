/// Runs work with a time limit without ever waiting for work that ignores cancellation.
enum Deadline {
    /// The work's result, or nil when `limit` passed first (the work is cancelled and abandoned).
    ///
    /// The work runs in a detached task and the caller waits on a stream that whichever finishes
    /// first — the work or the timer — writes into, so a handler stuck in a loop that never checks
    /// cancellation cannot block the caller (a task group would wait for it).
    static func run<T: Sendable>(limit: Duration, _ work: @escaping @Sendable () async throws -> T) async -> Result<T, any Error>? {
        let (stream, continuation) = AsyncStream.makeStream(of: Result<T, any Error>?.self, bufferingPolicy: .bufferingNewest(2))
        let worker = Task.detached {
            do { continuation.yield(.success(try await work())) } catch { continuation.yield(.failure(error)) }
        }
        let timer = Task.detached {
            try? await Task.sleep(for: limit)
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
