import Foundation

/// Runs `body` at the priority of a command a person is waiting for (`.userInitiated`) and returns its result.
///
/// Use it for tests that claim how fast something answers. In the full parallel suite some 340 tests start at
/// once, and the CPU-bound ones (template parsing, perception on synthetic frames, golden sentences) keep both
/// cooperative threads busy for tens of seconds in a debug build: a resumed task at the same priority waits behind
/// all of them, first in, first out, however promptly the code under test answered. A person's command outranks
/// such background work, so the claim is measured at that rank — time it inside `body`.
public func asUserCommand<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await Task(priority: .userInitiated, operation: body).value
}

/// CPU time the calling thread has used so far (`CLOCK_THREAD_CPUTIME_ID`).
///
/// For claims about what a synchronous computation costs: unlike wall time it does not grow when the machine or the
/// rest of the suite keeps the core busy. Take both readings on the same thread, with no `await` between them.
public func threadCPUTime() -> Duration {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
}
