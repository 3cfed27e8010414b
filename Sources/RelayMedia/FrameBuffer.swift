import CFFmpeg
import RelayCore

/// Owns one `AVFrame`, the target of decoding (refilled for every frame).
final class FrameBuffer {
    let pointer: UnsafeMutablePointer<AVFrame>

    init(path: String?) throws {
        guard let p = av_frame_alloc() else {
            throw MediaError(.outOfMemory, path: path, operation: "allocating a frame", cFunction: "av_frame_alloc")
        }
        pointer = p
    }

    deinit {
        var p: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&p)
    }

    /// Drops the frame's buffers.
    func unref() { av_frame_unref(pointer) }
}
