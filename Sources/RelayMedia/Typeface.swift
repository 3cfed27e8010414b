import CFreeType
import Foundation
import RelayCore

/// A font at one pixel size: FreeType's library and face, owned here and freed in `deinit`, with a cache of the
/// anti-aliased glyphs drawn so far.
///
/// ```swift
/// let title = try Typeface(path: Typeface.dejaVuSansBold, pixelSize: 48)
/// var canvas = Canvas(width: 1080, height: 2400, color: .white)
/// canvas.draw("Settings", at: (48, 200), in: title, color: .black)
/// ```
///
/// Not `Sendable`: a FreeType face must not be used from two threads at once. Keep a typeface inside one actor,
/// one task or one lock (``ScreenRenderer`` in RelayKit keeps its faces behind one).
public final class Typeface {
    /// DejaVu Sans from Debian's `fonts-dejavu-core`.
    public static let dejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// DejaVu Sans Bold from Debian's `fonts-dejavu-core`.
    public static let dejaVuSansBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// One rasterised glyph: 8-bit coverage, packed rows, and where it sits relative to the pen.
    struct Glyph {
        var index: UInt32
        var width: Int
        var height: Int
        /// Pixels from the pen to the bitmap's left edge.
        var left: Int
        /// Pixels from the baseline up to the bitmap's top row.
        var top: Int
        /// Advance in 1/64 pixels.
        var advance: Int
        var coverage: [UInt8]
    }

    /// The font file.
    public let path: String
    /// The size glyphs are drawn at, in pixels per em.
    public let pixelSize: Int
    /// Pixels from the baseline up to the top of the tallest glyphs.
    public let ascender: Int
    /// Pixels from the baseline down to the bottom of the lowest glyphs (positive).
    public let descender: Int
    /// The distance between baselines.
    public let lineHeight: Int

    private let library: FT_Library
    private let face: FT_Face
    private let hasKerning: Bool
    private var glyphs: [Unicode.Scalar: Glyph] = [:]

    /// Loads the face in `path` at `pixelSize` pixels per em.
    /// - Throws: `MediaError.fontFailed` naming the file when it is missing, not a font, or cannot be sized.
    public init(path: String, pixelSize: Int) throws {
        guard (1...1024).contains(pixelSize) else {
            throw MediaError(.invalidArgument, path: path, operation: "loading the font at \(pixelSize) px", hint: "Use a size from 1 to 1024 pixels")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw MediaError(.fontFailed, path: path, operation: "loading the font", underlying: "no such file",
                             hint: "Install Debian's fonts-dejavu-core (Samples/scripts/install-deps.sh)")
        }
        var lib: FT_Library?
        let initialised = FT_Init_FreeType(&lib)
        guard initialised == 0, let lib else { throw Self.error(initialised, path, "starting FreeType", "FT_Init_FreeType") }
        var opened: FT_Face?
        let result = FT_New_Face(lib, path, 0, &opened)
        guard result == 0, let opened else {
            FT_Done_FreeType(lib)
            throw Self.error(result, path, "loading the font", "FT_New_Face", hint: "Is it a TrueType or OpenType font?")
        }
        let sized = FT_Set_Pixel_Sizes(opened, 0, FT_UInt(pixelSize))
        guard sized == 0 else {
            FT_Done_Face(opened)
            FT_Done_FreeType(lib)
            throw Self.error(sized, path, "sizing the font to \(pixelSize) px", "FT_Set_Pixel_Sizes")
        }
        library = lib
        face = opened
        self.path = path
        self.pixelSize = pixelSize
        hasKerning = cfreetype_has_kerning(opened) != 0
        let metrics = opened.pointee.size.pointee.metrics
        ascender = Int((metrics.ascender + 63) >> 6)
        descender = Int((-metrics.descender + 63) >> 6)
        lineHeight = Int((metrics.height + 63) >> 6)
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    private static func error(_ code: FT_Error, _ path: String, _ operation: String, _ function: String, hint: String? = nil) -> MediaError {
        MediaError(code == 0 ? .outOfMemory : .fontFailed, path: path, operation: operation,
                   underlying: String(cString: cfreetype_error_message(code)), cFunction: function, cCode: code, hint: hint)
    }

    /// The glyph of `scalar`, rasterised on first use. A character the font lacks gets its "missing" glyph, as
    /// FreeType gives it.
    func glyph(_ scalar: Unicode.Scalar) throws -> Glyph {
        if let cached = glyphs[scalar] { return cached }
        let index = FT_Get_Char_Index(face, FT_ULong(scalar.value))
        let loaded = FT_Load_Glyph(face, index, cfreetype_load_render_flags())
        guard loaded == 0 else {
            throw MediaError(.renderFailed, path: path, operation: "drawing the character U+\(String(scalar.value, radix: 16, uppercase: true))",
                             underlying: String(cString: cfreetype_error_message(loaded)), cFunction: "FT_Load_Glyph", cCode: loaded)
        }
        let slot = face.pointee.glyph.pointee
        let bitmap = slot.bitmap
        let width = Int(bitmap.width), height = Int(bitmap.rows)
        var coverage = [UInt8](repeating: 0, count: width * height)
        if width > 0, height > 0, let buffer = bitmap.buffer {
            guard Int32(bitmap.pixel_mode) == cfreetype_pixel_mode_gray() else {
                throw MediaError(.renderFailed, path: path, operation: "drawing the character U+\(String(scalar.value, radix: 16))",
                                 underlying: "FreeType returned pixel mode \(bitmap.pixel_mode), not 8-bit gray")
            }
            let pitch = Int(bitmap.pitch)
            coverage.withUnsafeMutableBufferPointer { out in
                for row in 0..<height {
                    // A negative pitch means the rows are stored bottom-up from `buffer` (FreeType's "upward flow").
                    let source = pitch >= 0 ? buffer + row * pitch : buffer + (height - 1 - row) * -pitch
                    for x in 0..<width { out[row * width + x] = source[x] }
                }
            }
        }
        let glyph = Glyph(index: index, width: width, height: height, left: Int(slot.bitmap_left), top: Int(slot.bitmap_top),
                          advance: Int(slot.advance.x), coverage: coverage)
        glyphs[scalar] = glyph
        return glyph
    }

    /// The kerning between two glyphs in 1/64 pixels (0 when the face has no kerning table).
    func kerning(_ left: UInt32, _ right: UInt32) -> Int {
        guard hasKerning, left != 0, right != 0 else { return 0 }
        var delta = FT_Vector()
        guard FT_Get_Kerning(face, left, right, cfreetype_kerning_default(), &delta) == 0 else { return 0 }
        return Int(delta.x)
    }

    /// The pen positions of `text`'s glyphs in 1/64 pixels from its start, with kerning, and the total advance.
    func layout(_ text: String) throws -> (glyphs: [(glyph: Glyph, x: Int)], advance: Int) {
        var placed: [(glyph: Glyph, x: Int)] = []
        var pen = 0
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            // Control characters (a newline in a label) take no space and draw nothing.
            if scalar.properties.generalCategory == .control { continue }
            let g = try glyph(scalar)
            pen += kerning(previous, g.index)
            placed.append((g, pen))
            pen += g.advance
            previous = g.index
        }
        return (placed, pen)
    }

    /// The width of `text` in pixels, with kerning.
    public func measure(_ text: String) throws -> Int {
        (try layout(text).advance + 63) >> 6
    }

    /// `text` if it fits in `maxWidth` pixels, else its longest prefix that fits with "…" after it ("" if not even "…" fits).
    public func truncated(_ text: String, toWidth maxWidth: Int) throws -> String {
        if try measure(text) <= maxWidth { return text }
        let ellipsis = "…"
        guard try measure(ellipsis) <= maxWidth else { return "" }
        // Binary search over character counts: the widths of prefixes grow with their length.
        let characters = Array(text)
        var low = 0, high = characters.count
        while low < high {
            let middle = (low + high + 1) / 2
            let candidate = String(characters[..<middle]).trimmingCharacters(in: .whitespaces) + ellipsis
            if try measure(candidate) <= maxWidth { low = middle } else { high = middle - 1 }
        }
        return String(characters[..<low]).trimmingCharacters(in: .whitespaces) + ellipsis
    }
}
