public import Foundation

/// Runs a program to completion without blocking the caller's thread: its standard output and error are read
/// concurrently (so a chatty child can never stall on a full pipe), standard input is fed from memory, and a time
/// limit ends a child that hangs.
///
/// The pipes are read on ``BlockingWork``'s threads and the exit is awaited through `Process.terminationHandler`,
/// so no cooperative thread waits.
public struct ChildProcess: Sendable {
    /// What a finished child left behind.
    public struct Output: Sendable {
        /// The exit status (or the signal number when `wasSignalled`).
        public var status: Int32
        /// Whether a signal ended the child (for instance the time limit's SIGTERM/SIGKILL).
        public var wasSignalled: Bool
        /// Everything the child wrote to standard output.
        public var stdout: Data
        /// Everything the child wrote to standard error.
        public var stderr: Data
        /// Whether the time limit ended the child.
        public var timedOut: Bool
        /// The child's process id, while it ran.
        public var processID: Int32

        /// Standard output as UTF-8 text.
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as UTF-8 text, trimmed.
        public var stderrText: String { String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        /// Whether the child exited by itself with status 0.
        public var succeeded: Bool { status == 0 && !wasSignalled && !timedOut }
    }

    /// The program, as a path.
    public var executable: String
    /// Its arguments.
    public var arguments: [String]
    /// Variables set (a value) or removed (nil) on top of this process's environment.
    public var environment: [String: String?]
    /// Bytes written to its standard input, which is then closed; nil connects it to /dev/null.
    public var input: Data?
    /// How long it may run before it is sent SIGTERM (and SIGKILL a second later).
    public var timeout: Duration?

    /// Describes a run of `executable` with `arguments`.
    ///
    /// There is no working-folder option on purpose: Foundation's `Process` changes the whole process's current
    /// folder around the spawn to set one, which races with every other thread.
    public init(_ executable: String, _ arguments: [String], environment: [String: String?] = [:], input: Data? = nil,
                timeout: Duration? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.input = input
        self.timeout = timeout
    }

    /// Runs the program and returns what it printed and how it ended. Cancelling the task ends the child.
    /// - Throws: ``ChildProcessError`` when the program cannot be started.
    public func run() async throws -> Output {
        let child = try start()
        let watchdog: Task<Void, Never>? = timeout.map { timeout in
            Task {
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                child.stop(timedOut: true)
            }
        }
        let output = await withTaskCancellationHandler {
            await child.output()
        } onCancel: {
            child.stop()
        }
        watchdog?.cancel()
        return output
    }

    /// Starts the program and returns at once: for tests that must act on a child while it runs (kill it
    /// mid-way). Its output is collected from the start; ``RunningChild/output()`` waits for the end.
    /// The time limit does not apply here.
    /// - Throws: ``ChildProcessError`` when the program cannot be started.
    public func start() throws -> RunningChild {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        let stdout = Pipe(), stderr = Pipe()
        let stdin: Pipe? = input == nil ? nil : Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin ?? FileHandle.nullDevice
        let child = RunningChild(process: process)
        // Weak: Process keeps its handler after the exit, and a strong capture would keep the child and everything it
        // collected alive for good (LeakSanitizer found it). Whoever awaits the output holds the child meanwhile.
        process.terminationHandler = { [weak child] _ in child?.exited() }
        try Self.spawn(process, executable: executable, arguments: arguments)
        // Process.run() has closed the parent's copies of the child's ends, so the reads see end of file.
        child.collect(stdout: stdout.fileHandleForReading, stderr: stderr.fileHandleForReading)
        if let stdin, let input {
            let writer = stdin.fileHandleForWriting
            BlockingWork.start {
                try? writer.write(contentsOf: input)
                try? writer.close()
            }
        }
        return child
    }

    /// Starts `process` with an empty signal mask.
    ///
    /// A child inherits its spawning thread's signal mask, and libdispatch's threads (Swift's cooperative
    /// pool among them) block nearly every signal: a child spawned from one would ignore SIGTERM for good.
    /// Spawn with an empty mask, then restore this thread's.
    static func spawn(_ process: Process, executable: String, arguments: [String]) throws {
        do {
            var empty = sigset_t(), saved = sigset_t()
            sigemptyset(&empty)
            pthread_sigmask(SIG_SETMASK, &empty, &saved)
            defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
            try process.run()
        } catch {
            throw ChildProcessError(executable: executable, arguments: arguments, reason: "could not be started: \(error.localizedDescription)")
        }
    }

    /// Runs the program and returns its standard output.
    /// - Throws: ``ChildProcessError`` when it cannot start, fails, or runs out of time, with its standard error.
    @discardableResult
    public func checkedRun() async throws -> Output {
        let output = try await run()
        guard output.succeeded else {
            let how = output.timedOut ? "did not finish within \(timeout.map { "\($0)" } ?? "its time limit")"
                : output.wasSignalled ? "was killed by signal \(output.status)" : "exited with status \(output.status)"
            throw ChildProcessError(executable: executable, arguments: arguments,
                                    reason: how + (output.stderrText.isEmpty ? "" : ": \(output.stderrText)"))
        }
        return output
    }
}

/// A child process that was started and may still run.
///
/// `@unchecked Sendable`: `Process` is only asked thread-safe questions (its id, whether it runs, how it ended);
/// the collected output, the exit flag and the waiters are guarded by `lock`.
public final class RunningChild: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var hasExited = false
    private var stdoutData: Data?
    private var stderrData: Data?
    private var timedOut = false
    private var waiters: [CheckedContinuation<ChildProcess.Output, Never>] = []

    /// The child's process id.
    public var processID: Int32 { process.processIdentifier }

    init(process: Process) {
        self.process = process
    }

    /// Whether it is still running.
    public var isRunning: Bool { process.isRunning }

    /// Sends `signal` (SIGTERM, SIGKILL, …) to the child.
    public func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// SIGTERM now, SIGKILL a second later if the child is still there.
    func stop(timedOut: Bool = false) {
        lock.withLock { if timedOut && !hasExited { self.timedOut = true } }
        guard process.isRunning else { return }
        process.terminate()
        let pid = process.processIdentifier
        BlockingWork.start { [process] in
            Thread.sleep(forTimeInterval: 1)
            if process.isRunning { kill(pid, SIGKILL) }
        }
    }

    /// Waits until the child has exited and both of its output pipes are closed, and returns what it left.
    /// (A grandchild that inherited the pipes keeps them open, and so keeps this waiting, until it exits too.)
    public func output() async -> ChildProcess.Output {
        await withCheckedContinuation { continuation in
            let done: Bool = lock.withLock {
                if isFinished { return true }
                waiters.append(continuation)
                return false
            }
            if done { continuation.resume(returning: makeOutput()) }
        }
    }

    fileprivate func collect(stdout: FileHandle, stderr: FileHandle) {
        BlockingWork.start { [self] in
            let data = stdout.readDataToEndOfFile()
            finish { stdoutData = data }
        }
        BlockingWork.start { [self] in
            let data = stderr.readDataToEndOfFile()
            finish { stderrData = data }
        }
    }

    fileprivate func exited() {
        finish { hasExited = true }
    }

    /// Records one of the three events (exit, end of stdout, end of stderr); the last one wakes the waiters.
    private func finish(_ record: () -> Void) {
        let ready: [CheckedContinuation<ChildProcess.Output, Never>] = lock.withLock {
            record()
            guard isFinished else { return [] }
            defer { waiters = [] }
            return waiters
        }
        guard !ready.isEmpty else { return }
        let output = makeOutput()
        for waiter in ready { waiter.resume(returning: output) }
    }

    /// Called with `lock` held.
    private var isFinished: Bool { hasExited && stdoutData != nil && stderrData != nil }

    private func makeOutput() -> ChildProcess.Output {
        lock.withLock {
            ChildProcess.Output(
                status: process.terminationStatus, wasSignalled: process.terminationReason == .uncaughtSignal,
                stdout: stdoutData ?? Data(), stderr: stderrData ?? Data(), timedOut: timedOut, processID: processID)
        }
    }
}

/// A child process could not be started, failed or ran out of time.
public struct ChildProcessError: Error, CustomStringConvertible {
    /// The program.
    public var executable: String
    /// Its arguments.
    public var arguments: [String]
    /// What went wrong, with the child's own message.
    public var reason: String

    public var description: String {
        "\(([executable] + arguments).joined(separator: " ")) \(reason)"
    }
}
