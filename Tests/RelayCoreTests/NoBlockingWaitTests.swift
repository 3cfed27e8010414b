import Foundation
import Testing

/// Guards the rule that nothing blocks a cooperative thread: the calls that wait synchronously appear only in
/// code that runs on ``BlockingWork``'s pool threads, each place listed here with the reason.
@Suite struct NoBlockingWaitTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Calls that block the calling thread until something else happens.
    static let blockingCalls = ["waitUntilExit(", "DispatchSemaphore(", "DispatchGroup(", ".wait()", "Thread.sleep(", "usleep(",
                                "readDataToEndOfFile(", "Thread {", "Thread(block:", "DispatchQueue(", "waitUntilIdle("]

    /// Files allowed to contain them, and why that code never runs on a cooperative thread.
    static let allowed: [String: String] = [
        "Sources/RelayCore/ThreadPool.swift": "the pool itself",
        "Sources/RelayCore/BlockingWork.swift": "declares waitUntilIdle (@_spi(Fuzzing)); only Fuzz/FuzzHarness calls it, on libFuzzer's thread",
        "Sources/RelayCore/ChildProcess.swift": "pipe reads and the SIGKILL grace run as BlockingWork jobs",
        "Sources/RelayCore/BoundedHandoff.swift": "push waits for room on the producer's pool thread (BlockingWork.stream runs it there); the consumer suspends",
        "Sources/RelaySpeech/WordReference.swift": "Pending.wait() is called from the recogniser's SerialWorker job",
        "Sources/RelaySpeech/RecognitionEngine.swift": "runs inside the recogniser's SerialWorker job",
        "Sources/RelayMedia/AudioCapture.swift": "the capture loop runs under BlockingWork.start",
        "Sources/RelayMedia/ALSAPlaybackWriter.swift": "runs inside AudioPlayback's SerialWorker jobs",
        "Tests/RelayTestSupport/LocalHTTPServer.swift": "connections are served under BlockingWork.start",
        "Tests/RelayKitTests/FakeSubsystem.swift": "a handler that blocks on purpose; handlers run on BlockingWork.executor",
        "Tests/RelayMediaTests/ALSAScriptedPCM.swift": "a scripted device, driven from SerialWorker jobs and BlockingWork",
        "Plugins/Photos/Tests/PhotosCrashSafetyTests.swift": "the kill watcher polls inside BlockingWork.run",
        "Tests/RelayCoreTests/NoBlockingWaitTests.swift": "this list",
        "Tests/RelayCoreTests/BlockingWorkTests.swift": "blocks pool threads on purpose",
    ]

    @Test func blockingWaitsAppearOnlyWherePoolThreadsRunThem() throws {
        var offenders: [String] = []
        for folder in ["Sources", "Tests", "Plugins", "Samples"] {
            let root = Self.packageRoot.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in files where url.pathExtension == "swift" {
                let relative = String(url.path.dropFirst(Self.packageRoot.path.count + 1))
                guard Self.allowed[relative] == nil else { continue }
                let text = try String(contentsOf: url, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = line.trimmingCharacters(in: .whitespaces)
                    guard !code.hasPrefix("//") else { continue }
                    for call in Self.blockingCalls where code.contains(call) {
                        offenders.append("\(relative):\(number + 1): \(call)")
                    }
                }
            }
        }
        #expect(offenders == [], "blocking calls outside the pool: use BlockingWork, SerialWorker or ChildProcess")
        // The scan sees the files it guards (a moved package root would make it pass vacuously).
        #expect(FileManager.default.fileExists(atPath: Self.packageRoot.appendingPathComponent("Sources/RelayCore/ThreadPool.swift").path))
    }
}
