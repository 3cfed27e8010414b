import FuzzHarness
import RelayMedia

// Fuzz target: frame sampling (seeking, decoding forward), RGB24 conversion with and without a resize, rotation,
// and JPEG/PNG encoding of what comes out; plus the still-image path (ImageCodec.decode) on the same bytes.
FuzzHarness.run { bytes in
    let url = FuzzHarness.writeScratch(bytes)
    FuzzHarness.wait {
        if let image = try? ImageCodec.decode(url), image.width * image.height <= 1920 * 1088 {
            _ = try? ImageCodec.encodePNG(image)
            _ = try? image.resized(to: FrameSize(width: 17, height: 3))
        }
        guard let info = try? MediaProbe.probe(url), let video = info.videoStream,
              let w = video.width, let h = video.height, w > 0, h > 0, w * h <= 1920 * 1088 else { return }
        for size in [nil, FrameSize(width: 33, height: 17)] {
            do {
                for try await frame in FrameSampler.frames(of: url, count: 2, size: size) {
                    _ = try? ImageCodec.encodeJPEG(frame, quality: 75)
                    _ = try? ImageCodec.encodePNG(frame)
                    _ = try? frame.resized(to: FrameSize(width: max(1, frame.width / 3), height: max(1, frame.height / 2 + 1)))
                }
            } catch {}
        }
        do {
            for try await _ in FrameSampler.frames(of: url, at: [0.5, 0.1]) {}
        } catch {}
    }
}
