import Foundation
import RelayCore
import RelayTestSupport
import Testing

/// Child processes are awaited, read concurrently, fed, timed out and cancelled.
@Suite struct ChildProcessTests {
    @Test func collectsBothStreamsAndTheStatus() async throws {
        let run = try await ChildProcess("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"]).run()
        #expect(run.stdoutText == "out\n")
        #expect(run.stderrText == "err")
        #expect(run.status == 3 && !run.wasSignalled && !run.timedOut && !run.succeeded)
    }

    @Test func largeOutputOnBothPipesCannotDeadlock() async throws {
        // 4 MB on each pipe, interleaved: a reader that drained one pipe before the other would block the child.
        let script = "i=0; while [ $i -lt 64 ]; do head -c 65536 /dev/zero; head -c 65536 /dev/zero >&2; i=$((i+1)); done"
        let run = try await ChildProcess("/bin/sh", ["-c", script], timeout: .seconds(30)).run()
        #expect(run.succeeded)
        #expect(run.stdout.count == 64 * 65536 && run.stderr.count == 64 * 65536)
    }

    @Test func standardInputIsFedAndClosed() async throws {
        let input = Data((0..<200_000).map { UInt8($0 % 251) })
        let run = try await ChildProcess("/bin/cat", [], input: input).run()
        #expect(run.stdout == input)
    }

    @Test func environmentCanBeSetAndRemoved() async throws {
        let run = try await ChildProcess("/bin/sh", ["-c", "echo \"$A|${HOME-unset}\""], environment: ["A": "1", "HOME": nil]).run()
        #expect(run.stdoutText == "1|unset\n")
    }

    @Test func aChildThatHangsIsEndedAtItsTimeLimit() async throws {
        try await asUserCommand {
            let start = ContinuousClock.now
            let run = try await ChildProcess("/bin/sleep", ["30"], timeout: .milliseconds(300)).run()
            #expect(run.timedOut && run.wasSignalled && run.status == SIGTERM, "status \(run.status), signalled \(run.wasSignalled)")
            #expect(ContinuousClock.now - start < .seconds(3))
            await #expect(throws: ChildProcessError.self) { try await ChildProcess("/bin/sleep", ["30"], timeout: .milliseconds(100)).checkedRun() }
        }
    }

    @Test func aChildThatIgnoresSIGTERMIsKilled() async throws {
        try await asUserCommand {
            let run = try await ChildProcess("/bin/sh", ["-c", "trap '' TERM; while true; do sleep 0.05; done"], timeout: .milliseconds(200)).run()
            #expect(run.timedOut && run.wasSignalled && run.status == SIGKILL)
        }
    }

    @Test func cancellingTheTaskEndsTheChild() async throws {
        try await asUserCommand {
            let task = Task { try await ChildProcess("/bin/sleep", ["30"]).run() }
            try await Task.sleep(for: .milliseconds(200))
            let start = ContinuousClock.now
            task.cancel()
            let run = try await task.value
            #expect(run.wasSignalled)
            #expect(ContinuousClock.now - start < .seconds(3))
        }
    }

    @Test func aMissingProgramIsAClearError() async {
        let error = await #expect(throws: ChildProcessError.self) { try await ChildProcess("/nonexistent/tool", ["x"]).run() }
        #expect(error?.description.contains("/nonexistent/tool x could not be started") == true)
    }

    @Test func checkedRunNamesTheProgramAndItsMessage() async {
        let error = await #expect(throws: ChildProcessError.self) {
            try await ChildProcess("/bin/sh", ["-c", "echo broken >&2; exit 1"]).checkedRun()
        }
        #expect(error?.description == "/bin/sh -c echo broken >&2; exit 1 exited with status 1: broken")
    }
}
