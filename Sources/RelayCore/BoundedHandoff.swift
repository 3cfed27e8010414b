import Foundation

/// A bounded, ordered hand-off from one producer loop on ``BlockingWork``'s pool to one consumer — a task
/// (``next()``), or the pool job of a later pipeline stage (``take()``): the producer works ahead while the consumer is
/// busy with earlier elements, but never more than `capacity` ahead.
///
/// *Why:* a pull stream over a ``SerialWorker`` (one job per element) leaves the producer idle while the consumer
/// works on each element and the consumer idle while the producer makes the next, so their work adds up per
/// element. Here the two overlap, on two threads, and memory stays bounded: at most `capacity` elements wait, plus
/// the one the producer is making and the one the consumer holds.
///
/// The producer blocks its pool thread while the buffer is full (it is a pool thread: blocking is what they are for);
/// a task consumer suspends, never blocks, while it is empty. Elements come out in the order they went in, each once.
/// The consumer going away (``close()``, cancellation of the waiting task) makes ``push(_:)`` return false so the
/// producer stops at its next element and frees what it holds on its own thread.
///
/// `@unchecked Sendable`: every stored `var` is read and written only while `condition` is locked.
public final class BoundedHandoff<Element: Sendable>: @unchecked Sendable {
    /// Most elements that wait between the producer and the consumer.
    public let capacity: Int

    private let condition = NSCondition()
    /// A ring of `capacity` slots; `count` of them, from `head` on, hold waiting elements.
    private var slots: [Element?]
    private var head = 0
    private var count = 0
    /// Most elements that ever waited at once (tests assert the bound with it).
    private var most = 0
    /// How the producer ended, once it has; consumed (set back to `.success`) when an error is delivered.
    private var end: Result<Void, any Error>?
    /// The consumer has gone (or was cancelled): nothing more is handed over.
    private var closed = false
    /// The consumer, while it waits for an element.
    private var waiter: UnsafeContinuation<Element?, any Error>?
    /// A consumer blocked in ``take()`` (a pool job) waits on `condition`.
    private var takerWaits = false

    /// Creates a hand-off that lets `capacity` (at least 1) elements wait.
    public init(capacity: Int) {
        precondition(capacity >= 1, "BoundedHandoff: capacity must be at least 1")
        self.capacity = capacity
        slots = Array(repeating: nil, count: capacity)
    }

    /// The most elements that have waited at once so far (never above `capacity`).
    public var mostBuffered: Int { condition.withLock { most } }

    /// True once the consumer has gone: the producer should stop.
    public var isClosed: Bool { condition.withLock { closed } }

    // MARK: Producer (one pool thread)

    /// Hands `element` over after the ones before it, blocking the calling pool thread while `capacity` elements
    /// wait. Returns false, dropping `element`, when the consumer has gone: stop producing.
    public func push(_ element: Element) -> Bool {
        condition.lock()
        while count >= capacity && !closed { condition.wait() }
        if closed {
            condition.unlock()
            return false
        }
        if let waiter {
            // The consumer waits, so nothing is buffered: give it the element directly.
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: element)
            return true
        }
        slots[(head + count) % capacity] = element
        count += 1
        most = max(most, count)
        if takerWaits { condition.broadcast() }
        condition.unlock()
        return true
    }

    /// Ends the elements: the consumer gets the waiting ones, then `error` (if any), then the end.
    public func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        guard end == nil, !closed else {
            condition.unlock()
            return
        }
        end = error.map { .failure($0) } ?? .success(())
        let waiter = self.waiter
        self.waiter = nil
        if waiter != nil { end = .success(()) }  // delivered right here
        if takerWaits { condition.broadcast() }
        condition.unlock()
        if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
    }

    // MARK: Consumer (one task, or one pool job)

    /// The next element, nil at the end (or once the consumer has closed or been cancelled); rethrows the producer's
    /// error after the elements made before it. Suspends, without blocking a thread, while none waits.
    public func next() async throws -> Element? {
        switch condition.withLock({ takeLocked() }) {
        case .element(let element): return element
        case .ended: return nil
        case .failed(let error): throw error
        case .wait: break
        }
        return try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Element?, any Error>) in
                condition.lock()
                let taken = takeLocked()
                if case .wait = taken { waiter = continuation }
                condition.unlock()
                switch taken {
                case .element(let element): continuation.resume(returning: element)
                case .ended: continuation.resume(returning: nil)
                case .failed(let error): continuation.resume(throwing: error)
                case .wait: break
                }
            }
        } onCancel: {
            close()
        }
    }

    /// The next element for a consumer that is itself a pool job (the middle stage of a pipeline): like ``next()``,
    /// but blocks the calling pool thread while none waits. Never call it from a task.
    public func take() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch takeLocked() {
            case .element(let element): return element
            case .ended: return nil
            case .failed(let error): throw error
            case .wait:
                takerWaits = true
                condition.wait()
                takerWaits = false
            }
        }
    }

    /// What the consumer gets now.
    private enum Taken {
        case element(Element)
        case ended
        case failed(any Error)
        case wait
    }

    /// With `condition` locked: the next waiting element, the end, the producer's error (delivered once), or `.wait`.
    private func takeLocked() -> Taken {
        if count > 0, let element = slots[head] {
            slots[head] = nil
            head = (head + 1) % capacity
            count -= 1
            if count == capacity - 1 { condition.broadcast() }  // the producer may be waiting for room
            return .element(element)
        }
        if closed { return .ended }
        switch end {
        case nil:
            return .wait
        case .success:
            return .ended
        case .failure(let error):
            end = .success(())
            return .failed(error)
        }
    }

    /// Stops the hand-off from the consumer's side: waiting elements are dropped, a waiting ``next()`` returns nil, and
    /// the producer's next ``push(_:)`` returns false (waking it if it waits for room).
    public func close() {
        condition.lock()
        closed = true
        for i in slots.indices { slots[i] = nil }
        count = 0
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        waiter?.resume(returning: nil)
    }
}

extension BlockingWork {
    /// The elements `produce` hands to `handoff`, as a stream: `produce` runs on a pool thread, started by the first
    /// request for an element, and works up to `handoff.capacity` elements ahead of the consumer (see
    /// ``BoundedHandoff``). It must stop when `push` returns false; returning ends the stream, throwing ends it with
    /// the error after the elements already handed over.
    ///
    /// Cancelling the consuming task ends the stream (nil), as does dropping it: either way the producer stops at its
    /// next element, and what it holds is freed on its pool thread.
    public static func stream<Element: Sendable>(
        through handoff: BoundedHandoff<Element>, _ produce: @escaping @Sendable (BoundedHandoff<Element>) throws -> Void
    ) -> AsyncThrowingStream<Element, any Error> {
        let consumer = HandoffConsumer(handoff: handoff, produce: produce)
        return AsyncThrowingStream(unfolding: {
            if Task.isCancelled {
                consumer.handoff.close()
                return nil
            }
            consumer.startProducer()
            return try await consumer.handoff.next()
        })
    }
}

/// The consumer's end of a ``BlockingWork/stream(through:_:)``: starts the producer once, and closes the hand-off when
/// the stream is dropped so that a producer the consumer no longer listens to stops.
///
/// `@unchecked Sendable`: `produce` is taken (set to nil) only under `lock`.
private final class HandoffConsumer<Element: Sendable>: @unchecked Sendable {
    let handoff: BoundedHandoff<Element>
    private let lock = NSLock()
    private var produce: (@Sendable (BoundedHandoff<Element>) throws -> Void)?

    init(handoff: BoundedHandoff<Element>, produce: @escaping @Sendable (BoundedHandoff<Element>) throws -> Void) {
        self.handoff = handoff
        self.produce = produce
    }

    deinit { handoff.close() }

    func startProducer() {
        let body: (@Sendable (BoundedHandoff<Element>) throws -> Void)? = lock.withLock {
            defer { produce = nil }
            return produce
        }
        guard let body else { return }
        let handoff = self.handoff
        ThreadPool.shared.submit {
            do {
                try body(handoff)
                handoff.finish()
            } catch {
                handoff.finish(throwing: error)
            }
        }
    }
}
