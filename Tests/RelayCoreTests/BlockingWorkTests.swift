import Foundation
import RelayCore
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
            let answer = await BlockingWork.run { 42 }
            let elapsed = ContinuousClock.now - start
            release.open()
            #expect(answer == 42)
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
        try await asUserCommand {
            let release = Gate()
            // A task that blocks its thread on the executor leaves the cooperative pool free for a timer.
            let stuck = Task(executorPreference: BlockingWork.executor) { release.wait() }
            let start = ContinuousClock.now
            try? await Task.sleep(for: .milliseconds(50))
            #expect(ContinuousClock.now - start < .milliseconds(500))
            release.open()
            await stuck.value
        }
    }
}

/// A gate blocked threads wait at until it opens (at most 10 s, so a failing test cannot hang the suite).
final class Gate: @unchecked Sendable {
    // @unchecked: `isOpen` is only touched while `condition` is locked.
    private let condition = NSCondition()
    private var isOpen = false

    func wait() {
        condition.lock()
        let limit = Date(timeIntervalSinceNow: 10)
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
