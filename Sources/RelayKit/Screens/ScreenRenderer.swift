import Foundation
public import RelayMedia

/// Paints a ``ScreenLayout`` onto a ``Canvas`` with FreeType text (DejaVu Sans), in light or dark colours.
///
/// One renderer keeps its typefaces (one FreeType face per size and weight, each with its glyph cache) for as long as
/// it lives, so a second screenshot draws from cached glyphs, and its pictures (a ``ThumbnailCache``: each photo
/// decoded once, fitted once per size), so a screen of thumbnails costs their decoding only the first time any screen
/// shows them. Rendering is CPU work of a few milliseconds to tens of
/// milliseconds; callers on Swift's cooperative pool run it through `BlockingWork` (``PhoneScreen`` does).
///
/// `@unchecked Sendable`: the typefaces are FreeType faces, which must not be used from two threads at once, and the
/// picture cache is a value with one owner; every use of either happens inside `lock`, so the renderer can be shared.
public final class ScreenRenderer: @unchecked Sendable {
    private let lock = NSLock()
    private var faces: [Int: Typeface] = [:]
    private var thumbnails: ThumbnailCache
    private let regular: String
    private let bold: String

    /// A renderer drawing with the font files `regular` and `bold` (default: Debian's DejaVu Sans), keeping at most
    /// `pictureBytes` of decoded and fitted pictures.
    /// - Throws: `MediaError.fontFailed` when a font cannot be loaded.
    public init(regular: String = Typeface.dejaVuSans, bold: String = Typeface.dejaVuSansBold, pictureBytes: Int = 48 << 20) throws {
        self.regular = regular
        self.bold = bold
        thumbnails = ThumbnailCache(capacityBytes: pictureBytes)
        // Load one face of each now, so a missing font fails here rather than in the middle of a screenshot.
        _ = try face(size: 16, bold: false)
        _ = try face(size: 16, bold: true)
    }

    private func face(size: Int, bold isBold: Bool) throws -> Typeface {
        let key = size * 2 + (isBold ? 1 : 0)
        if let face = faces[key] { return face }
        let face = try Typeface(path: isBold ? bold : regular, pixelSize: max(1, size))
        faces[key] = face
        return face
    }

    /// The colours of the light and dark themes.
    static func color(_ role: ScreenColor, dark: Bool) -> RGBColor {
        switch role {
        case .background: RGBColor(hex: dark ? 0x141218 : 0xFEF7FF)
        case .surface: RGBColor(hex: dark ? 0x2B2930 : 0xF3EDF7)
        case .text: RGBColor(hex: dark ? 0xE6E0E9 : 0x1D1B20)
        case .secondary: RGBColor(hex: dark ? 0xCAC4D0 : 0x49454F)
        case .accent: RGBColor(hex: dark ? 0xD0BCFF : 0x6750A4)
        case .accentContainer: RGBColor(hex: dark ? 0x4F378B : 0xEADDFF)
        case .onAccent: RGBColor(hex: dark ? 0x381E72 : 0xFFFFFF)
        case .divider: RGBColor(hex: dark ? 0x49454F : 0xE7E0EC)
        case .outline: RGBColor(hex: dark ? 0x938F99 : 0x79747E)
        case .track: RGBColor(hex: dark ? 0x36343B : 0xE6E0E9)
        case .icon(let i):
            [RGBColor(hex: 0x1E88E5), RGBColor(hex: 0x43A047), RGBColor(hex: 0xF4511E), RGBColor(hex: 0x8E24AA),
             RGBColor(hex: 0x00897B), RGBColor(hex: 0x6D4C41), RGBColor(hex: 0xE53935), RGBColor(hex: 0x3949AB)][i % 8]
        }
    }

    /// Draws `layout`: content clipped to its viewport, then the status, app and navigation bars and the keyboard.
    public func render(_ layout: ScreenLayout, dark: Bool = false) throws -> Canvas {
        lock.lock()
        defer { lock.unlock() }
        var canvas = Canvas(width: layout.width, height: layout.height, color: Self.color(.background, dark: dark))
        canvas.clip = layout.viewport
        try paint(layout.content, on: &canvas, dark: dark)
        canvas.clip = PixelRect(x: 0, y: 0, width: layout.width, height: layout.height)
        try paint(layout.chrome, on: &canvas, dark: dark)
        try paint(layout.overlay, on: &canvas, dark: dark)
        return canvas
    }

    private func paint(_ items: [ScreenPaint], on canvas: inout Canvas, dark: Bool) throws {
        for item in items {
            switch item {
            case .rect(let rect, let role, let radius):
                canvas.fillRoundedRect(rect, radius: radius, Self.color(role, dark: dark))
            case .text(let text, let x, let y, let size, let isBold, let role, let maxWidth):
                try canvas.draw(text, at: (x, y), in: face(size: size, bold: isBold), color: Self.color(role, dark: dark), maxWidth: maxWidth)
            case .centered(let text, let rect, let size, let isBold, let role):
                try canvas.draw(text, centeredIn: rect, in: face(size: size, bold: isBold), color: Self.color(role, dark: dark))
            case .scrim(let rect):
                canvas.fill(rect, .black, opacity: dark ? 150 : 110)
            case .image(let path, let rect):
                // Off-screen tiles (the rest of a scrolled grid) are neither decoded nor drawn.
                guard !rect.intersection(canvas.clip).isEmpty else { continue }
                if let path, let image = thumbnails.picture(at: path, fitting: FrameSize(width: rect.width, height: rect.height)) {
                    canvas.draw(image, at: (rect.x, rect.y))
                } else {
                    canvas.fillRoundedRect(rect, radius: 0, Self.color(.track, dark: dark))
                }
            }
        }
    }

    /// What the picture cache has done (decodes, fits, hits, evictions, bytes held).
    public var pictureStatistics: ThumbnailCache.Statistics {
        lock.lock()
        defer { lock.unlock() }
        return thumbnails.statistics
    }
}
