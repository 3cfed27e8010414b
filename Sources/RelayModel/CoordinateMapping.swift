/// Maps model coordinates (pixels of the smart-resized input) to the original picture and back.
///
/// Qwen2.5-VL answers boxes and points in absolute pixels of the image it saw, which was resized to
/// multiples of 28: `x_original = x / resized_width · original_width`. A phone video is stored rotated
/// and displayed upright; the model sees the upright (display) frame, so ``toStored(x:y:)`` applies the
/// inverse of the display rotation to reach pixel coordinates of the stored (coded) frame.
public struct CoordinateMapping: Sendable, Hashable {
    /// Width the model saw.
    public var resizedWidth: Int
    /// Height the model saw.
    public var resizedHeight: Int
    /// Display width of the original (after rotation).
    public var originalWidth: Int
    /// Display height of the original (after rotation).
    public var originalHeight: Int
    /// Display rotation in degrees, counter-clockwise as ffprobe reports it (0, 90, -90, 180).
    public var rotation: Int

    /// Creates a mapping.
    public init(resizedWidth: Int, resizedHeight: Int, originalWidth: Int, originalHeight: Int, rotation: Int = 0) {
        self.resizedWidth = resizedWidth
        self.resizedHeight = resizedHeight
        self.originalWidth = originalWidth
        self.originalHeight = originalHeight
        self.rotation = rotation
    }

    /// The mapping of an image plan.
    public init(_ plan: ImagePlan) {
        self.init(resizedWidth: plan.resizedWidth, resizedHeight: plan.resizedHeight, originalWidth: plan.originalWidth, originalHeight: plan.originalHeight)
    }

    /// The mapping of a video plan (its sizes are already upright).
    public init(_ plan: VideoPlan, rotation: Int = 0) {
        self.init(
            resizedWidth: plan.resizedWidth, resizedHeight: plan.resizedHeight, originalWidth: plan.originalWidth,
            originalHeight: plan.originalHeight, rotation: rotation
        )
    }

    /// Resized → original display pixels.
    public func toOriginal(x: Double, y: Double) -> (x: Double, y: Double) {
        (x / Double(resizedWidth) * Double(originalWidth), y / Double(resizedHeight) * Double(originalHeight))
    }

    /// Original display pixels → resized (what to tell the model, e.g. for a click target).
    public func toResized(x: Double, y: Double) -> (x: Double, y: Double) {
        (x / Double(originalWidth) * Double(resizedWidth), y / Double(originalHeight) * Double(resizedHeight))
    }

    /// Resized → pixels of the stored frame before the display rotation.
    public func toStored(x: Double, y: Double) -> (x: Double, y: Double) {
        let p = toOriginal(x: x, y: y)
        let w = Double(originalWidth)
        let h = Double(originalHeight)
        // Display = stored rotated counter-clockwise by `rotation`; undo it.
        switch ((rotation % 360) + 360) % 360 {
        case 90: return (h - p.y, p.x)       // stored is h wide, w tall
        case 270: return (p.y, w - p.x)
        case 180: return (w - p.x, h - p.y)
        default: return p
        }
    }

    /// A grounding in resized pixels mapped to original display pixels.
    public func toOriginal(_ grounding: Grounding) -> Grounding {
        var g = grounding
        switch grounding.shape {
        case .box(let x1, let y1, let x2, let y2):
            let a = toOriginal(x: x1, y: y1)
            let b = toOriginal(x: x2, y: y2)
            g.shape = .box(x1: a.x, y1: a.y, x2: b.x, y2: b.y)
        case .point(let x, let y):
            let a = toOriginal(x: x, y: y)
            g.shape = .point(x: a.x, y: a.y)
        }
        return g
    }

    /// A grounding in original display pixels mapped to resized pixels.
    public func toResized(_ grounding: Grounding) -> Grounding {
        var g = grounding
        switch grounding.shape {
        case .box(let x1, let y1, let x2, let y2):
            let a = toResized(x: x1, y: y1)
            let b = toResized(x: x2, y: y2)
            g.shape = .box(x1: a.x, y1: a.y, x2: b.x, y2: b.y)
        case .point(let x, let y):
            let a = toResized(x: x, y: y)
            g.shape = .point(x: a.x, y: a.y)
        }
        return g
    }
}
