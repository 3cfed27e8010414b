import Dispatch

/// Runs blocking work (FFmpeg decoding) on one serial dispatch queue, off Swift's cooperative pool,
/// on a non-Sendable state object that only that queue ever touches.
///
/// `@unchecked Sendable` is safe because `state` is reachable only through `run`, whose closures all
/// execute one after another on `queue`; nothing else holds the state.
final class SerialWorker<State>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let state: State

    init(label: String, state: State) {
        queue = DispatchQueue(label: "relay.media.\(label)", qos: .userInitiated)
        self.state = state
    }

    /// Runs `body` on the worker's queue and returns its result.
    func run<T: Sendable>(_ body: @escaping @Sendable (State) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            queue.async {
                do { continuation.resume(returning: try body(self.state)) } catch { continuation.resume(throwing: error) }
            }
        }
    }
}
