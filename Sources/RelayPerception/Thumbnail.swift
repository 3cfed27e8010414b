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
    ///
    /// Runs on every decoded frame, so it reads the frame row by row: the rows of one band of cells are first added
    /// into per-column sums (a straight pass the compiler vectorises), then each cell adds its columns. Integer sums,
    /// so the cells are exactly those of adding each box pixel by pixel (``boxAverage(_:width:height:)``, which it
    /// falls back to for a frame so large that a cell's sum could overflow 32 bits).
    public init(_ frame: Frame, width: Int = 64, height: Int = 36) {
        let w = max(1, min(width, frame.width)), h = max(1, min(height, frame.height))
        self.width = w
        self.height = h
        let fw = frame.width, fh = frame.height
        guard fw > 0, fh > 0, frame.rgb.count >= fw * fh * 3, (fh / h + 1) * (fw / w + 1) <= Int(UInt32.max / 255) else {
            self.rgb = Self.boxAverage(frame, width: w, height: h)
            return
        }
        var out = [UInt8](repeating: 0, count: w * h * 3)
        let rowBytes = fw * 3
        let columnStarts = (0..<w).map { $0 * fw / w }
        let columnEnds = (0..<w).map { max($0 * fw / w + 1, ($0 + 1) * fw / w) }
        var sums = [UInt32](repeating: 0, count: rowBytes)
        frame.rgb.withUnsafeBufferPointer { src in
            sums.withUnsafeMutableBufferPointer { sums in
                out.withUnsafeMutableBufferPointer { out in
                    guard let base = src.baseAddress, let sums = sums.baseAddress else { return }
                    for cy in 0..<h {
                        let y0 = cy * fh / h, y1 = max(y0 + 1, (cy + 1) * fh / h)
                        sums.update(repeating: 0, count: rowBytes)
                        for y in y0..<y1 {
                            let row = base + y * rowBytes
                            for i in 0..<rowBytes { sums[i] &+= UInt32(row[i]) }
                        }
                        let rows = UInt32(y1 - y0)
                        for cx in 0..<w {
                            let x0 = columnStarts[cx], x1 = columnEnds[cx]
                            var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0
                            var i = x0 * 3
                            for _ in x0..<x1 {
                                r &+= sums[i]; g &+= sums[i + 1]; b &+= sums[i + 2]
                                i += 3
                            }
                            let n = rows * UInt32(x1 - x0)
                            let o = (cy * w + cx) * 3
                            out[o] = UInt8(r / n); out[o + 1] = UInt8(g / n); out[o + 2] = UInt8(b / n)
                        }
                    }
                }
            }
        }
        self.rgb = out
    }

    /// The cells of ``init(_:width:height:)`` computed the plain way, box by box and pixel by pixel: the reference the
    /// fast path is tested against.
    static func boxAverage(_ frame: Frame, width: Int = 64, height: Int = 36) -> [UInt8] {
        let w = max(1, min(width, frame.width)), h = max(1, min(height, frame.height))
        var out = [UInt8](repeating: 0, count: w * h * 3)
        let fw = frame.width, fh = frame.height
        guard fw > 0, fh > 0, frame.rgb.count >= fw * fh * 3 else { return out }
        for cy in 0..<h {
            let y0 = cy * fh / h, y1 = max(y0 + 1, (cy + 1) * fh / h)
            for cx in 0..<w {
                let x0 = cx * fw / w, x1 = max(x0 + 1, (cx + 1) * fw / w)
                var r = 0, g = 0, b = 0
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let i = (y * fw + x) * 3
                        r += Int(frame.rgb[i]); g += Int(frame.rgb[i + 1]); b += Int(frame.rgb[i + 2])
                    }
                }
                let n = (y1 - y0) * (x1 - x0)
                let o = (cy * w + cx) * 3
                out[o] = UInt8(r / n); out[o + 1] = UInt8(g / n); out[o + 2] = UInt8(b / n)
            }
        }
        return out
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
