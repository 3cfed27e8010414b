public import RelayMedia

/// Locates a named colour in a frame: the bounding box of its largest connected region.
///
/// Pixels are classified with ``NamedColor`` on a grid of at most ~200 columns (larger frames are
/// stepped through, so the cost is bounded); regions are 4-connected; a region must cover at least
/// 0.2 % of the grid to count, so compression speckle is never "found". The box is in the frame's own
/// pixels `[x1, y1, x2, y2]` (x2/y2 exclusive edges), which for a model's sampled frame is exactly
/// Qwen2.5-VL's absolute coordinates of the resized input.
public enum ColorGrounder {
    /// A located region.
    public struct Region: Sendable, Hashable {
        /// Left edge in pixels.
        public var x1: Int
        /// Top edge in pixels.
        public var y1: Int
        /// Right edge in pixels (exclusive).
        public var x2: Int
        /// Bottom edge in pixels (exclusive).
        public var y2: Int
        /// Share of the frame the region covers, 0…1.
        public var share: Double
    }

    /// The largest region of `color` in `frame`, or nil when the colour is (nearly) absent.
    public static func locate(_ color: NamedColor, in frame: Frame) -> Region? {
        let w = frame.width, h = frame.height
        guard w > 0, h > 0, frame.rgb.count >= w * h * 3 else { return nil }
        let step = max(1, (max(w, h) + 199) / 200)
        let gw = (w + step - 1) / step, gh = (h + step - 1) / step
        let target = color.index
        var mask = [Bool](repeating: false, count: gw * gh)
        frame.rgb.withUnsafeBufferPointer { p in
            for gy in 0..<gh {
                for gx in 0..<gw {
                    let i = ((gy * step) * w + gx * step) * 3
                    mask[gy * gw + gx] = NamedColor.paletteIndex(r: p[i], g: p[i + 1], b: p[i + 2]) == target
                }
            }
        }
        var seen = [Bool](repeating: false, count: gw * gh)
        var best: (count: Int, x1: Int, y1: Int, x2: Int, y2: Int)?
        var stack: [Int] = []
        for start in 0..<(gw * gh) where mask[start] && !seen[start] {
            seen[start] = true
            stack.append(start)
            var count = 0, x1 = gw, y1 = gh, x2 = 0, y2 = 0
            while let cell = stack.popLast() {
                count += 1
                let x = cell % gw, y = cell / gw
                x1 = min(x1, x); x2 = max(x2, x); y1 = min(y1, y); y2 = max(y2, y)
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)]
                where nx >= 0 && ny >= 0 && nx < gw && ny < gh {
                    let n = ny * gw + nx
                    if mask[n] && !seen[n] {
                        seen[n] = true
                        stack.append(n)
                    }
                }
            }
            if count > (best?.count ?? 0) { best = (count, x1, y1, x2, y2) }
        }
        guard let best, Double(best.count) >= Double(gw * gh) * 0.002 else { return nil }
        return Region(
            x1: best.x1 * step, y1: best.y1 * step, x2: min(w, (best.x2 + 1) * step), y2: min(h, (best.y2 + 1) * step),
            share: Double(best.count) / Double(gw * gh))
    }
}
