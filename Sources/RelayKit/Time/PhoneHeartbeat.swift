public import Foundation

/// Keeps a phone alive: fires what falls due (timers, alarms, purges) while Relay runs.
///
/// `relay run`, `relay listen` (and `relay mcp`) start one. The first pass reports what came due while Relay
/// was not running; after that it sleeps until the next deadline any subsystem declares
/// (``Subsystem/nextDeadline(after:calendar:in:)``), but never longer than ``pollInterval``, so a timer set
/// by another process (`relay call` next to `relay run`) is noticed too. Polling only reads; state is written
/// only when something is due. Everything runs on a
/// ``PhoneClock``, so tests drive it with a ``ManualPhoneClock``.
///
/// ```swift
/// let clock = SystemPhoneClock()
/// let dispatcher = Dispatcher(subsystems: subsystems, home: home, now: { clock.now() })
/// for await event in PhoneHeartbeat(dispatcher: dispatcher, clock: clock).events() { print(event.message) }
/// ```
public struct PhoneHeartbeat: Sendable {
    /// The dispatcher whose subsystems keep time.
    public let dispatcher: Dispatcher
    /// The clock it sleeps on (the dispatcher's `now` must read the same clock).
    public let clock: any PhoneClock
    /// The longest it sleeps between passes.
    public var pollInterval: TimeInterval

    /// Creates a heartbeat.
    public init(dispatcher: Dispatcher, clock: any PhoneClock, pollInterval: TimeInterval = 1) {
        self.dispatcher = dispatcher
        self.clock = clock
        self.pollInterval = pollInterval
    }

    /// The events as they happen, starting (with `catchUp`) with those missed while Relay was not running.
    /// The stream runs until the consumer stops iterating (which cancels the loop). Pass `catchUp: false` when
    /// the caller ran the catch-up pass itself (``Dispatcher/passTime(catchUp:)``) before doing anything else.
    public func events(catchUp: Bool = true) -> AsyncStream<PhoneEvent> {
        let (stream, continuation) = AsyncStream<PhoneEvent>.makeStream()
        let task = Task {
            var catchUp = catchUp
            var lastPass: Date?
            while !Task.isCancelled {
                let now = clock.now()
                let next = await dispatcher.nextDeadline()
                // A pass writes (one transaction per subsystem), so it runs only at a start and when something is
                // due — and once per instant: a deadline a pass did not clear waits for the clock to move on.
                let due = next.map { $0 <= now } ?? false
                if catchUp || (due && lastPass.map { now > $0 } ?? true) {
                    for event in await dispatcher.passTime(catchUp: catchUp) { continuation.yield(event) }
                    catchUp = false
                    lastPass = now
                    continue
                }
                var wake = now.addingTimeInterval(pollInterval)
                if let next, next < wake { wake = max(next, now.addingTimeInterval(0.001)) }
                do { try await clock.sleep(until: wake) } catch { break }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
