public import RelayMedia

/// A tiny box-averaged RGB copy of a frame (64×36 by default) for the every-frame light pass.
///
/// Cut detection, motion and colour shares only need coarse pixels; averaging boxes (rather than
/// picking pixels) keeps compression noise and fine texture from looking like change.
public struct Thumbnail: Sendable, Hashable {
    /// Width in cells.
    public let width: Int
    /// Height in cells.
    public let height: Int
    /// Packed RGB24 cells, row after row.
    public let rgb: [UInt8]

    /// Averages `frame` down to `width`×`height` cells (each cell covers at least one pixel).
    public init(_ frame: Frame, width: Int = 64, height: Int = 36) {
        let w = max(1, min(width, frame.width)), h = max(1, min(height, frame.height))
        self.width = w
        self.height = h
        var out = [UInt8](repeating: 0, count: w * h * 3)
        let fw = frame.width, fh = frame.height
        frame.rgb.withUnsafeBufferPointer { src in
            guard fw > 0, fh > 0, src.count >= fw * fh * 3 else { return }
            for cy in 0..<h {
                let y0 = cy * fh / h, y1 = max(y0 + 1, (cy + 1) * fh / h)
                for cx in 0..<w {
                    let x0 = cx * fw / w, x1 = max(x0 + 1, (cx + 1) * fw / w)
                    var r = 0, g = 0, b = 0
                    for y in y0..<y1 {
                        var i = (y * fw + x0) * 3
                        for _ in x0..<x1 {
                            r += Int(src[i]); g += Int(src[i + 1]); b += Int(src[i + 2])
                            i += 3
                        }
                    }
                    let n = (y1 - y0) * (x1 - x0)
                    let o = (cy * w + cx) * 3
                    out[o] = UInt8(r / n); out[o + 1] = UInt8(g / n); out[o + 2] = UInt8(b / n)
                }
            }
        }
        self.rgb = out
    }

    /// Rec. 601 luma of every cell, 0…255.
    public var luma: [Float] {
        var out = [Float](repeating: 0, count: width * height)
        for i in 0..<(width * height) {
            out[i] = 0.299 * Float(rgb[i * 3]) + 0.587 * Float(rgb[i * 3 + 1]) + 0.114 * Float(rgb[i * 3 + 2])
        }
        return out
    }
}
