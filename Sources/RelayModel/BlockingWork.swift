import Dispatch

/// Runs blocking work (probing or decoding a file through FFmpeg) on a GCD queue instead of Swift's
/// cooperative pool, so a slow disk never starves other tasks.
enum BlockingWork {
    private static let queue = DispatchQueue(label: "relay.model.blocking", qos: .userInitiated, attributes: .concurrent)

    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
