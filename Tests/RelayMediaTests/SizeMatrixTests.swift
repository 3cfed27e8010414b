import Foundation
import RelayTestSupport
import Testing
@testable import RelayMedia

/// Issue #11: every path that decodes, scales, rotates or encodes, on odd, tiny and large picture sizes and on every
/// pixel format a decoder hands out. Run under AddressSanitizer by `Samples/scripts/test-sanitized.sh`.
///
/// libswscale's SIMD paths read and write past the last pixel of a row; before `PictureBuffer`, the RGB24 conversion of
/// a yuv420p 332×186 picture wrote past the end of a Swift array (`free(): invalid next size`, SIGABRT), and the packed
/// sources of the JPEG encoder and of `Frame.resized` were over-read. The sizes below cover widths that are not a
/// multiple of any vector size (1, 3, 15, 17, 187, 333, 1001, 1921, 4095), their even neighbours, and heights of both parities.
@Suite struct SizeMatrixTests {
    /// The reproduction: the VP8/Vorbis WebM of `ffmpeg -f lavfi -i color=…:s=333x187` (yuv420p rounds it to
    /// 332×186, an even height, which is what selects libswscale's unscaled SIMD yuv→RGB path), through frame sampling to
    /// JPEG and PNG and through the thumbnail-style resize. It aborted the process before the fix.
    @Test func oddSizeWebMSamplesToJPEGAndPNG() async throws {
        let dir = try Fixtures.folder("relay-size-matrix")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("odd_size.webm")
        try await Fixtures.ffmpeg([
            "-f", "lavfi", "-i", "color=c=yellow:s=333x187:r=24:d=0.5", "-f", "lavfi", "-i", "color=c=magenta:s=333x187:r=24:d=0.5",
            "-f", "lavfi", "-i", "sine=f=440:d=1", "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0[v]",
            "-map", "[v]", "-map", "2:a", "-c:v", "libvpx", "-c:a", "libvorbis", url.path,
        ])
        let info = try MediaProbe.probe(url)
        #expect(info.videoStream?.width == 332 && info.videoStream?.height == 186)
        // Every frame, many times over: one overrun per conversion, so the heap is certain to be hit before the fix.
        var converted = 0
        var first: Frame?, last: Frame?
        // Expected sizes as typed constants: literal arithmetic inside #expect took seconds to type-check.
        let frameBytes: Int = 332 * 186 * 3, smallBytes: Int = 255 * 143 * 3
        for try await frame in try VideoDecoder(url: url).frames() {
            if first == nil { first = frame }
            last = frame
            #expect(frame.rgb.count == frameBytes)
            let jpeg = try ImageCodec.encodeJPEG(frame)
            #expect(jpeg.starts(with: [0xFF, 0xD8]))
            let png = try ImageCodec.encodePNG(frame)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let small = try frame.resized(to: FrameSize(width: 255, height: 143))
            #expect(small.rgb.count == smallBytes)
            converted += 1
        }
        #expect(converted == 24)
        // Colours survive the padded buffers (no row shifted by the stride): yellow first, magenta last, corner to corner.
        if let first, let last {
            let (r0, g0, b0) = first.pixel(x: 331, y: 185)
            #expect(r0 > 200 && g0 > 200 && b0 < 60)
            let (r1, g1, b1) = last.pixel(x: 0, y: 0)
            #expect(r1 > 200 && g1 < 60 && b1 > 200)
        }
        var sampled: [Frame] = []
        for try await frame in FrameSampler.frames(of: url, count: 2) { sampled.append(frame) }
        #expect(sampled.count == 2)
        let chunk = try await AudioDecoder.decodeAll(url)
        #expect(chunk.samples.count > 8_000)
    }

    typealias Case = PictureSizeCase

    static let ffv1 = (["-c:v", "ffv1"], "mkv")
    static let cases: [Case] = [
        // Widths and heights 1, 2, 3, 15, 17, 187, 333, 1001, 1921, 4095 in a spread of pairings, yuv420p.
        Case(width: 1, height: 1, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 2, height: 2, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 3, height: 15, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 17, height: 3, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 15, height: 17, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 333, height: 187, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 332, height: 186, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 187, height: 333, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 1001, height: 2, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 1921, height: 17, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 4095, height: 3, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 2, height: 1921, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 1921, height: 1001, pixelFormat: "yuv420p", codec: ffv1.0, ext: ffv1.1),
        // Every pixel format a decoder hands out here, at odd sizes.
        Case(width: 333, height: 187, pixelFormat: "yuv444p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 17, height: 15, pixelFormat: "yuv444p", codec: ffv1.0, ext: ffv1.1),
        Case(width: 333, height: 187, pixelFormat: "yuvj420p", codec: ["-c:v", "mjpeg", "-q:v", "5"], ext: "avi"),
        Case(width: 15, height: 3, pixelFormat: "yuvj420p", codec: ["-c:v", "mjpeg", "-q:v", "5"], ext: "avi"),
        Case(width: 333, height: 187, pixelFormat: "nv12", codec: ["-c:v", "rawvideo"], ext: "nut"),
        Case(width: 332, height: 186, pixelFormat: "nv12", codec: ["-c:v", "rawvideo"], ext: "nut"),
        Case(width: 333, height: 187, pixelFormat: "gray", codec: ffv1.0, ext: ffv1.1),
        Case(width: 1, height: 17, pixelFormat: "gray", codec: ffv1.0, ext: ffv1.1),
        Case(width: 333, height: 187, pixelFormat: "rgb24", codec: ["-c:v", "png"], ext: "mkv"),
        Case(width: 3, height: 1, pixelFormat: "rgb24", codec: ["-c:v", "png"], ext: "mkv"),
        Case(width: 333, height: 187, pixelFormat: "pal8", codec: ["-c:v", "png"], ext: "mkv"),
        Case(width: 17, height: 15, pixelFormat: "pal8", codec: ["-c:v", "png"], ext: "mkv"),
        Case(width: 333, height: 187, pixelFormat: "yuv420p10le", codec: ffv1.0, ext: ffv1.1),
        Case(width: 1921, height: 15, pixelFormat: "yuv420p10le", codec: ffv1.0, ext: ffv1.1),
        // Real-world codecs (even sizes for 4:2:0), and rotated files (display matrix), where scaling precedes the turn.
        Case(width: 332, height: 186, pixelFormat: "yuv420p", codec: ["-c:v", "libx264", "-preset", "ultrafast"], ext: "mp4"),
        Case(width: 332, height: 186, pixelFormat: "yuv420p", codec: ["-c:v", "libx264", "-preset", "ultrafast"], ext: "mp4", rotate: 90),
        Case(width: 333, height: 187, pixelFormat: "yuv444p", codec: ["-c:v", "libx264", "-preset", "ultrafast"], ext: "mp4", rotate: -90),
        Case(width: 17, height: 15, pixelFormat: "yuv444p", codec: ["-c:v", "libx264", "-preset", "ultrafast"], ext: "mp4", rotate: 180),
        Case(width: 332, height: 186, pixelFormat: "yuv420p", codec: ["-c:v", "libvpx"], ext: "webm"),
    ]

    @Test(arguments: cases)
    func everyPathOnEverySize(_ c: Case) async throws {
        let dir = try Fixtures.folder("relay-size-matrix")
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("clip.\(c.ext)")
        try await c.makeClip(at: url, seconds: 0.3)  // three frames
        let (displayW, displayH) = c.displaySize

        let info = try MediaProbe.probe(url)
        #expect(info.videoStream?.width == c.width && info.videoStream?.height == c.height, "\(c)")

        // Straight decode at display size, and the raw planes.
        var frames: [Frame] = []
        for try await frame in try VideoDecoder(url: url).frames() { frames.append(frame) }
        #expect(!frames.isEmpty, "\(c)")
        for frame in frames { #expect(frame.width == displayW && frame.height == displayH && frame.rgb.count == displayW * displayH * 3, "\(c)") }
        var pictures = 0
        for try await picture in try VideoDecoder(url: url).pictures() {
            #expect(picture.width == c.width && picture.height == c.height, "\(c)")
            pictures += 1
        }
        #expect(pictures == frames.count, "\(c)")

        // Sampling with and without a size, odd and even targets, to JPEG and PNG; resize; image decode of our own output.
        for size in [nil, FrameSize(width: 17, height: 15), FrameSize(width: 332, height: 186), FrameSize(width: 1, height: 1)] {
            var sampled = 0
            for try await frame in FrameSampler.frames(of: url, count: 2, size: size) {
                #expect(frame.width == (size?.width ?? displayW) && frame.height == (size?.height ?? displayH), "\(c) → \(String(describing: size))")
                let jpeg = try ImageCodec.encodeJPEG(frame, quality: 90)
                let png = try ImageCodec.encodePNG(frame)
                for (bytes, ext) in [(jpeg, "jpg"), (png, "png")] {
                    let image = dir.appendingPathComponent("frame-\(sampled).\(ext)")
                    try Data(bytes).write(to: image)
                    let back = try ImageCodec.decode(image)
                    #expect(back.width == frame.width && back.height == frame.height, "\(c) \(ext)")
                }
                let resized = try frame.resized(to: FrameSize(width: max(1, frame.width / 2 + 1), height: max(1, frame.height / 3 + 1)))
                #expect(resized.rgb.count == resized.width * resized.height * 3)
                sampled += 1
            }
            #expect(sampled == 2, "\(c) → \(String(describing: size))")
        }
        // Everything in one pass, as analysis reads it.
        var events = 0
        for try await event in try MediaReader(url: url).events(videoSize: FrameSize(width: 33, height: 19)) {
            if case .video(let frame) = event { #expect(frame.width == 33 && frame.height == 19) }
            events += 1
        }
        #expect(events > 0, "\(c)")
    }

    /// Rotation of packed RGB (pure Swift, bounds-checked) on the degenerate shapes: 1×N, N×1, 1×1.
    @Test func rotationOfDegenerateShapes() throws {
        for (w, h) in [(1, 1), (1, 7), (7, 1), (3, 2)] {
            let rgb = (0..<(w * h * 3)).map { UInt8($0 % 251) }
            for degrees in [90, 180, 270] {
                let turned = PictureConverter.rotate(rgb, width: w, height: h, clockwise: degrees)
                #expect(turned.count == rgb.count)
                let turnedReds: Set<UInt8> = Set(stride(from: 0, to: turned.count, by: 3).map { turned[$0] })
                let reds: Set<UInt8> = Set(stride(from: 0, to: rgb.count, by: 3).map { rgb[$0] })
                #expect(turnedReds == reds)
            }
        }
    }
}
