/// A colour of a ``Canvas``: 8-bit RGB.
public struct RGBColor: Sendable, Hashable {
    /// Red.
    public var r: UInt8
    /// Green.
    public var g: UInt8
    /// Blue.
    public var b: UInt8

    /// Creates a colour.
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// `0xRRGGBB`.
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    /// White.
    public static let white = RGBColor(255, 255, 255)
    /// Black.
    public static let black = RGBColor(0, 0, 0)

    /// This colour mixed with `other`: `amount` 0 is this colour, 255 is `other`.
    public func blended(with other: RGBColor, amount: Int) -> RGBColor {
        let a = max(0, min(255, amount)), k = 255 - a
        return RGBColor(UInt8((Int(r) * k + Int(other.r) * a + 127) / 255), UInt8((Int(g) * k + Int(other.g) * a + 127) / 255),
                        UInt8((Int(b) * k + Int(other.b) * a + 127) / 255))
    }
}

/// A rectangle in pixels: origin at the top left, y down.
public struct PixelRect: Sendable, Hashable, CustomStringConvertible {
    /// Left edge.
    public var x: Int
    /// Top edge.
    public var y: Int
    /// Width.
    public var width: Int
    /// Height.
    public var height: Int

    /// Creates a rectangle.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// One past the right edge.
    public var maxX: Int { x + width }
    /// One past the bottom edge.
    public var maxY: Int { y + height }
    /// The centre point.
    public var center: (x: Int, y: Int) { (x + width / 2, y + height / 2) }
    /// Whether it has no area.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Whether the pixel (`px`, `py`) is inside.
    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// The overlap with `other` (empty when they do not overlap).
    public func intersection(_ other: PixelRect) -> PixelRect {
        let x0 = max(x, other.x), y0 = max(y, other.y), x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return PixelRect(x: x0, y: y0, width: max(0, x1 - x0), height: max(0, y1 - y0))
    }

    /// Shrunk by `dx` on the left and right and `dy` on the top and bottom.
    public func insetBy(dx: Int, dy: Int) -> PixelRect { PixelRect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy) }

    /// `[x1, y1, x2, y2]`, as AndroidWorld and Qwen's grounding write boxes.
    public var corners: [Int] { [x, y, maxX, maxY] }
    /// `"[x1,y1][x2,y2]"`, Android's `bounds` attribute.
    public var description: String { "[\(x),\(y)][\(maxX),\(maxY)]" }
}

/// An RGB picture to draw on: filled and rounded rectangles, anti-aliased text, scaled images; encoded to PNG or JPEG
/// by ``ImageCodec``.
///
/// Everything drawn is clipped to the canvas and to ``clip``, so a caller never has to check bounds.
public struct Canvas: Sendable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Packed RGB rows, `width * 3` bytes each.
    public private(set) var rgb: [UInt8]
    /// Drawing outside this rectangle is dropped (a scrolled list's viewport); the whole canvas by default.
    public var clip: PixelRect

    /// A canvas filled with `color`.
    public init(width: Int, height: Int, color: RGBColor = .white) {
        precondition(width > 0 && height > 0 && width <= 16_384 && height <= 16_384, "canvas size \(width)x\(height)")
        self.width = width
        self.height = height
        rgb = [UInt8](repeating: 0, count: width * height * 3)
        clip = PixelRect(x: 0, y: 0, width: width, height: height)
        fill(clip, color)
    }

    /// The picture as a ``Frame`` (no copy until one of them changes).
    public var frame: Frame { Frame(width: width, height: height, rgb: rgb) }

    /// The colour at (`x`, `y`).
    public func pixel(x: Int, y: Int) -> RGBColor {
        let i = (y * width + x) * 3
        return RGBColor(rgb[i], rgb[i + 1], rgb[i + 2])
    }

    private var bounds: PixelRect { clip.intersection(PixelRect(x: 0, y: 0, width: width, height: height)) }

    /// Fills `rect` with `color`.
    public mutating func fill(_ rect: PixelRect, _ color: RGBColor) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let w = width
        rgb.withUnsafeMutableBufferPointer { p in
            for y in r.y..<r.maxY {
                var i = (y * w + r.x) * 3
                for _ in 0..<r.width {
                    p[i] = color.r; p[i + 1] = color.g; p[i + 2] = color.b
                    i += 3
                }
            }
        }
    }

    /// Mixes `color` into `rect` with `opacity` 0...255 (a dialog's scrim over the screen).
    public mutating func fill(_ rect: PixelRect, _ color: RGBColor, opacity: Int) {
        let r = rect.intersection(bounds), a = max(0, min(255, opacity)), k = 255 - a
        guard !r.isEmpty, a > 0 else { return }
        let w = width
        let (cr, cg, cb) = (Int(color.r) * a, Int(color.g) * a, Int(color.b) * a)
        rgb.withUnsafeMutableBufferPointer { p in
            for y in r.y..<r.maxY {
                var i = (y * w + r.x) * 3
                for _ in 0..<r.width {
                    p[i] = UInt8((Int(p[i]) * k + cr + 127) / 255)
                    p[i + 1] = UInt8((Int(p[i + 1]) * k + cg + 127) / 255)
                    p[i + 2] = UInt8((Int(p[i + 2]) * k + cb + 127) / 255)
                    i += 3
                }
            }
        }
    }

    /// Mixes `color` into one pixel with coverage `alpha` (0...255); outside the clip it does nothing.
    @inline(__always)
    private mutating func blend(x: Int, y: Int, _ color: RGBColor, alpha: Int, within visible: PixelRect) {
        guard alpha > 0, visible.contains(x: x, y: y) else { return }
        let i = (y * width + x) * 3
        if alpha >= 255 {
            rgb[i] = color.r; rgb[i + 1] = color.g; rgb[i + 2] = color.b
            return
        }
        let k = 255 - alpha
        rgb[i] = UInt8((Int(rgb[i]) * k + Int(color.r) * alpha + 127) / 255)
        rgb[i + 1] = UInt8((Int(rgb[i + 1]) * k + Int(color.g) * alpha + 127) / 255)
        rgb[i + 2] = UInt8((Int(rgb[i + 2]) * k + Int(color.b) * alpha + 127) / 255)
    }

    /// Fills `rect` with corners rounded to `radius` pixels; the corners' edges are anti-aliased (4×4 samples a pixel).
    public mutating func fillRoundedRect(_ rect: PixelRect, radius: Int, _ color: RGBColor) {
        let radius = max(0, min(radius, rect.width / 2, rect.height / 2))
        guard radius > 0 else { return fill(rect, color) }
        // The straight parts: a cross of two rectangles.
        fill(PixelRect(x: rect.x + radius, y: rect.y, width: rect.width - 2 * radius, height: rect.height), color)
        fill(PixelRect(x: rect.x, y: rect.y + radius, width: radius, height: rect.height - 2 * radius), color)
        fill(PixelRect(x: rect.maxX - radius, y: rect.y + radius, width: radius, height: rect.height - 2 * radius), color)
        // The four corners: coverage of each pixel by the quarter circle, sampled.
        let r = Double(radius), visible = bounds
        for cy in 0..<radius {
            for cx in 0..<radius {
                var inside = 0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let dx = r - (Double(cx) + (Double(sx) + 0.5) / 4)
                        let dy = r - (Double(cy) + (Double(sy) + 0.5) / 4)
                        if dx * dx + dy * dy <= r * r { inside += 1 }
                    }
                }
                guard inside > 0 else { continue }
                let alpha = inside * 255 / 16
                blend(x: rect.x + cx, y: rect.y + cy, color, alpha: alpha, within: visible)
                blend(x: rect.maxX - 1 - cx, y: rect.y + cy, color, alpha: alpha, within: visible)
                blend(x: rect.x + cx, y: rect.maxY - 1 - cy, color, alpha: alpha, within: visible)
                blend(x: rect.maxX - 1 - cx, y: rect.maxY - 1 - cy, color, alpha: alpha, within: visible)
            }
        }
    }

    /// Fills a circle (anti-aliased) centred in `rect`'s square.
    public mutating func fillCircle(center: (x: Int, y: Int), radius: Int, _ color: RGBColor) {
        fillRoundedRect(PixelRect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius), radius: radius, color)
    }

    /// Draws `text` in one line with its baseline at `origin.y`, starting at `origin.x`, anti-aliased and kerned.
    /// With `maxWidth`, text that does not fit ends in "…". Returns the width drawn.
    @discardableResult
    public mutating func draw(_ text: String, at origin: (x: Int, y: Int), in typeface: Typeface, color: RGBColor,
                              maxWidth: Int? = nil) throws -> Int {
        let shown = try maxWidth.map { try typeface.truncated(text, toWidth: $0) } ?? text
        let (glyphs, advance) = try typeface.layout(shown)
        let visible = bounds
        for (glyph, pen) in glyphs where glyph.width > 0 {
            let left = origin.x + (pen + 32) >> 6 + glyph.left
            let top = origin.y - glyph.top
            for row in 0..<glyph.height {
                let base = row * glyph.width
                for column in 0..<glyph.width {
                    blend(x: left + column, y: top + row, color, alpha: Int(glyph.coverage[base + column]), within: visible)
                }
            }
        }
        return (advance + 63) >> 6
    }

    /// Draws `text` centred horizontally in `rect` and vertically on its middle line (cap height); truncated to fit.
    @discardableResult
    public mutating func draw(_ text: String, centeredIn rect: PixelRect, in typeface: Typeface, color: RGBColor) throws -> Int {
        let shown = try typeface.truncated(text, toWidth: rect.width)
        let width = try typeface.measure(shown)
        let baseline = rect.y + (rect.height + typeface.ascender - typeface.descender) / 2
        return try draw(shown, at: (rect.x + (rect.width - width) / 2, baseline), in: typeface, color: color)
    }

    /// Draws `image` scaled to fill `rect` (bilinear; the aspect ratio is `rect`'s, so crop first to keep it).
    public mutating func draw(_ image: Frame, in rect: PixelRect) {
        guard image.width > 0, image.height > 0, !rect.isEmpty else { return }
        let visible = rect.intersection(bounds)
        guard !visible.isEmpty else { return }
        let sx = Double(image.width) / Double(rect.width), sy = Double(image.height) / Double(rect.height)
        let iw = image.width, ih = image.height, w = width
        image.rgb.withUnsafeBufferPointer { src in
            rgb.withUnsafeMutableBufferPointer { dst in
                for y in visible.y..<visible.maxY {
                    let fy = max(0, (Double(y - rect.y) + 0.5) * sy - 0.5)
                    let y0 = min(ih - 1, Int(fy)), y1 = min(ih - 1, y0 + 1), wy = fy - Double(y0)
                    for x in visible.x..<visible.maxX {
                        let fx = max(0, (Double(x - rect.x) + 0.5) * sx - 0.5)
                        let x0 = min(iw - 1, Int(fx)), x1 = min(iw - 1, x0 + 1), wx = fx - Double(x0)
                        let o = (y * w + x) * 3
                        for c in 0..<3 {
                            let top = Double(src[(y0 * iw + x0) * 3 + c]) * (1 - wx) + Double(src[(y0 * iw + x1) * 3 + c]) * wx
                            let bottom = Double(src[(y1 * iw + x0) * 3 + c]) * (1 - wx) + Double(src[(y1 * iw + x1) * 3 + c]) * wx
                            dst[o + c] = UInt8(max(0, min(255, (top * (1 - wy) + bottom * wy).rounded())))
                        }
                    }
                }
            }
        }
    }

    /// Copies `image` with its top-left corner at (`x`, `y`), unscaled, clipped (a picture already fitted to its
    /// rectangle, as ``ThumbnailCache`` keeps them).
    public mutating func draw(_ image: Frame, at origin: (x: Int, y: Int)) {
        let visible = PixelRect(x: origin.x, y: origin.y, width: image.width, height: image.height).intersection(bounds)
        guard !visible.isEmpty, image.rgb.count == image.width * image.height * 3 else { return }
        let iw = image.width, w = width, rowBytes = visible.width * 3
        image.rgb.withUnsafeBufferPointer { src in
            rgb.withUnsafeMutableBufferPointer { dst in
                guard let from = src.baseAddress, let to = dst.baseAddress else { return }
                for y in visible.y..<visible.maxY {
                    let s = ((y - origin.y) * iw + (visible.x - origin.x)) * 3
                    (to + (y * w + visible.x) * 3).update(from: from + s, count: rowBytes)
                }
            }
        }
    }

    /// The picture as PNG (lossless RGB), through ``ImageCodec``; by default zlib level 1 with the up filter (screens
    /// are flat colours and rows repeat the row above: see docs/architecture.md for the figures behind the choice).
    public func encodePNG(compressionLevel: Int? = 1, prediction: ImageCodec.PNGPrediction = .up) throws -> [UInt8] {
        try ImageCodec.encodePNG(frame, compressionLevel: compressionLevel, prediction: prediction)
    }

    /// The picture as JPEG, through ``ImageCodec``; `quality` 1...100.
    public func encodeJPEG(quality: Int = 85) throws -> [UInt8] { try ImageCodec.encodeJPEG(frame, quality: quality) }
}
