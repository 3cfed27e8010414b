import Dispatch

/// Runs action handlers on their own threads instead of Swift's cooperative pool.
///
/// A handler may block (a long decode, a C call, a bug): on the cooperative pool — as many threads as
/// cores — two such handlers would starve every other task, including the timer that is supposed to
/// time them out. Handlers therefore run on a concurrent dispatch queue with this executor as their
/// preference; their child tasks inherit it.
@available(macOS 15, iOS 18, *)
final class HandlerExecutor: TaskExecutor {
    /// The one executor all dispatchers share.
    static let shared = HandlerExecutor()

    private let queue = DispatchQueue(label: "relay.kit.handlers", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
