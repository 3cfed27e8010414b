public import Foundation

/// Which files are photos and videos, by name, and finding them in folders: what an importer walks.
///
/// It lives with the decoders (not in the Photos plugin) so that `relay photos import` can list the files it will hand
/// to the dispatcher one by one without importing a plugin.
public enum MediaFiles {
    /// Picture file name extensions, lowercased.
    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "bmp", "gif", "tif", "tiff", "heic"]
    /// Video file name extensions, lowercased.
    public static let videoExtensions: Set<String> = ["mp4", "m4v", "mov", "mkv", "webm", "avi", "3gp", "ts", "mpg", "mpeg"]

    /// The paths among `paths` that do not exist (to report before anything is done).
    public static func missing(_ paths: [URL]) -> [URL] {
        paths.filter { !FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The photo and video files named by `paths`: files as given, folders walked recursively (by file extension,
    /// hidden files skipped), in a stable order, symlinks resolved and each file once. Files under `excluded` (a
    /// library's own thumbnails and copies) are left out; paths that do not exist are skipped (see ``missing(_:)``).
    public static func collect(_ paths: [URL], excluding excluded: URL? = nil) -> [URL] {
        var files: [URL] = []
        let wanted = imageExtensions.union(videoExtensions)
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                guard let walker = FileManager.default.enumerator(
                    at: path, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
                ) else { continue }
                var found: [URL] = []
                for case let url as URL in walker where wanted.contains(url.pathExtension.lowercased()) {
                    found.append(url)
                }
                files += found.sorted { $0.path < $1.path }
            } else {
                files.append(path)
            }
        }
        var seen = Set<String>()
        let excludedPrefix = excluded.map { $0.standardizedFileURL.resolvingSymlinksInPath().path + "/" }
        return files.map { $0.standardizedFileURL.resolvingSymlinksInPath() }.filter { file in
            if let excludedPrefix, file.path.hasPrefix(excludedPrefix) { return false }
            return seen.insert(file.path).inserted
        }
    }
}
