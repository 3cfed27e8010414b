public import Foundation
import CFuzzSupport
@_spi(Fuzzing) import RelayCore

/// The body of the current fuzz target. Set once, before libFuzzer starts, and only read afterwards on libFuzzer's
/// one thread (no `-fork`/`-jobs`), so the unchecked global is safe.
nonisolated(unsafe) private var currentTarget: ((UnsafeRawBufferPointer) -> Void)?

/// Runs a fuzz target two ways, so the targets build in every `swift build`:
///
/// - built by `Samples/scripts/fuzz.sh` (`-DFUZZING`, coverage instrumentation, AddressSanitizer, linked with
///   libclang_rt.fuzzer_no_main), `run` hands control to libFuzzer's driver with all its flags (`-max_total_time`, …);
/// - in a normal build, `run` replays the files (or the files in the folders) given as arguments, once each: the way to
///   re-run a crash file or a corpus under a debugger or the sanitized build, without libFuzzer.
///
/// *Why not `LLVMFuzzerTestOneInput` + libFuzzer's `main`:* SwiftPM links every executable with
/// `--defsym main=<module>_main`, which collides with libFuzzer's own `main`; `LLVMFuzzerRunDriver` avoids it.
public enum FuzzHarness {
    public static func run(_ body: @escaping (UnsafeRawBufferPointer) -> Void) -> Never {
        currentTarget = body
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            currentTarget?(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        })
        #else
        var files: [URL] = []
        for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
            let url = URL(fileURLWithPath: argument)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("\(argument): no such file\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                files += names.sorted().map { url.appendingPathComponent($0) }
            } else {
                files.append(url)
            }
        }
        if files.isEmpty {
            FileHandle.standardError.write(Data("usage: \(CommandLine.arguments[0]) FILE|FOLDER… (replays inputs; build with Samples/scripts/fuzz.sh to fuzz)\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = try? Data(contentsOf: file) else { continue }
            data.withUnsafeBytes { body($0) }
        }
        print("replayed \(files.count) inputs")
        exit(0)
        #endif
    }

    /// Runs async work to completion from the fuzzer's synchronous callback.
    ///
    /// The callback runs on the process's main thread (libFuzzer's driver loop), never on Swift's cooperative pool, so
    /// waiting here blocks no pool thread; the work itself runs on the pool as usual.
    public static func wait(_ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await work()
            done.signal()
        }
        done.wait()
        // The input is done only when the jobs it queued on the blocking pool are: a decoder closes on a pool thread
        // after its last owner lets go, and LeakSanitizer's check between inputs must not race that.
        BlockingWork.waitUntilIdle()
    }

    /// A per-process scratch file in /dev/shm (memory, not disk) holding one input: RelayMedia opens files by URL, and
    /// FFmpeg recognises the content by probing, not by the name.
    public static let scratch: URL = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return URL(fileURLWithPath: folder).appendingPathComponent("relay-fuzz-\(getpid()).bin")
    }()

    /// Writes `bytes` to `scratch` and returns its URL.
    public static func writeScratch(_ bytes: UnsafeRawBufferPointer) -> URL {
        _ = FileManager.default.createFile(atPath: scratch.path, contents: Data(bytes))
        return scratch
    }
}
