public import Foundation

/// Runs the built `relay` binary as a user would, each run in a home folder of its own unless told otherwise.
public enum RelayCLI {
    /// What a run of `relay` printed and how it ended.
    public struct Run: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
        /// Whether the time limit ended it.
        public var timedOut: Bool

        /// The JSON objects printed on standard output, one per line.
        public var jsonLines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
        }
    }

    /// The `relay` executable beside the running test bundle (so a sanitized build tests its own binary),
    /// or `RELAY_BINARY` when set.
    public static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["RELAY_BINARY"] { return URL(fileURLWithPath: path) }
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        return me.deletingLastPathComponent().appendingPathComponent("relay")
    }()

    /// Runs `relay arguments…`.
    ///
    /// - Parameters:
    ///   - home: the Relay home (`RELAY_HOME`); nil gives the run a fresh, empty one, unless `environment` sets it.
    ///   - stdin: bytes for standard input (then closed); nil connects it to /dev/null.
    ///   - environment: variables set (or removed, with nil) for this run. Unless it names `RELAY_ENCODER`, the run
    ///     understands with templates only (`RELAY_ENCODER=off`): loading the sentence encoder costs a debug `relay` a
    ///     third of a second of CPU per run, and the encoder stage is tested in-process (RelayAgentTests) and by the
    ///     CLI tests that turn it on.
    ///   - timeout: how long it may take before it is killed (`timedOut` is then true).
    public static func run(_ arguments: [String], home: URL? = nil, stdin: Data? = nil, environment: [String: String?] = [:],
                           timeout: Duration = .seconds(180)) async throws -> Run {
        var environment = environment
        if !environment.keys.contains("RELAY_ENCODER") { environment["RELAY_ENCODER"] = "off" }
        if environment["RELAY_HOME"] == nil {
            environment["RELAY_HOME"] = try (home ?? Fixtures.folder("relay-home")).path
        }
        let output = try await ChildProcess(binary.path, arguments, environment: environment, input: stdin, timeout: timeout).run()
        return Run(status: output.wasSignalled ? 128 + output.status : output.status, stdout: output.stdoutText,
                   stderr: String(decoding: output.stderr, as: UTF8.self), timedOut: output.timedOut)
    }
}
