import Foundation
import PhotosPlugin
import RelayKit
import RelayKitTesting
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Kills `relay photos import` with SIGKILL mid-way and checks the library is consistent, then that a
/// re-run completes it without duplicates. Runs the real binary built next to the tests.
@Suite struct PhotosCrashSafetyTests {
    @Test func killDuringImportLeavesAConsistentLibrary() async throws {
        let media = try MediaFixtures()
        defer { media.remove() }
        let pictures = media.folder.appendingPathComponent("pictures", isDirectory: true)
        try FileManager.default.createDirectory(at: pictures, withIntermediateDirectories: true)
        // 40 small PNGs in one ffmpeg run: every frame of testsrc2 differs.
        try await Fixtures.ffmpeg(["-f", "lavfi", "-i", "testsrc2=s=64x48:r=10", "-frames:v", "40", pictures.appendingPathComponent("img_%03d.png").path])
        let home = media.folder.appendingPathComponent("home", isDirectory: true)
        let thumbnails = home.appendingPathComponent("photos/thumbnails", isDirectory: true)

        // 1. Start the import and SIGKILL it once a few thumbnails exist. The watcher polls on a pool thread
        // of its own, so its timing does not depend on how busy the rest of the suite keeps the machine.
        let child = try Self.startImport(pictures, home)
        let wasRunning = await Self.killWhen(child, minimumFiles: 3, in: thumbnails)
        let killed = await child.output()
        #expect(wasRunning, "the import finished before it could be killed; the test proves nothing")
        #expect(killed.wasSignalled && killed.status == SIGKILL)

        // 2. The library is consistent: every row complete, its thumbnail present; debris at most one file.
        let afterKill = try await Self.inspect(home)
        #expect(afterKill.integrity == "ok")
        #expect(afterKill.rows > 0 && afterKill.rows < 40)
        #expect(afterKill.missingThumbnails == [])
        #expect(afterKill.rowsWithoutLabels == 0)
        #expect(afterKill.distinctSources == afterKill.rows)
        #expect(afterKill.unreferencedFiles.count <= 1)

        // 3. A re-run imports exactly what is missing.
        let rerun = await (try Self.startImport(pictures, home)).output()
        #expect(rerun.succeeded, "\(rerun.stderrText)")
        let complete = try await Self.inspect(home)
        #expect(complete.rows == 40)
        #expect(complete.distinctSources == 40)
        #expect(complete.missingThumbnails == [])
        #expect(complete.rowsWithoutLabels == 0)

        // 4. A sweep removes the killed run's debris and nothing else.
        let store = try SubsystemStore(subsystem: PhotosSubsystem(), home: home)
        let swept = try await PhotoImporter(home: home).sweep(store.queue, minimumAge: 0)
        #expect(swept == afterKill.unreferencedFiles.count)
        let clean = try await Self.inspect(home)
        #expect(clean.unreferencedFiles == [])
        #expect(clean.missingThumbnails == [])
    }

    /// Polls `folder` every millisecond on a pool thread and SIGKILLs `child` once it holds `minimumFiles` files;
    /// returns whether the child was still running when killed.
    static func killWhen(_ child: RunningChild, minimumFiles: Int, in folder: URL) async -> Bool {
        await BlockingWork.run {
            let deadline = Date().addingTimeInterval(60)
            while child.isRunning, Date() < deadline {
                let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).count) ?? 0
                if written >= minimumFiles { break }
                usleep(1_000)
            }
            let running = child.isRunning
            child.send(SIGKILL)
            return running
        }
    }

    static func startImport(_ folder: URL, _ home: URL) throws -> RunningChild {
        try ChildProcess(RelayCLI.binary.path, ["photos", "import", folder.path, "--home", home.path]).start()
    }

    struct Inspection {
        var integrity: String
        var rows: Int
        var distinctSources: Int
        var rowsWithoutLabels: Int
        var missingThumbnails: [String]
        var unreferencedFiles: [String]
    }

    /// Opens the library as a new process would and checks rows against files.
    static func inspect(_ home: URL) async throws -> Inspection {
        let store = try SubsystemStore(subsystem: PhotosSubsystem(), home: home)
        let (integrity, rows, distinct, unlabelled, referenced) = try await store.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "",
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM asset") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT sourcePath) FROM asset") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM asset WHERE id NOT IN (SELECT assetId FROM assetLabel)") ?? -1,
                try String.fetchAll(db, sql: "SELECT thumbnailPath FROM asset")
            )
        }
        let missing = referenced.filter { path in
            guard let data = FileManager.default.contents(atPath: home.appendingPathComponent(path).path) else { return true }
            return !data.starts(with: [0xFF, 0xD8])  // must be a whole JPEG, never a partial file
        }
        let folder = home.appendingPathComponent("photos/thumbnails")
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let unreferenced = onDisk.map { "photos/thumbnails/\($0)" }.filter { !Set(referenced).contains($0) }
        return Inspection(
            integrity: integrity, rows: rows, distinctSources: distinct, rowsWithoutLabels: unlabelled,
            missingThumbnails: missing, unreferencedFiles: unreferenced
        )
    }
}
