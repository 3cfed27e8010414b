import CFFmpeg
import RelayCore

/// Owns one `AVFrame` whose planes FFmpeg allocated by its own rules, for handing pictures to libswscale and encoders.
///
/// *Why:* libswscale's SIMD paths read and write whole vectors, so for a width that is not a multiple of the vector
/// size they touch bytes past the last pixel of a row, including the last row. A Swift array of exactly
/// `width * 3 * height` bytes is therefore overrun (a yuv420p 332×186 picture converted to RGB24 wrote past the end
/// and aborted with `free(): invalid next size`), and a packed source array is over-read (which faults when the array
/// ends at a page boundary). `av_frame_get_buffer` rounds every `linesize` up to the CPU's alignment and pads the
/// allocation, which is the contract libswscale and the encoders are written against. Swift code only ever copies
/// tightly packed rows in and out (`copyPacked…`), so `Frame` keeps `rgb.count == width * height * 3`.
final class PictureBuffer {
    let pointer: UnsafeMutablePointer<AVFrame>
    let width: Int
    let height: Int

    /// Allocates a `width`×`height` picture in `format` (`av_frame_get_buffer` with FFmpeg's default alignment).
    init(format: AVPixelFormat, width: Int, height: Int, path: String?, operation: String) throws {
        guard width > 0, height > 0, width <= 65_536, height <= 65_536 else {
            throw MediaError(.invalidArgument, path: path, operation: "\(operation): allocating a \(width)x\(height) picture")
        }
        guard let frame = av_frame_alloc() else {
            throw MediaError(.outOfMemory, path: path, operation: "\(operation): allocating a picture", cFunction: "av_frame_alloc")
        }
        pointer = frame
        self.width = width
        self.height = height
        frame.pointee.format = format.rawValue
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        // 0 = FFmpeg's own alignment for this CPU (av_cpu_max_align): what libswscale's SIMD paths assume.
        let allocated = av_frame_get_buffer(frame, 0)
        if allocated < 0 {
            throw MediaError.ffmpeg(.outOfMemory, path: path, operation: "\(operation): allocating a \(width)x\(height) picture",
                                    function: "av_frame_get_buffer", result: allocated)
        }
    }

    deinit {
        var p: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&p)
    }

    /// Copies tightly packed rows of `bytesPerRow` bytes (e.g. RGB24 pixels) into plane 0.
    func copyPacked(from bytes: [UInt8], bytesPerRow: Int) {
        guard let plane = cffmpeg_frame_plane(pointer, 0) else { return }
        let stride = Int(cffmpeg_frame_linesize(pointer, 0))
        precondition(bytesPerRow <= stride && bytes.count >= bytesPerRow * height, "PictureBuffer: packed rows do not fit the plane")
        bytes.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            for y in 0..<height {
                (plane + y * stride).update(from: base + y * bytesPerRow, count: bytesPerRow)
            }
        }
    }

    /// The first `bytesPerRow` bytes of every row of plane 0, tightly packed (the padding FFmpeg may have written is dropped).
    func packedPlane0(bytesPerRow: Int) -> [UInt8] {
        guard let plane = cffmpeg_frame_plane(pointer, 0) else { return [] }
        let stride = Int(cffmpeg_frame_linesize(pointer, 0))
        precondition(bytesPerRow <= stride, "PictureBuffer: a row is wider than the plane's stride")
        return [UInt8](unsafeUninitializedCapacity: bytesPerRow * height) { out, count in
            guard let base = out.baseAddress else { count = 0; return }
            for y in 0..<height {
                (base + y * bytesPerRow).initialize(from: plane + y * stride, count: bytesPerRow)
            }
            count = bytesPerRow * height
        }
    }
}
