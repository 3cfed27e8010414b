import Foundation

/// State that only one blocking job at a time may touch — a decoder, a device, a recogniser — with its jobs
/// run in order on ``BlockingWork``'s pool.
///
/// `@unchecked Sendable`: `state` is touched only inside jobs, and jobs run one after another (`draining` is set
/// while one runs); `pending` and `draining` are guarded by `lock`.
public final class SerialWorker<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()
    private var pending: [@Sendable () -> Void] = []
    private var draining = false

    /// Creates a worker that owns `state`.
    public init(state: State) {
        self.state = state
    }

    /// Runs `body` on the state after every job submitted before it, and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable (inout State) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue { continuation.resume(with: Result { try body(&self.state) }) }
        }
    }

    /// Runs `body` on the state after every job submitted before it, and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable (inout State) -> T) async -> T {
        await withCheckedContinuation { continuation in
            enqueue { continuation.resume(returning: body(&self.state)) }
        }
    }

    /// Queues `body` without waiting for it (closing a device from `deinit`).
    public func submit(_ body: @escaping @Sendable (inout State) -> Void) {
        enqueue { body(&self.state) }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        let start: Bool = lock.withLock {
            pending.append(job)
            if draining { return false }
            draining = true
            return true
        }
        if start { ThreadPool.shared.submit { self.drain() } }
    }

    private func drain() {
        while true {
            let next: (@Sendable () -> Void)? = lock.withLock {
                if pending.isEmpty { draining = false; return nil }
                return pending.removeFirst()
            }
            guard let next else { return }
            next()
        }
    }
}
