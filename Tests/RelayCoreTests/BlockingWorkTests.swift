import Foundation
@testable import RelayCore
import RelayTestSupport
import Testing

/// The one pool for blocking work: it never makes a job wait for another job that blocks.
@Suite struct BlockingWorkTests {
    @Test func jobsThatBlockDoNotDelayOtherJobs() async throws {
        try await asUserCommand {
            // Four times as many blocked jobs as cores: a fixed-width pool (or the cooperative pool) would stall here.
            let release = Gate()
            let blockers = 4 * ProcessInfo.processInfo.activeProcessorCount
            for _ in 0..<blockers { BlockingWork.start { release.wait() } }
            let start = ContinuousClock.now
            // When the job ran, taken on its pool thread: this task's own resumption on a busy cooperative pool is
            // not what the claim is about.
            let ran = await BlockingWork.run { ContinuousClock.now }
            let elapsed = ran - start
            release.open()
            #expect(elapsed < .milliseconds(500), "a free job waited \(elapsed) behind \(blockers) blocked ones")
        }
    }

    @Test func errorsCrossBackToTheCaller() async {
        struct Oops: Error {}
        await #expect(throws: Oops.self) { try await BlockingWork.run { () throws -> Int in throw Oops() } }
    }

    @Test func aSerialWorkerRunsItsJobsInOrderOneAtATime() async throws {
        let worker = SerialWorker(state: [Int]())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<50 {
                // Submitted in order from one task, run in order on whatever pool thread is free.
                worker.submit { log in log.append(i) }
                if i % 10 == 0 { group.addTask { _ = await worker.run { $0.count } } }
            }
            try await group.waitForAll()
        }
        let log = await worker.run { $0 }
        #expect(log == Array(0..<50))
    }

    @Test @available(macOS 15, *) func theExecutorRunsTasksOffTheCooperativePool() async throws {
        // More tasks block their threads at once than the cooperative pool has threads: that can only happen if the
        // executor gives each its own thread. The claim is about concurrency, not time, so a loaded machine cannot
        // stretch it; the deadline only turns a regression (at most a pool's width blocked, then the gate's limit) into
        // a failure instead of a hang, and is generous because threads start slowly on a machine at load 20.
        let release = Gate(limit: 30)
        let blocked = Counter()
        let tasks = 4 * ProcessInfo.processInfo.activeProcessorCount
        let stuck = (0..<tasks).map { _ in
            Task(executorPreference: BlockingWork.executor) {
                blocked.add(1)
                release.wait()
                blocked.add(-1)
            }
        }
        // The tasks keep the count's high-water mark themselves: this loop may be starved of a cooperative thread by
        // the parallel suite past its deadline, and must still read what happened meanwhile.
        let deadline = ContinuousClock.now + .seconds(20)
        while blocked.highest < tasks && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let most = blocked.highest
        release.open()
        for task in stuck { await task.value }
        #expect(most == tasks, "only \(most) of \(tasks) tasks were blocked at the same time")
    }
}

/// What the fuzz harness relies on: between inputs, the pool is idle only once every job — and every job those jobs
/// queued — has finished.
@Suite struct ThreadPoolQuiescenceTests {
    @Test func waitUntilIdleReturnsOnlyAfterJobsAndTheJobsTheyQueued() async throws {
        // A pool of its own: the shared one also serves the rest of the parallel suite's servers and devices.
        let pool = ThreadPool(name: "test.quiescence", idleTimeout: 1)
        let finished = Counter()
        for _ in 0..<8 {
            pool.submit {
                usleep(20_000)
                pool.submit {
                    usleep(20_000)
                    finished.add(1)
                }
            }
        }
        let seen = await withCheckedContinuation { continuation in
            Thread {
                pool.waitUntilIdle()
                continuation.resume(returning: finished.value)
            }.start()
        }
        #expect(seen == 8)
        // A job queued after a wait still runs (the waiter must not have swallowed the wake-up meant for a worker).
        let ran = await withCheckedContinuation { continuation in pool.submit { continuation.resume(returning: true) } }
        #expect(ran)
    }
}

/// A thread-safe running total.
final class Counter: @unchecked Sendable {
    // @unchecked: `total` and `mostAtOnce` are only touched while `lock` is held.
    private let lock = NSLock()
    private var total = 0
    private var mostAtOnce = 0

    func add(_ amount: Int) { lock.withLock { total += amount; mostAtOnce = max(mostAtOnce, total) } }
    var value: Int { lock.withLock { total } }
    /// The highest the count has been.
    var highest: Int { lock.withLock { mostAtOnce } }
}

/// A gate blocked threads wait at until it opens (at most `limit` seconds, so a failing test cannot hang the suite).
final class Gate: @unchecked Sendable {
    // @unchecked: `isOpen` is only touched while `condition` is locked.
    private let condition = NSCondition()
    private var isOpen = false
    private let limit: TimeInterval

    init(limit: TimeInterval = 10) { self.limit = limit }

    func wait() {
        condition.lock()
        let limit = Date(timeIntervalSinceNow: self.limit)
        while !isOpen && condition.wait(until: limit) {}
        condition.unlock()
    }

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}
