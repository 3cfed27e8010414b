import Foundation
import Testing

/// Runs the built `relay` binary as a user would, with optional stdin, environment and a time limit.
enum VoiceCLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let relay = root.appendingPathComponent(".build/debug/relay")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
        /// The JSON objects printed, one per line.
        var jsonLines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap {
                (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
            }
        }
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], timeout: Double = 120) throws -> Run {
        let process = Process()
        process.executableURL = relay
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: stdin)
                try? input.fileHandleForWriting.close()
            }
        }
        let timedOut = LockedFlag()
        let killer = DispatchWorkItem { timedOut.set(); process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        // Drain stderr concurrently so a chatty process cannot block on a full pipe.
        let errData = LockedData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        killer.cancel()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData.get(), as: UTF8.self), timedOut: timedOut.isSet)
    }

    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relay-voice-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// `@unchecked Sendable`: the value is only touched under the lock.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// `@unchecked Sendable`: the value is only touched under the lock.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    func get() -> Data { lock.withLock { value } }
    func set(_ d: Data) { lock.withLock { value = d } }
}

@Suite struct SayCLITests {
    @Test func sayRunsTheCommandAndEndsWithTheOutcome() throws {
        let home = try VoiceCLI.tempDir()
        let run = try VoiceCLI.run(["say", "set a timer for ten minutes", "--json", "--home", home.path])
        #expect(run.status == 0, "\(run.stderr)")
        let last = try #require(run.jsonLines.last)
        #expect(Set(last.keys) == ["transcript", "tool_call", "status", "reply"])
        #expect(last["status"] as? String == "done")
        #expect(last["transcript"] as? String == "set a timer for ten minutes")
        let call = try #require(last["tool_call"] as? [String: Any])
        #expect(call["name"] as? String == "clock.set_timer")
        #expect((call["arguments"] as? [String: Any])?["duration"] as? Int == 600)
        #expect((last["reply"] as? String)?.isEmpty == false)
        // The timer really exists in the home folder's state.
        let listed = try VoiceCLI.run(["say", "show my timers", "--json", "--home", home.path])
        #expect(listed.jsonLines.last?["status"] as? String == "done")
    }

    @Test func nonsenseIsNotUnderstoodAndDispatchesNothing() throws {
        let home = try VoiceCLI.tempDir()
        let run = try VoiceCLI.run(["say", "what's the weather like in Paris", "--json", "--home", home.path])
        #expect(run.status != 0)
        let last = try #require(run.jsonLines.last)
        #expect(last["status"] as? String == "not_understood")
        #expect(last["tool_call"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("audit.jsonl").path))
    }

    @Test func destructiveCommandsWaitForConfirmationUnlessYes() throws {
        let home = try VoiceCLI.tempDir()
        _ = try VoiceCLI.run(["say", "set an alarm for seven thirty", "--home", home.path])
        let asked = try VoiceCLI.run(["say", "cancel all alarms", "--json", "--home", home.path])
        #expect(asked.jsonLines.last?["status"] as? String == "needs_confirmation")
        #expect((asked.jsonLines.last?["reply"] as? String)?.contains("yes or no") == true)
        let confirmed = try VoiceCLI.run(["say", "cancel all alarms", "--yes", "--json", "--home", home.path])
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(confirmed.jsonLines.last?["status"] as? String == "done")
    }

    @Test func humanOutputPrintsTheReply() throws {
        let home = try VoiceCLI.tempDir()
        let run = try VoiceCLI.run(["say", "create an album called Road Trip", "--home", home.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Road Trip"))
        #expect(run.stderr.contains("photos.create_album"))
    }
}
