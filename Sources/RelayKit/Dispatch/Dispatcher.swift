import RelayLanguage
public import Foundation
import RelayCore
public import RelayJSON
import RelayModel

/// Runs commands against the installed subsystems: validate, resolve, gate, run with a timeout, audit.
///
/// ```swift
/// let dispatcher = Dispatcher(subsystems: InstalledPlugins.subsystems, home: home)
/// let result = await dispatcher.dispatch(Command(action: "settings.set_brightness", arguments: ["level": 40]))
/// print(result.message)   // "Brightness is now 40%."
/// ```
///
/// Every step's failure is a result, never a throw or a crash: unknown action → `not_found`; bad
/// arguments → `invalid_arguments` with one message per argument; unknown entity → `not_found`
/// ("There is no album named X."); several → `ambiguous` with candidates; destructive without
/// `confirmed` (always for commands from video) → `needs_confirmation`; a handler that throws or runs
/// past ``timeout`` → `failed`, its writes rolled back, other subsystems unaffected. Commands of one
/// subsystem run one at a time; different subsystems run concurrently. Every command and its result
/// is appended to ``audit``.
///
/// Beyond single commands: bulk and destructive actions ask first with a computed count
/// (``ActionContext/confirm(count:_:always:)``); every committed change is saved with its inverse, so
/// ``undoLast(origin:utterance:)`` (the `relay.undo` action) reverts the last command and an undo can be
/// undone; ``passTime(catchUp:)`` and ``nextDeadline()`` let a ``PhoneHeartbeat`` make time pass.
public actor Dispatcher {
    /// Every installed action.
    public nonisolated let catalog: ActionCatalog
    /// The state folder.
    public nonisolated let home: URL
    /// The audit log.
    public nonisolated let audit: AuditLog
    /// How long a handler may run.
    public nonisolated let timeout: Duration
    /// The calendar date specs resolve in.
    public nonisolated let calendar: Calendar
    /// Above this many items a command asks first ("Move 11 photos to Recently Deleted?").
    public nonisolated let bulkThreshold: Int
    private let clock: @Sendable () -> Date
    private var stores: [String: SubsystemStore] = [:]
    private var gates: [String: SerialGate] = [:]
    private var history: CommandHistory?
    /// Per running command group: the subsystems that committed changes, in order, and why it cannot be undone.
    private var changedSubsystems: [String: [String]] = [:]
    private var irreversibleReasons: [String: String] = [:]

    /// Creates a dispatcher; state files open lazily on first use.
    /// - Parameters:
    ///   - timeout: how long a handler may run before its command fails.
    ///   - calendar: the calendar for date specs (tests pin it).
    ///   - now: the clock (tests pin it).
    ///   - bulkThreshold: above this many items a command asks for confirmation first.
    ///
    /// The phone's own actions (``RelaySystemSubsystem``: undo, redo) are added to `subsystems`.
    public init(subsystems: [any Subsystem], home: URL, timeout: Duration = .seconds(10),
                calendar: Calendar = .current, bulkThreshold: Int = 3, now: @escaping @Sendable () -> Date = { Date() }) {
        let system = RelaySystemSubsystem()
        self.catalog = ActionCatalog(subsystems: subsystems.contains { $0.name == system.name } ? subsystems : subsystems + [system])
        self.bulkThreshold = bulkThreshold
        self.home = home
        self.audit = AuditLog(home: home)
        self.timeout = timeout
        self.calendar = calendar
        self.clock = now
    }

    /// The default home folder: `$RELAY_HOME`, else `~/.local/share/relay`.
    public static var defaultHome: URL {
        if let env = ProcessInfo.processInfo.environment["RELAY_HOME"], !env.isEmpty {
            return URL(fileURLWithPath: (env as NSString).expandingTildeInPath, isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".local/share/relay", isDirectory: true)
    }

    /// Runs `action` with `arguments`: shorthand for ``dispatch(_:)``.
    @discardableResult
    public func call(_ action: String, _ arguments: JSONObject = [:], origin: CommandOrigin = .text,
                     confirmed: Bool = false, utterance: String? = nil) async -> CommandResult {
        await dispatch(Command(action: action, arguments: arguments, origin: origin, confirmed: confirmed, utterance: utterance))
    }

    /// Runs one command and records it in the audit log.
    @discardableResult
    public func dispatch(_ command: Command) async -> CommandResult {
        let started = clock()
        var command = command
        let isTopLevel = command.group == nil
        let group = command.group ?? UUID().uuidString
        command.group = group
        let result: CommandResult
        let isRevert = command.action == UndoLastCommand.name || command.action == RedoLastCommand.name
        switch command.action {
        case _ where isRevert && command.origin == .video && !command.confirmed:
            // Words in a video are not the user's: they do not take back what the user did.
            result = CommandResult(action: command.action, status: .needsConfirmation,
                                   message: "A command found in the video asks to \(command.action == UndoLastCommand.name ? "undo" : "redo") the last command. It needs your confirmation.",
                                   data: ["confirm": .object(["action": .string(command.action), "arguments": .object([:]), "confirmed": .bool(true)])])
        case UndoLastCommand.name: result = await revertLast(command, redoOnly: false, now: started)
        case RedoLastCommand.name: result = await revertLast(command, redoOnly: true, now: started)
        default: result = await run(command, now: started)
        }
        // The command already happened; a log failure is reported on stderr, not turned into a failure.
        record(command, result, at: started)
        if isTopLevel {
            let changed = changedSubsystems.removeValue(forKey: group) ?? []
            let irreversible = irreversibleReasons.removeValue(forKey: group)
            if result.isDone, !changed.isEmpty, command.action != UndoLastCommand.name, command.action != RedoLastCommand.name {
                await remember(CommandHistory.Entry(group: group, action: command.action, summary: result.message, subsystems: changed,
                                                    irreversible: irreversible, reverts: nil, time: started))
            }
        }
        return result
    }

    private func commandHistory() async throws -> CommandHistory {
        if let history { return history }
        // Opening and migrating the file blocks (and may wait on another process's lock): not on this actor's thread.
        let home = home
        let h = try await BlockingWork.run { try CommandHistory(home: home) }
        if let history { return history }   // another call opened it meanwhile
        history = h
        return h
    }

    private func remember(_ entry: CommandHistory.Entry) async {
        do {
            try await commandHistory().append(entry)
        } catch {
            FileHandle.standardError.write(Data("relay: could not record the command for undo in \(home.path): \(error)\n".utf8))
        }
    }

    // MARK: - Time

    /// The time now, on the dispatcher's clock.
    public func now() -> Date { clock() }

    /// Brings every time-keeping subsystem up to now: due timers finish, alarms ring, old items are purged.
    ///
    /// Each subsystem's changes commit in one transaction (not undoable: time is not a command); each event
    /// is appended to the audit log (`origin` "time", `event` its kind). With `catchUp` (the first pass after
    /// Relay starts) what fell due a while ago is reported as missed. A subsystem that fails is reported on
    /// stderr and left for the next pass.
    @discardableResult
    public func passTime(catchUp: Bool = false) async -> [PhoneEvent] {
        let now = clock()
        var events: [PhoneEvent] = []
        for subsystem in catalog.subsystems where subsystem.keepsTime {
            do {
                let store = try store(for: subsystem.name)
                let passage = TimePassage(now: now, calendar: calendar, isCatchUp: catchUp)
                let happened = try await withGate(subsystem.name) { _ in
                    let transaction = CommandTransaction(store: store)
                    do {
                        let list = try await transaction.write { db in try subsystem.passTime(passage, in: db) }
                        try await transaction.commit()
                        return list
                    } catch {
                        await transaction.rollback()
                        throw error
                    }
                }
                events += happened
            } catch {
                FileHandle.standardError.write(Data("relay: \(subsystem.displayName) could not bring its state up to date: \(describe(error))\n".utf8))
            }
        }
        for event in events {
            var line = event.json.objectValue ?? [:]
            line["event"] = .string(event.kind)
            line["origin"] = .string("time")
            line["noticed"] = .string(AuditLog.iso8601(now))
            do { try audit.append(.object(line)) } catch {
                FileHandle.standardError.write(Data("relay: could not append to \(audit.url.path): \(error)\n".utf8))
            }
        }
        return events
    }

    /// The soonest time any subsystem will have something fall due, if any.
    public func nextDeadline() async -> Date? {
        let now = clock()
        var soonest: Date?
        for subsystem in catalog.subsystems where subsystem.keepsTime {
            guard let store = try? store(for: subsystem.name) else { continue }
            let calendar = calendar
            let next = try? await withGate(subsystem.name) { _ in
                try await store.read { db in try subsystem.nextDeadline(after: now, calendar: calendar, in: db) }
            }
            if let next = next ?? nil, soonest.map({ next < $0 }) ?? true { soonest = next }
        }
        return soonest
    }

    /// Undoes the last command of this home that changed something: shorthand for dispatching `relay.undo`.
    @discardableResult
    public func undoLast(origin: CommandOrigin = .text, utterance: String? = nil) async -> CommandResult {
        await dispatch(Command(action: UndoLastCommand.name, origin: origin, utterance: utterance))
    }

    /// Reverts the newest history entry: a command (undo), or an undo (redo). With `redoOnly`, only an undo.
    ///
    /// Every subsystem the command changed is reverted in one transaction each, all of them committed only
    /// when every one applied; the inverses of the revert are saved too, so it can itself be reverted.
    private func revertLast(_ command: Command, redoOnly: Bool, now: Date) async -> CommandResult {
        let name = command.action
        let entry: CommandHistory.Entry?
        do { entry = try await commandHistory().last() } catch {
            return CommandResult(action: name, status: .failed, message: "The command history cannot be read: \(describe(error))")
        }
        guard let entry else {
            return CommandResult(action: name, status: .refused, message: redoOnly ? "There is nothing to redo." : "There is nothing to undo.")
        }
        // Reverting an undo is a redo; reverting a command or a redo is an undo.
        let isRedo = entry.action == UndoLastCommand.name
        if redoOnly && !isRedo {
            return CommandResult(action: name, status: .refused, message: "There is nothing to redo: the last command was not an undo.")
        }
        if let reason = entry.irreversible {
            return CommandResult(action: name, status: .refused, message: "The last command can't be undone: \(reason)",
                                 data: ["last": .string(entry.summary), "last_action": .string(entry.action)])
        }
        let group = command.group ?? UUID().uuidString
        // Gates in name order, so two reverts (or a revert and a command calling another subsystem) cannot deadlock.
        var held: [(String, SerialGate)] = []
        func releaseAll() async { for (_, g) in held.reversed() { await g.release() } }
        var transactions: [(String, CommandTransaction)] = []
        do {
            for subsystem in entry.subsystems.sorted() {
                let gate = gates[subsystem] ?? SerialGate()
                gates[subsystem] = gate
                guard await gate.acquire(timeout: timeout * 2) else {
                    throw ActionFailure(.failed, "\(catalog.subsystem(named: subsystem)?.displayName ?? subsystem) is busy; try undoing again in a moment.")
                }
                held.append((subsystem, gate))
            }
            for subsystem in entry.subsystems.reversed() {
                let t = CommandTransaction(store: try store(for: subsystem))
                transactions.append((subsystem, t))
                guard try await t.revert(group: entry.group) > 0 else {
                    throw ActionFailure(.refused, "The last command can no longer be undone: its changes were not kept.")
                }
            }
            var changed: [String] = []
            for (subsystem, t) in transactions {
                if try await t.commit(group: group) > 0 { changed.append(subsystem) }
            }
            transactions.removeAll()
            await releaseAll()
            // The entry's summary is the reverted command's own message: "Undone: moved 11 photos to Recently Deleted."
            let reverted = entry.summary.replacingOccurrences(of: "Undone: ", with: "").replacingOccurrences(of: "Redone: ", with: "")
            let message = isRedo ? "Redone: \(Self.sentence(reverted))" : "Undone: \(Self.sentence(reverted))"
            await remember(CommandHistory.Entry(group: group, action: isRedo ? RedoLastCommand.name : UndoLastCommand.name, summary: message, subsystems: changed,
                                                irreversible: nil, reverts: entry.group, time: now))
            return CommandResult(action: name, status: .done, message: message,
                                 data: ["reverted": .string(entry.action), "redo": .bool(isRedo), "subsystems": .array(changed.map { .string($0) })])
        } catch {
            for (_, t) in transactions { await t.rollback() }
            await releaseAll()
            if let failure = error as? ActionFailure {
                return CommandResult(action: name, status: failure.status, message: failure.message)
            }
            return CommandResult(action: name, status: .failed,
                                 message: "The last command could not be undone, because the things it changed have changed since (\(describe(error))). Nothing was changed.")
        }
    }

    /// "Moved 3 photos to Recently Deleted." → "moved 3 photos to Recently Deleted."
    static func sentence(_ s: String) -> String { s.lowercasedFirst }

    private func record(_ command: Command, _ result: CommandResult, at time: Date) {
        do {
            try audit.append(AuditLog.line(command: command, result: result, time: time))
        } catch {
            FileHandle.standardError.write(Data("relay: could not append to \(audit.url.path): \(error)\n".utf8))
        }
    }

    /// The subsystem's opened (and migrated) store.
    public func store(for subsystem: String) throws -> SubsystemStore {
        if let s = stores[subsystem] { return s }
        guard let sub = catalog.subsystem(named: subsystem) else {
            let known = catalog.subsystems.map(\.name).joined(separator: ", ")
            throw KitError(.unknownName, "There is no subsystem named \(subsystem); installed: \(known).")
        }
        let s = try SubsystemStore(subsystem: sub, home: home)
        stores[subsystem] = s
        return s
    }

    /// A JSON snapshot of a subsystem's committed state.
    public func state(of subsystem: String) async throws -> JSONValue {
        let s = try store(for: subsystem)
        guard let sub = catalog.subsystem(named: subsystem) else { throw KitError(.unknownName, "There is no subsystem named \(subsystem).") }
        return try await withGate(subsystem) { _ in try await s.read { db in try sub.state(in: db) } }
    }

    /// Reads a subsystem's committed state between commands (never inside one's open transaction): what a screen shows.
    public func read<T: Sendable>(_ subsystem: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let s = try store(for: subsystem)
        return try await withGate(subsystem) { _ in try await s.read(body) }
    }

    /// The entities of `kind` that `subsystem` knows.
    public func entities(of kind: EntityKind, in subsystem: String) async throws -> [Entity] {
        let s = try store(for: subsystem)
        guard let sub = catalog.subsystem(named: subsystem) else { throw KitError(.unknownName, "There is no subsystem named \(subsystem).") }
        return try await withGate(subsystem) { _ in try await s.read { db in try sub.entities(of: kind, in: db) } }
    }

    /// The names of every entity of every kind the installed actions use, for the sentence matcher.
    public func entityNames() async -> EntityNames {
        var out: EntityNames = [:]
        for sub in catalog.subsystems {
            for kind in sub.entityKinds {
                if let list = try? await entities(of: kind, in: sub.name) {
                    out[kind.name, default: []] += list.flatMap { [$0.name] + $0.aliases }
                }
            }
        }
        return out
    }

    // MARK: - The steps

    /// Runs `body` while holding the subsystem's gate. If `body` hands back an unfinished cleanup task
    /// (the rollback of an abandoned command), the gate stays closed until that task ends, so the next
    /// command of the subsystem never starts inside the abandoned one's transaction.
    private func withGate<T: Sendable>(_ subsystem: String,
                                       _ body: (_ cleanup: inout Task<Void, Never>?) async throws -> T) async throws -> T {
        let gate = gates[subsystem] ?? SerialGate()
        gates[subsystem] = gate
        guard await gate.acquire(timeout: timeout * 2) else {
            throw ActionFailure(.failed, "\(catalog.subsystem(named: subsystem)?.displayName ?? subsystem) is still busy with an earlier command that did not finish; try again in a moment.")
        }
        var cleanup: Task<Void, Never>?
        func release() async {
            if let pending = cleanup {
                // At the command's own priority: the next command of a person waiting must not queue behind
                // background work for the rollback of an abandoned one.
                Task.detached(priority: Task.currentPriority) { await pending.value; await gate.release() }
            } else {
                await gate.release()
            }
        }
        do {
            let r = try await body(&cleanup)
            await release()
            return r
        } catch {
            await release()
            throw error
        }
    }

    private func run(_ command: Command, now: Date) async -> CommandResult {
        guard let descriptor = catalog.action(named: command.action) else {
            return CommandResult(action: command.action, arguments: command.arguments, status: .notFound,
                                 message: unknownActionMessage(command.action))
        }
        let action = descriptor.type
        // 1. Validate.
        let validated = ArgumentValidator.validate(command.arguments, parameters: action.parameters, action: action.name)
        if !validated.problems.isEmpty {
            return CommandResult(action: action.name, arguments: command.arguments, status: .invalidArguments,
                                 message: validated.problems.map(\.message).joined(separator: " "), problems: validated.problems)
        }
        var values = validated.values
        // 2. Open state.
        let store: SubsystemStore
        do { store = try self.store(for: descriptor.subsystem) } catch {
            return CommandResult(action: action.name, arguments: values, status: .failed, message: "\(error)")
        }
        guard let subsystem = catalog.subsystem(named: descriptor.subsystem) else {
            return CommandResult(action: action.name, arguments: values, status: .failed, message: "The subsystem \(descriptor.subsystem) is not installed.")
        }
        // 3. Permission: an unconfirmed destructive command runs as a preview, always rolled back, so the
        // question can name what it would touch ("Cancel all 3 alarms?").
        let confirmed = command.confirmed
        let isPreview = !confirmed && action.permission == .destructive
        // The call to repeat holds the arguments as validated (names, not resolved ids), as a caller would send them.
        let asValidated = values
        let confirmData: JSONObject = ["confirm": .object(["action": .string(action.name), "arguments": .object(asValidated), "confirmed": .bool(true)])]
        func needsConfirmation(_ question: String?, count: Int?) -> CommandResult {
            let what = action.description.lowercasedFirst.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let message: String
            if command.origin == .video {
                message = question.map { "A command found in the video asks: \"\($0)\" It needs your confirmation." }
                    ?? "A command found in the video asks to \(what). It needs your confirmation."
            } else {
                message = question ?? "This will \(what). Please confirm."
            }
            var data = confirmData
            if let count { data["count"] = .int(count) }
            return CommandResult(action: action.name, arguments: asValidated, status: .needsConfirmation, message: message, data: data)
        }
        let group = command.group
        do {
            return try await withGate(descriptor.subsystem) { cleanup in
                // 4. Resolve entities.
                var resolved: [String: Entity] = [:]
                for p in action.parameters {
                    guard case .entity(let kind) = p.kind, case .string(let spoken)? = values[p.name] else { continue }
                    let all = try await store.read { db in try subsystem.entities(of: kind, in: db) }
                    switch EntityResolver.resolve(spoken, among: all) {
                    case .found(let e):
                        resolved[p.name] = e
                        values[p.name] = .object(["id": .string(e.id), "name": .string(e.name)])
                    case .notFound:
                        return CommandResult(action: action.name, arguments: values, status: .notFound,
                                             message: EntityResolver.notFoundMessage(kind: kind, spoken: spoken),
                                             data: ["argument": .string(p.name), "name": .string(spoken)])
                    case .ambiguous(let list):
                        return CommandResult(action: action.name, arguments: values, status: .ambiguous,
                                             message: EntityResolver.ambiguousMessage(kind: kind, candidates: list),
                                             data: ["argument": .string(p.name)], candidates: list)
                    }
                }
                // 5. Run in one transaction, with a deadline.
                let arguments = Arguments(values: validated.values, entities: resolved, now: now, calendar: calendar)
                let transaction = CommandTransaction(store: store)
                let context = ActionContext(
                    subsystem: descriptor.subsystem, home: home, origin: command.origin, confirmed: confirmed, now: now,
                    calendar: calendar, utterance: command.utterance, permission: action.permission, isPreview: isPreview,
                    bulkThreshold: bulkThreshold, transaction: transaction,
                    caller: { [weak self] nested in
                        var nested = nested
                        nested.group = group
                        guard let self else { return CommandResult(action: nested.action, status: .failed, message: "The dispatcher is gone.") }
                        if isPreview {
                            // A preview changes nothing; another subsystem's action would commit on its own.
                            return CommandResult(action: nested.action, arguments: nested.arguments, status: .needsConfirmation,
                                                 message: "Not run while the command waits for confirmation.")
                        }
                        if nested.action.hasPrefix(descriptor.subsystem + ".") {
                            // Its own subsystem is locked by this very command: running it would deadlock.
                            let refused = CommandResult(action: nested.action, arguments: nested.arguments, status: .refused,
                                                        message: "An action cannot call another action of its own subsystem (\(nested.action)); share the code instead.")
                            await self.record(nested, refused, at: now)
                            return refused
                        }
                        return await self.dispatch(nested)
                    })
                let start = ContinuousClock.now
                let limit = subsystem.timeLimit ?? timeout
                let outcome = await Deadline.run(limit: limit) {
                    let instance = try action.init(arguments: arguments)
                    return try await instance.perform(in: context)
                }
                let elapsed = ContinuousClock.now - start
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                switch outcome {
                case .success(let o) where o.status == .done && isPreview:
                    // A preview that changed nothing (nothing to delete) is simply done; one that did asks first.
                    let wrote = transaction.hasWritten
                    await transaction.rollback()
                    if !wrote {
                        return CommandResult(action: action.name, arguments: values, status: .done, message: o.message,
                                             data: o.data, candidates: o.candidates, seconds: seconds)
                    }
                    return needsConfirmation(nil, count: nil)
                case .failure(let request as ConfirmationRequest):
                    await transaction.rollback()
                    return needsConfirmation(request.question, count: request.count)
                case .success(let o) where o.status == .done:
                    do {
                        if try await transaction.commit(group: group) > 0, let group {
                            changedSubsystems[group, default: []].append(descriptor.subsystem)
                            if case .irreversible(let reason) = action.reversibility { irreversibleReasons[group] = reason }
                        }
                    } catch {
                        await transaction.rollback()
                        return CommandResult(action: action.name, arguments: values, status: .failed,
                                             message: "\(subsystem.displayName) could not save the change: \(error)", seconds: seconds)
                    }
                    return CommandResult(action: action.name, arguments: values, status: .done, message: o.message,
                                         data: o.data, candidates: o.candidates, seconds: seconds)
                case .success(let o):
                    await transaction.rollback()
                    return CommandResult(action: action.name, arguments: values, status: o.status, message: o.message,
                                         data: o.data, candidates: o.candidates, seconds: seconds)
                case .failure(let error as ActionFailure):
                    await transaction.rollback()
                    return CommandResult(action: action.name, arguments: values, status: error.status, message: error.message, seconds: seconds)
                case .failure(let error):
                    await transaction.rollback()
                    return CommandResult(action: action.name, arguments: values, status: .failed,
                                         message: "\(subsystem.displayName) failed to run \(action.name): \(describe(error))",
                                         data: ["error": .string(String(describing: error))], seconds: seconds)
                case nil:
                    // Roll back in the background: if the handler is stuck inside a database block the
                    // rollback waits for it, and the caller must not. The gate stays closed until it is done.
                    cleanup = Task.detached(priority: Task.currentPriority) { await transaction.rollback() }
                    return CommandResult(action: action.name, arguments: values, status: .failed,
                                         message: "\(subsystem.displayName) did not finish \(action.name) within \(Self.format(limit)); nothing was changed.",
                                         data: ["timeout_seconds": .double(Self.seconds(limit))], seconds: seconds)
                }
            }
        } catch let failure as ActionFailure {
            return CommandResult(action: action.name, arguments: values, status: failure.status, message: failure.message)
        } catch {
            return CommandResult(action: action.name, arguments: values, status: .failed,
                                 message: "\(subsystem.displayName) could not read its state: \(describe(error))")
        }
    }

    private func unknownActionMessage(_ name: String) -> String {
        let names = catalog.actions.map(\.name)
        let close = names.filter { EditDistance.between($0, name) <= 3 }.prefix(3)
        var msg = "There is no action named \(name)."
        if !close.isEmpty { msg += " Did you mean " + close.joined(separator: " or ") + "?" }
        return msg
    }

    private func describe(_ error: any Error) -> String {
        if let e = error as? KitError { return e.message }
        if error is CancellationError { return "it was cancelled" }
        let text = String(describing: error)
        return text.isEmpty ? "\(type(of: error))" : text
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func format(_ d: Duration) -> String {
        let s = seconds(d)
        return s == s.rounded() ? "\(Int(s)) seconds" : String(format: "%.1f seconds", s)
    }
}
