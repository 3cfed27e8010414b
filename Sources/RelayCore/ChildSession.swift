public import Foundation

/// A child process that keeps running and talks line by line over its standard input and output: a server
/// speaking a line-delimited protocol (an MCP server named in `mcp.json`).
///
/// Standard output is read on a ``BlockingWork`` thread and delivered as ``lines``; standard error is drained on
/// another and its last few kilobytes are kept for error messages ("… exited with status 1: Traceback …").
/// Writes go through ``BlockingWork`` too, so a child that stops reading never blocks a cooperative thread.
///
/// `@unchecked Sendable`: the exit state and the stderr tail are guarded by `lock`; the file handles are only
/// used by one pool job each (the reader, the stderr drain) or under `writeLock`.
public final class ChildSession: @unchecked Sendable {
    /// What the child's standard output delivered.
    public enum Output: Sendable {
        /// One line, without its newline.
        case line(Data)
        /// A line longer than the limit, dropped; its length so far.
        case oversized(Int)
    }

    /// The lines of standard output; the stream ends when the child closes it (normally: when it exits).
    public let lines: AsyncStream<Output>
    /// The program and arguments, for messages.
    public let commandLine: String

    private let process: Process
    private let stdin: FileHandle
    private let lock = NSLock()
    private let writeLock = NSLock()
    private var stderrTail = Data()
    private var exitStatus: (status: Int32, signalled: Bool)?
    private static let stderrKept = 4096

    /// Starts `executable` (a path) with `arguments`; `environment` is set on top of this process's.
    /// Lines longer than `maxLineBytes` are dropped (reported as ``Output/oversized(_:)``) so a child that
    /// writes without newlines cannot make this process's memory grow without bound.
    /// - Throws: ``ChildProcessError`` when it cannot be started.
    public init(_ executable: String, _ arguments: [String], environment: [String: String?] = [:],
                maxLineBytes: Int = 16 << 20) throws {
        Self.ignoreSIGPIPE
        commandLine = ([executable] + arguments).joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            process.environment = merged
        }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        self.process = process
        self.stdin = input.fileHandleForWriting
        var continuation: AsyncStream<Output>.Continuation!
        lines = AsyncStream(bufferingPolicy: .unbounded) { continuation = $0 }
        process.terminationHandler = { [weak self] p in
            self?.lock.withLock { self?.exitStatus = (p.terminationStatus, p.terminationReason == .uncaughtSignal) }
        }
        try ChildProcess.spawn(process, executable: executable, arguments: arguments)
        let reader = output.fileHandleForReading
        BlockingWork.start { [continuation] in
            Self.readLines(from: reader, maxLineBytes: maxLineBytes, into: continuation!)
        }
        let errorReader = errors.fileHandleForReading
        BlockingWork.start { [weak self] in
            while true {
                let chunk = Self.readChunk(errorReader)
                if chunk.isEmpty { break }
                guard let self else { continue }
                self.lock.withLock {
                    self.stderrTail.append(chunk)
                    if self.stderrTail.count > Self.stderrKept { self.stderrTail = self.stderrTail.suffix(Self.stderrKept) }
                }
            }
        }
    }

    deinit { terminate() }

    /// A writer to a closed pipe gets EPIPE instead of a SIGPIPE that would end this whole process.
    private static let ignoreSIGPIPE: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    private static func readLines(from handle: FileHandle, maxLineBytes: Int, into continuation: AsyncStream<Output>.Continuation) {
        var pending = Data()
        var dropping = 0   // > 0 while skipping the rest of an oversized line
        while true {
            let chunk = readChunk(handle)
            if chunk.isEmpty { break }
            var rest = chunk[...]
            while let newline = rest.firstIndex(of: UInt8(ascii: "\n")) {
                let piece = rest[rest.startIndex..<newline]
                rest = rest[rest.index(after: newline)...]
                if dropping > 0 {
                    continuation.yield(.oversized(dropping + piece.count))
                    dropping = 0
                } else {
                    pending.append(contentsOf: piece)
                    continuation.yield(.line(pending))
                    pending = Data()
                }
            }
            if dropping > 0 {
                dropping += rest.count
            } else {
                pending.append(contentsOf: rest)
                if pending.count > maxLineBytes {
                    dropping = pending.count
                    pending = Data()
                }
            }
        }
        if dropping > 0 { continuation.yield(.oversized(dropping)) } else if !pending.isEmpty { continuation.yield(.line(pending)) }
        continuation.finish()
    }

    /// What one read(2) returns (up to 64 KiB; empty at end of file or on an error). Not `availableData`, which
    /// ends the program on a read error, nor `read(upToCount:)`, which waits for the whole count.
    static func readChunk(_ handle: FileHandle) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 { return Data(buffer[0..<n]) }
            if n < 0 && errno == EINTR { continue }
            return Data()
        }
    }

    /// Writes `data` to the child's standard input.
    /// - Throws: ``ChildProcessError`` when the child no longer reads (it exited or closed its input).
    public func write(_ data: Data) async throws {
        let stdin = self.stdin, writeLock = self.writeLock, commandLine = self.commandLine
        try await BlockingWork.run {
            try writeLock.withLock {
                do { try stdin.write(contentsOf: data) } catch {
                    throw ChildProcessError(executable: commandLine, arguments: [], reason: "no longer reads its input (\(error.localizedDescription))")
                }
            }
        }
    }

    /// Whether the child still runs.
    public var isRunning: Bool { process.isRunning }

    /// How it ended ("exited with status 1", "was killed by signal 9"), or nil while it runs.
    public var exitDescription: String? {
        lock.withLock {
            guard let exit = exitStatus else { return nil }
            return exit.signalled ? "was killed by signal \(exit.status)" : "exited with status \(exit.status)"
        }
    }

    /// The last few kilobytes it wrote to standard error, trimmed.
    public var standardErrorTail: String {
        lock.withLock { String(decoding: stderrTail, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The child's process id.
    public var processID: Int32 { process.processIdentifier }

    /// Closes its input, sends SIGTERM, and SIGKILL a second later if it is still there.
    public func terminate() {
        try? stdin.close()
        guard process.isRunning else { return }
        process.terminate()
        let process = self.process
        let pid = process.processIdentifier
        BlockingWork.start {
            for _ in 0..<20 where process.isRunning { Self.pause(milliseconds: 50) }
            if process.isRunning { kill(pid, SIGKILL) }
        }
    }

    /// Sleeps the calling pool thread (never a cooperative one: ``terminate()`` runs it under BlockingWork).
    private static func pause(milliseconds: Int) {
        var request = timespec(tv_sec: 0, tv_nsec: milliseconds * 1_000_000)
        nanosleep(&request, nil)
    }
}
