import FuzzHarness
import RelayMedia

// Fuzz target: probing and decoding any bytes as a media file (container, video and audio decoders, RGB24
// conversion at the display size with the rotation, swresample to 16 kHz mono, the one-pass reader).
// Errors are expected: only crashes, sanitizer reports, hangs and runaway memory are findings.
FuzzHarness.run { bytes in
    let url = FuzzHarness.writeScratch(bytes)
    FuzzHarness.wait {
        guard let info = try? MediaProbe.probe(url) else { return }
        if let video = info.videoStream, let w = video.width, let h = video.height, w > 0, h > 0 {
            // Natural size when modest (the conversion the CLI does), otherwise a small odd size: a damaged header
            // may claim 16k×16k, which would only measure memcpy.
            let size: FrameSize? = w * h <= 1920 * 1088 ? nil : FrameSize(width: 33, height: 17)
            if let decoder = try? VideoDecoder(url: url) {
                var n = 0
                do {
                    for try await _ in decoder.frames(size: size) {
                        n += 1
                        if n == 8 { break }
                    }
                } catch {}
            }
        }
        if let reader = try? MediaReader(url: url) {
            var n = 0
            do {
                for try await _ in reader.events(videoSize: FrameSize(width: 31, height: 17)) {
                    n += 1
                    if n == 64 { break }
                }
            } catch {}
        }
    }
}
