import Foundation

/// Pictures decoded from files and fitted to the rectangles they are drawn in, kept across screenshots, so a photo is
/// decoded once and scaled once per size rather than on every screen that shows it.
///
/// An entry's key is the file's path, its modification (time to the nanosecond, size, inode: a file rewritten in place
/// or replaced is a new picture) and, for a fitted picture, its size; the file is `stat`-ed on every lookup, which
/// costs microseconds. Two kinds of entry share one budget of bytes: a decoded picture (as the file holds it) and
/// fitted ones (centre-cropped to the rectangle's aspect ratio, then scaled by swscale to exactly its size), so
/// drawing a fitted picture is a copy of rows. Past ``capacityBytes`` (or ``capacityEntries``) the least recently
/// used entries are dropped and their pixels freed. A file that cannot be decoded is remembered as such (for that
/// modification), so it is not decoded again on every screenshot.
///
/// A value with one owner: whoever holds it serializes its use (``ScreenRenderer`` keeps it behind its lock and only
/// ``Statistics`` leave). Lookups decode and scale synchronously: run them off Swift's cooperative pool (the renderer
/// draws on `BlockingWork`).
public struct ThumbnailCache: Sendable {
    /// What the cache has done since it was made.
    public struct Statistics: Sendable, Hashable, CustomStringConvertible {
        /// Files decoded (successfully or not).
        public var decodes = 0
        /// Decoded pictures fitted to a size.
        public var fits = 0
        /// Lookups answered without decoding or fitting.
        public var hits = 0
        /// Entries dropped to stay within the budget.
        public var evictions = 0
        /// Entries held now.
        public var entries = 0
        /// Pixel bytes held now.
        public var bytes = 0

        public var description: String {
            "\(decodes) decoded, \(fits) fitted, \(hits) hits, \(evictions) evicted; \(entries) held, \(bytes / 1024) KB"
        }
    }

    /// The most pixel bytes kept (a 1080-pixel-wide photo is about 2.3 MB, a grid tile at 1080×2400 about 0.36 MB).
    public let capacityBytes: Int
    /// The most entries kept (failed decodes hold no bytes but count here).
    public let capacityEntries: Int
    /// What it has done.
    public private(set) var statistics = Statistics()

    private struct Version: Hashable {
        var path: String
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    private struct Key: Hashable {
        var version: Version
        /// nil for the decoded picture itself.
        var fitted: FrameSize?
    }

    private struct Entry {
        var frame: Frame?
        var lastUse: UInt64
        var bytes: Int { frame?.rgb.count ?? 0 }
    }

    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0

    /// An empty cache holding at most `capacityBytes` of pixels in at most `capacityEntries` entries.
    public init(capacityBytes: Int = 48 << 20, capacityEntries: Int = 512) {
        self.capacityBytes = max(0, capacityBytes)
        self.capacityEntries = max(1, capacityEntries)
    }

    /// The picture at `path` centre-cropped and scaled to exactly `size`, or nil when the file is missing or cannot
    /// be decoded.
    public mutating func picture(at path: String, fitting size: FrameSize) -> Frame? {
        guard size.width > 0, size.height > 0, let version = Self.version(of: path) else { return nil }
        let key = Key(version: version, fitted: size), sourceKey = Key(version: version, fitted: nil)
        if let entry = use(key) { return entry.frame }
        let source: Frame
        if let entry = use(sourceKey) {
            guard let frame = entry.frame else { return nil }  // remembered: this version does not decode
            source = frame
        } else {
            statistics.decodes += 1
            guard let decoded = try? ImageCodec.decode(URL(fileURLWithPath: path)), decoded.width > 0, decoded.height > 0 else {
                store(nil, for: sourceKey)
                return nil
            }
            store(decoded, for: sourceKey)
            source = decoded
        }
        statistics.fits += 1
        let fitted = Self.fit(source, to: size)
        store(fitted, for: key)
        return fitted
    }

    /// The entry for `key`, marked as just used (a hit), or nil.
    private mutating func use(_ key: Key) -> Entry? {
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        statistics.hits += 1
        return entry
    }

    private mutating func store(_ frame: Frame?, for key: Key) {
        clock += 1
        let entry = Entry(frame: frame, lastUse: clock)
        // One picture larger than the whole budget is drawn but not kept.
        guard entry.bytes <= capacityBytes else { return }
        entries[key] = entry
        statistics.bytes += entry.bytes
        statistics.entries = entries.count
        evict()
    }

    /// Drops the least recently used entries until the budget holds (the newest entry always stays).
    private mutating func evict() {
        while statistics.bytes > capacityBytes || entries.count > capacityEntries,
              let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
            entries[oldest.key] = nil
            statistics.bytes -= oldest.value.bytes
            statistics.evictions += 1
        }
        statistics.entries = entries.count
    }

    /// Forgets every entry (their pixels are freed unless a caller still holds a copy).
    public mutating func removeAll() {
        entries.removeAll()
        statistics.entries = 0
        statistics.bytes = 0
    }

    /// What makes one version of a file: path, modification time, size and inode; nil when it cannot be `stat`-ed.
    private static func version(of path: String) -> Version? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Version(path: path, seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                       size: Int64(info.st_size), inode: UInt64(info.st_ino))
    }

    /// `image` centre-cropped to `size`'s aspect ratio and scaled to exactly `size` (swscale, bicubic: a 256-pixel
    /// thumbnail blown up to a photo screen's 1000-odd pixels takes a few milliseconds, where ``Canvas``'s bilinear
    /// loop took tens); Canvas's scaling only if swscale fails.
    static func fit(_ image: Frame, to size: FrameSize) -> Frame {
        let rect = PixelRect(x: 0, y: 0, width: size.width, height: size.height)
        let cropped = image.centerCropped(to: rect)
        if let scaled = try? cropped.resized(to: size) { return scaled }
        var canvas = Canvas(width: size.width, height: size.height, color: .black)
        canvas.draw(cropped, in: rect)
        return canvas.frame
    }
}

extension Frame {
    /// The middle part of the picture with `rect`'s aspect ratio (the picture itself when it already has it).
    public func centerCropped(to rect: PixelRect) -> Frame {
        let target = Double(rect.width) / Double(max(1, rect.height)), aspect = Double(width) / Double(height)
        var w = width, h = height
        if aspect > target { w = max(1, Int(Double(h) * target)) } else { h = max(1, Int(Double(w) / target)) }
        let x0 = (width - w) / 2, y0 = (height - h) / 2
        guard w != width || h != height else { return self }
        var cropped = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            let source = ((y0 + y) * width + x0) * 3
            cropped.replaceSubrange(y * w * 3..<(y + 1) * w * 3, with: rgb[source..<source + w * 3])
        }
        return Frame(width: w, height: h, rgb: cropped)
    }
}
