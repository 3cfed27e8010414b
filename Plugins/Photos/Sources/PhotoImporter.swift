public import Foundation
public import RelayKit
import RelayMedia

/// Imports photo and video files into the library, crash-safely.
///
/// For each file: read its metadata, write its thumbnail (and copy, when asked) to a temporary
/// name and rename it into place, then insert its row in a transaction of its own. A kill at any
/// moment therefore leaves either no row, or a complete row whose files exist; the only debris
/// is an unreferenced thumbnail, which the next import's `sweep` removes. Originals are only read.
public struct PhotoImporter: Sendable {
    /// The phone's home folder; the library's files live under `home/photos/`.
    public let home: URL
    /// Keep a copy of each original under `home/photos/originals/` instead of referring to it in place.
    public var copyOriginals: Bool

    /// Creates an importer writing under `home`.
    public init(home: URL, copyOriginals: Bool = false) {
        self.home = home
        self.copyOriginals = copyOriginals
    }

    /// A file whose files are written and whose row is ready to insert.
    public struct Prepared: Sendable {
        /// The row to insert.
        public var asset: PhotoAsset
        /// Labels seen in its pixels.
        public var labels: [String]
    }

    /// What an import did, file by file.
    public struct Report: Sendable, Codable, Hashable {
        /// Ids of the rows added.
        public var imported: [Int64] = []
        /// Paths already in the library (skipped, not duplicated).
        public var alreadyInLibrary: [String] = []
        /// Paths that could not be imported, with the reason.
        public var failed: [Failure] = []

        /// One file that failed.
        public struct Failure: Sendable, Codable, Hashable {
            /// The file.
            public var path: String
            /// Why, in one sentence.
            public var message: String
        }

        /// Creates an empty report.
        public init() {}
    }

    /// Progress of a running import.
    public enum Event: Sendable {
        /// A file was added as row `id`.
        case imported(path: String, id: Int64)
        /// A file was already in the library.
        case skipped(path: String)
        /// A file failed.
        case failed(path: String, message: String)
    }

    /// The library's own folder, `<home>/photos/` (thumbnails, copies): never imported from.
    public var libraryFolder: URL { photosFolder }
    var photosFolder: URL { home.appendingPathComponent("photos", isDirectory: true) }
    var thumbnailsFolder: URL { photosFolder.appendingPathComponent("thumbnails", isDirectory: true) }
    var originalsFolder: URL { photosFolder.appendingPathComponent("originals", isDirectory: true) }
    var lockFile: URL { photosFolder.appendingPathComponent("import.lock") }

    // MARK: Finding files

    /// The photo and video files named by `paths`: files as given, folders walked recursively
    /// (by file extension, hidden files skipped), in a stable order. Throws for a missing path.
    /// Files under `excluded` (the phone's home folder: the library's own thumbnails and copies) are left out.
    public static func collectFiles(_ paths: [URL], excluding excluded: URL? = nil) throws -> [URL] {
        if let missing = MediaFiles.missing(paths).first {
            throw PhotosError(.importFailed, "'\(missing.path)': no such file or folder.")
        }
        return MediaFiles.collect(paths, excluding: excluded)
    }

    // MARK: Importing

    /// Imports `files` one transaction per file, skipping those already in the library and
    /// adding the new ones to `album` (created if needed) when given.
    public func importFiles(
        _ files: [URL], album: String? = nil, into database: any LibraryAccess,
        progress: @Sendable (Event) -> Void = { _ in }
    ) async throws -> Report {
        let lock = try await ImportLock(url: lockFile)
        defer { withExtendedLifetime(lock) {} }
        _ = try await sweep(database)
        var report = Report()
        for url in files {
            try Task.checkCancellation()
            let key = url.standardizedFileURL.path
            if try await database.readLibrary({ db in try PhotosLibrary.asset(db, sourceKey: key) }) != nil {
                report.alreadyInLibrary.append(url.path)
                progress(.skipped(path: url.path))
                continue
            }
            do {
                let prepared = try await prepare(url)
                let inserted = try await database.writeLibrary { db in try Self.commit(prepared, album: album, db) }
                if let id = inserted?.id {
                    report.imported.append(id)
                    progress(.imported(path: url.path, id: id))
                } else {
                    discard(prepared)
                    report.alreadyInLibrary.append(url.path)
                    progress(.skipped(path: url.path))
                }
            } catch let error as PhotosError {
                report.failed.append(.init(path: url.path, message: error.message))
                progress(.failed(path: url.path, message: error.message))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let message = "'\(url.path)': \(error)"
                report.failed.append(.init(path: url.path, message: message))
                progress(.failed(path: url.path, message: message))
            }
        }
        return report
    }

    /// Inserts a prepared file (and adds it to `album`, creating the album if needed) inside the
    /// caller's transaction; returns nil when the same source is already in the library.
    public static func commit(_ prepared: Prepared, album: String?, _ db: Database) throws -> PhotoAsset? {
        if try PhotosLibrary.asset(db, sourceKey: prepared.asset.sourceKey) != nil { return nil }
        let asset = try PhotosLibrary.insert(db, prepared.asset, labels: prepared.labels)
        if let album, let id = asset.id {
            let target = try PhotosLibrary.album(db, named: album) ?? PhotosLibrary.createAlbum(db, name: album)
            if let albumID = target.id { try PhotosLibrary.add(db, ids: [id], toAlbum: albumID) }
        }
        return asset
    }

    /// Reads a file's metadata and writes its thumbnail (and copy) under their final names.
    public func prepare(_ url: URL) async throws -> Prepared {
        let source = url.standardizedFileURL
        let metadata = try MediaFileMetadata.read(source)
        let thumbnail = try await Thumbnailer.make(
            for: source, kind: metadata.kind, time: min(1, (metadata.duration ?? 0) / 2)
        )
        return try place(source: source, metadata: metadata, thumbnail: thumbnail, sourceKey: source.path, clipStart: nil)
    }

    /// Prepares a clip: the time range `start ..< start + duration` of a video, kept as a reference
    /// to the source file (the library has no video encoder; players seek to `clipStart`).
    public func prepareClip(of url: URL, start: Double, duration: Double) async throws -> Prepared {
        let source = url.standardizedFileURL
        var metadata = try MediaFileMetadata.read(source)
        guard metadata.kind == .video, let total = metadata.duration else {
            throw PhotosError(.importFailed, "'\(source.path)': a clip needs a video with a known duration.")
        }
        let start = min(max(0, start), total)
        let length = min(max(0, duration), total - start)
        guard length > 0 else {
            throw PhotosError(.invalidArgument, "'\(source.path)': the clip from \(start) s is empty (the video lasts \(total) s).")
        }
        metadata.duration = length
        metadata.createdAt = Date()
        let thumbnail = try await Thumbnailer.make(for: source, kind: .video, time: start)
        let key = "\(source.path)#t=\(formatSeconds(start)),\(formatSeconds(start + length))"
        var prepared = try place(source: source, metadata: metadata, thumbnail: thumbnail, sourceKey: key, clipStart: start)
        prepared.asset.storedPath = nil  // a clip always refers to its source: there is nothing to copy
        return prepared
    }

    /// Removes the files of a prepared import that was not committed.
    public func discard(_ prepared: Prepared) {
        for relative in [prepared.asset.thumbnailPath, prepared.asset.storedPath].compactMap({ $0 }) {
            try? FileManager.default.removeItem(at: home.appendingPathComponent(relative))
        }
    }

    /// Deletes files under the library's folders that no row refers to (debris of a killed import,
    /// or of Recently Deleted being emptied) and that are older than `minimumAge` seconds; returns how many.
    ///
    /// The age guard matters: a command running in another process may have written a thumbnail
    /// whose row is not committed yet; five minutes is far longer than any command's timeout.
    @discardableResult
    public func sweep(_ database: any LibraryAccess, minimumAge: Double = 300) async throws -> Int {
        let referenced = try await database.readLibrary { db in try PhotosLibrary.referencedFiles(db) }
        let cutoff = Date().addingTimeInterval(-minimumAge)
        var removed = 0
        for folder in [thumbnailsFolder, originalsFolder] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names {
                let url = folder.appendingPathComponent(name)
                guard !referenced.contains(relativePath(url)) else { continue }
                let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
                guard modified <= cutoff else { continue }
                if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
            }
        }
        return removed
    }

    /// Deletes the thumbnails and copies of assets removed for good (never the originals).
    public func deleteFiles(of assets: [PhotoAsset]) {
        for asset in assets {
            for relative in [asset.thumbnailPath, asset.storedPath].compactMap({ $0 }) {
                try? FileManager.default.removeItem(at: home.appendingPathComponent(relative))
            }
        }
    }

    // MARK: Files

    private func place(
        source: URL, metadata: MediaFileMetadata, thumbnail: Thumbnailer.Thumbnail, sourceKey: String, clipStart: Double?
    ) throws -> Prepared {
        let id = UUID().uuidString.lowercased()
        let thumbnailURL = thumbnailsFolder.appendingPathComponent("\(id).jpg")
        try writeAtomically(Data(thumbnail.jpeg), to: thumbnailURL)
        var storedPath: String?
        if copyOriginals {
            let ext = source.pathExtension.isEmpty ? "" : ".\(source.pathExtension.lowercased())"
            let copyURL = originalsFolder.appendingPathComponent("\(id)\(ext)")
            do {
                try copyAtomically(source, to: copyURL)
            } catch {
                try? FileManager.default.removeItem(at: thumbnailURL)
                throw error
            }
            storedPath = relativePath(copyURL)
        }
        let asset = PhotoAsset(
            kind: metadata.kind, filename: source.lastPathComponent, sourceKey: sourceKey, sourcePath: source.path,
            storedPath: storedPath, fileSize: metadata.fileSize, width: metadata.width, height: metadata.height,
            duration: metadata.duration, clipStart: clipStart, createdAt: metadata.createdAt,
            latitude: metadata.location?.latitude, longitude: metadata.location?.longitude,
            thumbnailPath: relativePath(thumbnailURL), importedAt: Date()
        )
        return Prepared(asset: asset, labels: thumbnail.labels + [metadata.kind.rawValue])
    }

    /// Writes to a hidden temporary name in the same folder, then renames: a reader sees all or nothing.
    private func writeAtomically(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
            // Same folder, fresh UUID name: a rename, atomic on POSIX file systems.
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PhotosError(.importFailed, "'\(url.path)': cannot write the thumbnail (\(error.localizedDescription)). Is the home folder writable and not full?")
        }
    }

    private func copyAtomically(_ source: URL, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: temporary)
            try FileManager.default.moveItem(at: temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PhotosError(.importFailed, "'\(source.path)': cannot copy it into the library (\(error.localizedDescription)). Is the home folder writable and not full?")
        }
    }

    func relativePath(_ url: URL) -> String {
        let base = home.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return path }
        return String(path.dropFirst(base.count + 1))
    }

    private func formatSeconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
