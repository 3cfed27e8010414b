/// The three position ids (temporal, height, width) of every token of a sequence.
public struct PositionIDs: Sendable, Hashable {
    /// Temporal ids.
    public var t: [Int]
    /// Row ids.
    public var h: [Int]
    /// Column ids.
    public var w: [Int]
    /// `max(ids) + 1 − sequence length`: how far generation continues from (transformers' `mrope_position_deltas`).
    public var ropeDelta: Int
}

/// Qwen2.5-VL's multimodal rotary position ids with absolute time (transformers 4.51 `get_rope_index`).
///
/// Text tokens get three equal, consecutive ids. The visual tokens of an item start after the text before
/// it; their row and column ids follow the merged grid, and a video's temporal id of grid `k` is
/// `trunc(k · second_per_grid_t · tokens_per_second)` computed in float32 as the model does, so ids track
/// seconds (2 per second) whatever the sampling rate; images get temporal id 0. Text after an item
/// continues at the largest id so far plus one.
public enum MRoPE {
    /// Temporal ids per second of video (the shipped config's `tokens_per_second`).
    public static let tokensPerSecond = 2
    /// Patches merged per side.
    public static let spatialMergeSize = 2
    /// `<|vision_start|>`.
    public static let visionStartID = 151652
    /// `<|vision_end|>`.
    public static let visionEndID = 151653
    /// `<|image_pad|>`.
    public static let imagePadID = 151655
    /// `<|video_pad|>`.
    public static let videoPadID = 151656

    /// Position ids for `inputIDs` (pads expanded) given the grids of its images and videos, in order,
    /// and each video's seconds per temporal grid (`2 / sample_fps`).
    public static func positionIDs(
        inputIDs: [Int], imageGrids: [GridTHW] = [], videoGrids: [GridTHW] = [], secondsPerGrid: [Double] = []
    ) throws -> PositionIDs {
        var starts: [Int] = []
        for (i, id) in inputIDs.enumerated() where id == visionStartID && i + 1 < inputIDs.count { starts.append(i) }
        let imageCount = starts.filter { inputIDs[$0 + 1] == imagePadID }.count
        let videoCount = starts.filter { inputIDs[$0 + 1] == videoPadID }.count
        guard imageCount <= imageGrids.count, videoCount <= videoGrids.count else {
            throw ModelError(.invalidInput, "the sequence has \(imageCount) images and \(videoCount) videos but \(imageGrids.count) and \(videoGrids.count) grids were given")
        }
        var t: [Int] = []
        var h: [Int] = []
        var w: [Int] = []
        var maxID = -1
        func appendText(_ count: Int) {
            let start = maxID + 1
            for k in 0..<max(0, count) { t.append(start + k); h.append(start + k); w.append(start + k) }
            if count > 0 { maxID = start + count - 1 }
        }
        var st = 0
        var imageIndex = 0
        var videoIndex = 0
        for _ in 0..<(imageCount + videoCount) {
            let noMatch = inputIDs.count + 1
            let edImage = imageIndex < imageCount ? (inputIDs[st...].firstIndex(of: imagePadID) ?? noMatch) : noMatch
            let edVideo = videoIndex < videoCount ? (inputIDs[st...].firstIndex(of: videoPadID) ?? noMatch) : noMatch
            let grid: GridTHW
            let secondsPerGrid32: Float
            let ed: Int
            if edImage < edVideo {
                grid = imageGrids[imageIndex]
                secondsPerGrid32 = 0
                imageIndex += 1
                ed = edImage
            } else {
                grid = videoGrids[videoIndex]
                secondsPerGrid32 = videoIndex < secondsPerGrid.count ? Float(secondsPerGrid[videoIndex]) : 1
                videoIndex += 1
                ed = edVideo
            }
            guard ed <= inputIDs.count else { throw ModelError(.invalidInput, "a vision item has no pad tokens") }
            let gt = grid.t
            let gh = grid.h / spatialMergeSize
            let gw = grid.w / spatialMergeSize
            appendText(ed - st)
            let start = maxID + 1
            var itemMax = maxID
            for k in 0..<gt {
                // float32 like the model: (k · second_per_grid_t) · tokens_per_second, truncated.
                let time = Int((Float(k) * secondsPerGrid32) * Float(tokensPerSecond))
                for r in 0..<gh {
                    for c in 0..<gw {
                        t.append(start + time); h.append(start + r); w.append(start + c)
                        itemMax = max(itemMax, start + max(time, r, c))
                    }
                }
            }
            maxID = itemMax
            st = ed + gt * gh * gw
        }
        if st < inputIDs.count { appendText(inputIDs.count - st) }
        return PositionIDs(t: t, h: h, w: w, ropeDelta: maxID + 1 - inputIDs.count)
    }
}
