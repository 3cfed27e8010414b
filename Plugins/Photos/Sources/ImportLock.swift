import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a file (`flock`), held while importing or sweeping.
///
/// The kernel drops it when the process dies, even by kill -9, so a crashed import never
/// leaves the library locked. Holding it lets the sweep delete unreferenced files safely:
/// no other import can be between writing a thumbnail and committing its row.
final class ImportLock {
    private let descriptor: Int32

    /// Waits (polling, so the calling task stays cancellable) until the lock on `url` is ours.
    init(url: URL) async throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PhotosError(.importFailed, "'\(url.path)': cannot open the import lock (errno \(errno)). Check the home folder's permissions.")
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                close(fd)
                throw error
            }
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
