import RelayLanguage
public import Foundation
public import RelayModel

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
    private let clock: @Sendable () -> Date
    private var stores: [String: SubsystemStore] = [:]
    private var gates: [String: SerialGate] = [:]

    /// Creates a dispatcher; state files open lazily on first use.
    /// - Parameters:
    ///   - timeout: how long a handler may run before its command fails.
    ///   - calendar: the calendar for date specs (tests pin it).
    ///   - now: the clock (tests pin it).
    public init(subsystems: [any Subsystem], home: URL, timeout: Duration = .seconds(10),
                calendar: Calendar = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.catalog = ActionCatalog(subsystems: subsystems)
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
        let result = await run(command, now: started)
        // The command already happened; a log failure is reported on stderr, not turned into a failure.
        record(command, result, at: started)
        return result
    }

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
        // 3. Permission (before resolving, so nothing is read for a refused command).
        if action.permission == .destructive && !command.confirmed {
            let what = action.description.lowercasedFirst.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            let message = command.origin == .video
                ? "A command found in the video asks to \(what). It can't be undone, so it needs your confirmation."
                : "This will \(what), and it can't be undone. Please confirm."
            return CommandResult(action: action.name, arguments: values, status: .needsConfirmation, message: message,
                                 data: ["confirm": .object(["action": .string(action.name), "arguments": .object(values), "confirmed": .bool(true)])])
        }
        let confirmed = command.confirmed
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
                    calendar: calendar, utterance: command.utterance, transaction: transaction,
                    caller: { [weak self] nested in
                        guard let self else { return CommandResult(action: nested.action, status: .failed, message: "The dispatcher is gone.") }
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
                case .success(let o) where o.status == .done:
                    do {
                        try await transaction.commit()
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
