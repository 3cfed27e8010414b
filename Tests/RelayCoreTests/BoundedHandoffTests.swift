import Foundation
import RelayCore
import Testing

/// The hand-off between a producer on the pool and an async consumer: order kept, nothing lost or doubled, memory
/// bounded, and a consumer that goes away stops the producer.
@Suite struct BoundedHandoffTests {
    struct Oops: Error {}

    @Test func elementsArriveInOrderOnceEachWithAtMostCapacityWaiting() async throws {
        let handoff = BoundedHandoff<Int>(capacity: 4)
        let stream = BlockingWork.stream(through: handoff) { handoff in
            for i in 0..<2_000 { guard handoff.push(i) else { return } }
        }
        var seen: [Int] = []
        for try await i in stream {
            seen.append(i)
            // A consumer that now and then falls behind: the producer runs ahead until the buffer is full, then waits.
            if i % 200 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(seen == Array(0..<2_000))
        #expect(handoff.mostBuffered <= 4, "\(handoff.mostBuffered) elements waited; the bound is 4")
        #expect(handoff.mostBuffered == 4, "the producer never ran ahead of a consumer that slept 20 ms")
    }

    @Test func anErrorComesAfterTheElementsMadeBeforeIt() async throws {
        let handoff = BoundedHandoff<Int>(capacity: 2)
        let stream = BlockingWork.stream(through: handoff) { handoff in
            for i in 0..<10 { _ = handoff.push(i) }
            throw Oops()
        }
        var seen: [Int] = []
        await #expect(throws: Oops.self) {
            for try await i in stream { seen.append(i) }
        }
        #expect(seen == Array(0..<10))
    }

    @Test func theProducerStartsOnlyWhenTheFirstElementIsAskedFor() async throws {
        let started = Flag()
        let handoff = BoundedHandoff<Int>(capacity: 2)
        let stream = BlockingWork.stream(through: handoff) { handoff in
            started.set()
            _ = handoff.push(1)
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(!started.value)
        var iterator = stream.makeAsyncIterator()
        #expect(try await iterator.next() == 1)
        #expect(started.value)
    }

    @Test func cancellingTheConsumerEndsTheStreamAndStopsTheProducer() async throws {
        let handoff = BoundedHandoff<Int>(capacity: 3)
        let pushed = Flag(), stopped = Flag()
        let consumer = Task {
            var count = 0
            let stream = BlockingWork.stream(through: handoff) { handoff in
                defer { stopped.set() }
                var i = 0
                while handoff.push(i) { i += 1; pushed.set() }
            }
            for try await _ in stream {
                count += 1
                if count == 100 { withUnsafeCurrentTask { $0?.cancel() } }
            }
            return count
        }
        // The stream ends (nil) on cancellation: the loop saw the 100 elements and nothing after.
        #expect(try await consumer.value == 100)
        #expect(pushed.value)
        try await Self.eventually { stopped.value }
        #expect(stopped.value, "the producer still runs after its consumer was cancelled")
        #expect(handoff.isClosed)
    }

    @Test func aConsumerWaitingForAnElementIsWokenByCancellation() async throws {
        let handoff = BoundedHandoff<Int>(capacity: 2)
        let returned = Flag()
        let consumer = Task {
            defer { returned.set() }
            return try await handoff.next()
        }
        try await Task.sleep(for: .milliseconds(50))
        #expect(!returned.value, "next() returned with nothing produced")
        consumer.cancel()
        // Polled rather than awaited, so a consumer that is never woken fails the test instead of hanging the suite.
        try await Self.eventually { returned.value }
        #expect(returned.value, "a consumer waiting for an element was not woken by cancellation")
        if returned.value { #expect(try await consumer.value == nil) }
        #expect(!handoff.push(1), "a push after the consumer left must tell the producer to stop")
    }

    @Test func droppingTheStreamStopsAProducerWaitingForRoom() async throws {
        let handoff = BoundedHandoff<Int>(capacity: 2)
        let stopped = Flag()
        do {
            let stream = BlockingWork.stream(through: handoff) { handoff in
                defer { stopped.set() }
                var i = 0
                while handoff.push(i) { i += 1 }
            }
            for try await i in stream where i == 5 { break }
        }
        // The stream is gone; its producer was blocked in `push` on a full buffer and must have been let go.
        try await Self.eventually { stopped.value }
        #expect(stopped.value, "the producer of a dropped stream still runs")
    }

    @Test func elementsMadeBeforeTheEndAreAllDelivered() async throws {
        // A producer much faster than its consumer ends while the buffer is full: the end must wait behind the elements.
        let handoff = BoundedHandoff<[UInt8]>(capacity: 3)
        let stream = BlockingWork.stream(through: handoff) { handoff in
            for i in 0..<50 { _ = handoff.push([UInt8](repeating: UInt8(i), count: 1_000)) }
        }
        var seen: [UInt8] = []
        for try await chunk in stream {
            #expect(chunk.count == 1_000 && Set(chunk).count == 1)
            seen.append(chunk[0])
            try await Task.sleep(for: .milliseconds(1))
        }
        #expect(seen == (0..<50).map { UInt8($0) })
        #expect(handoff.mostBuffered <= 3)
    }

    /// A three-stage pipeline as MediaReader runs it: a first stage on the pool, a middle stage (the stream's producer)
    /// that `take`s from it, the async consumer.
    static func chain(count: Int, failAt: Int? = nil, stopped: Flag? = nil) -> (BoundedHandoff<Int>, BoundedHandoff<Int>, AsyncThrowingStream<Int, any Error>) {
        let first = BoundedHandoff<Int>(capacity: 2), second = BoundedHandoff<Int>(capacity: 3)
        let stream = BlockingWork.stream(through: second) { second in
            BlockingWork.start {
                defer { stopped?.set() }
                for i in 0..<count {
                    if i == failAt { return first.finish(throwing: Oops()) }
                    guard first.push(i) else { return }
                }
                first.finish()
            }
            defer { first.close() }
            while let i = try first.take() { guard second.push(i * 2) else { return } }
        }
        return (first, second, stream)
    }

    @Test func aMiddleStageOnThePoolPassesEverythingOnInOrder() async throws {
        let (first, second, stream) = Self.chain(count: 1_000)
        var seen: [Int] = []
        for try await x in stream {
            seen.append(x)
            if x % 200 == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(seen == (0..<1_000).map { $0 * 2 })
        #expect(first.mostBuffered == 2 && second.mostBuffered == 3, "\(first.mostBuffered), \(second.mostBuffered)")
    }

    @Test func theFirstStagesErrorReachesTheConsumerAfterItsElements() async throws {
        let (_, _, stream) = Self.chain(count: 100, failAt: 30)
        var seen: [Int] = []
        await #expect(throws: Oops.self) {
            for try await x in stream { seen.append(x) }
        }
        #expect(seen == (0..<30).map { $0 * 2 })
    }

    @Test func droppingTheStreamStopsEveryStage() async throws {
        let stopped = Flag()
        let (first, second, stream) = Self.chain(count: .max, stopped: stopped)
        for try await x in stream where x == 10 { break }
        _ = consume stream
        try await Self.eventually { stopped.value }
        #expect(stopped.value, "the first stage still runs after the consumer left")
        #expect(first.isClosed && second.isClosed)
    }

    /// Polls `condition` every 5 ms for up to 30 s (generous: the parallel suite can keep a machine busy).
    static func eventually(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
    }
}

/// A flag set once from any thread.
final class Flag: @unchecked Sendable {
    // @unchecked: `isSet` is only touched while `lock` is held.
    private let lock = NSLock()
    private var isSet = false

    func set() { lock.withLock { isSet = true } }
    var value: Bool { lock.withLock { isSet } }
}
