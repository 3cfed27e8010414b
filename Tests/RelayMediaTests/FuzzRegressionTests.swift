import Foundation
import RelayMedia
import Testing
import RelayCore

/// Inputs found by the fuzz targets in Fuzz/ (Samples/scripts/fuzz.sh), kept as small base64 literals so the test
/// needs no binary fixture. Each aborted or crashed the process before its fix.
@Suite struct FuzzRegressionTests {
    /// FuzzMedia, 2 367 bytes: a damaged WebP on which FFmpeg 5.1's frame-threaded decoder hits
    /// `av_assert0(frame->buf[0])` (libavcodec/decode.c:502) and aborts; decoded single-threaded it is just an error.
    @Test func damagedWebPDoesNotAbort() async throws {
        let bytes = try #require(Data(base64Encoded: Self.webp))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relay-fuzz-webp-\(UUID().uuidString)")
        try bytes.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        // Errors are fine; only finishing matters.
        if let decoder = try? VideoDecoder(url: url) {
            do { for try await _ in decoder.frames() {} } catch {}
        }
        _ = try? ImageCodec.decode(url)
    }

    static let webp = "UklGRi4BAABXRUJQVlA4ICIBAABQBwCdASohABEAPo06mUelI6KhKrgN+KARiWwAuy6gfhXgv213EGEA5nT/AapB6AAFJ/qEz1d/btYam/3hLXKKHOvAAP73nDeJKm1F4gbbD0nLu6jdbPIrsA1IMY7qFXBXSun0bN8//FrspN/qAbvZBHWKoov/wgMln/ybf3WSv9//Ip3i/1oyP2Pk8m3v1L+SBqHBvi37i+t/h4Jbtfi/P4V6YAEErgpp5spYYiEBcPUiz6aaAt/EOPqSotr7Odk9lb6mkBMf8Hagxc9uCoi++OAoA5DvfYgBICH/cUCOAIGgA0v04DEEMAYsQRb2d4wBiCGAMWIIt7O+NAYHAI780AF4If/RRwEAND4A/////////////////////////////////////////////////////////////////////////////////0COAIADP3+awDAEMAsB0COAKGAA01qAMTig8iWUAwBDALAdAjgChgANNawDE4oPIl/XpYIf+oaCP/2GgA199KAPwQwDA0QgAGuv0waA4SAq5Gvd3hQ0BwkBVyNe6vmwHRyROvCBAAuBDAFATgj/+hgANPcpSl59+QxHQAARAACwDQABwQAAAAHwACqxBLL//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////0dQABEAArAXAAHBAADhAPAAAuEA8AAD4QHwAPZKA1X//////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////xpF36OjQoaBAUL3gQFC8oEEQvOBCEKCiG1hdHJvc2thQoeBBEKFgQIYU4BnAQAAAAAABcgRTZt0wL+E/LOUYk27i1OrhBVJqWZTrIGhTbuLU6uEFlSua1OsgfFNu4xTq4QSVMNnU6yCAYZNu4xTq4QcU7trU6yCBazsAQAAAAAAAFMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABVJqWbLv4Qpm2uIKtexgw9CQE2AjUxhdmY1OS4yNy4xMDBXQY1MYXZmNTkuMjcuMTAwc6SQRCKyXMTsjcPYJ6vGqgmgW0SJiEB/QAAAAAAAFlSua0CPv4S5GO7zrgEAAAAAAACA14EBc8WI23v/TX7k+wGcgQAitZyDdW5kiIEAg4EBI+ODhAX14QCGj1ZfTVMvVkZXL0ZPVVJDQ+CcsIERuoEPmoECVLCBBFS6gQNUsoEDVbCEVbmBAmOiqCgAAAARAAAADwAAAAEAGABGRlYx/QIAAAAAAAAAAAAAAAAAAAAAAAASVMNnQIG/hNkq6dRzc6BjwIBnyJpFo4dFTkNPREVSRIeNTGF2ZjU5LjI3LjEwMHNz1WPAi2PFiNt7/01+5PsBZ8ifRaOHRU5DT0RFUkSHkkxhdmM1OS4zNy4xMDAgZmZ2MWfIokWjiERVUkFUSU9ORIeUMDA6MDA6MDAuNTAwMDAwMDAwAAAfQ7Z1Q5m/hNcvXBHngQCjQMmBAACA8vwWxgblw6Iq+lfdgmZ8NM2aAAOqoAWAAHEAF3AA0QKcnz1PFvGEAAbUCgBggAB4C2DA4f6SgA5gCAANoUBwAgAIqAAwABMINKmlA4ABoXgAJf12EBNJnabDAAoADAAKADAAJoADSnstJJoYXANgLgUAAxwAVqeVJbqAAXlAASpQMJAMAErWzegBgAFgjgALoAa61ZCmAAOwsAAcf1RHDHzAAHvUzMQAOAUKN9bsmbWIerHLk+uoDUBo2W7tpa+Iz/29xmyjQKuBAGQAAD9vL7UEQOZIHQE6Za2UxT1jgAFjBAlHYC2ENAANuroAwEAAbgAZ0wi1wABayAATmdAD82AAYwADj8ABFIOleBM3JwMv+gAEREHDILba/CgAJ5UgYAAKTSLL8PAy8GpEEBwAVIBv/BMAwAPM2AAUcgAG/9pwAGwBYAwADz71pnKaAYye5CC+TLhKZm4NpwjV2VAuRHyBFLlUqbqcrfuraO2Njf7UlWijQKyBAMgAAD1vBviPQfyxXB/0+Tqwk8zBUAhvWS3jaNVpqDYCQA4AgGXYah2wABiBpmZMfDQhIhPIASLfIScwADEUwAB2A6s8+XZ2kHADgNAAKAAC8GgAIuXrvMUsBAiMAObBCu/lFAOAiBQAoARcxgH/XpAACpv0mAANwAC7m/pkkDgAJogMaLpPSLIPKgAAvAASbA+1O67x3D/OAbqzuZFi+V8zNv3jVif7V56Ao0CwgQEsAAA9fS4YjYCOeKYP/GbDhYfk8gAllRkn54BcG3wADPQCAAI9Ku2qAAXdgAE4uZ/CsHwDFupqgBkddFQOAGAU1DxVpTHe8gACNVM4AbvTdyW56+YAc6IgAFw8IJ9V/wsAAscQDQduxVGv8lAb8KOXYKDGu6Uus0GiqVwFJaeLEzNTABfeCAAJIuUYAAgFRu6CdA72oCAAItB4SqACr13Nk19zXbLT3bRWt/7q89CjQLGBAZAAADwhov0GIE1MTz6hTuG5e/UX5FXmnuRkDoabn7AU8hR0usAAyUomqhKyAAJTCvhSkgAmpZiZgATQCAImvNmAABnrzAAGsJhdRBje97sR+Z/SMt0zUZT2vQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEa//JC6+7Ln/EBTdn/4NHs8bl96ldYj6QxrqeJs8iuwDUgxjuoVcFdK6fRs3z/8WuxfdKnaUGRbIAMNFzfhOrx30lpX5AAA"

    /// FuzzAudio, 175 bytes: a WAV whose LIST/INFO chunk claims 3.7 GB and a sub-chunk 1.7 GB; FFmpeg's RIFF reader
    /// zeroed a buffer of that size before reading it (1.77 GB resident, 10 s). FFmpeg's allocations are capped now.
    @Test func hugeRIFFInfoChunkAllocatesNothingHuge() async throws {
        let wav = "UklGRuYPAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABLQgATElTVID//99JTkZPInMAAAAAAAAABHRhcnRUaW1lIklTRlQOAAEATGF2ZjU5LjI3LjEwMABkYXRhoA8AAIGFio2Pj46KhXt2cnBwcXR5foOIjI+PjouHgnx3c3BwcXN4LQgATElTVBoAAABJTkZPSVNGVA4AcHJ2e4GGio6Pj42JhH96dXFwcHJ1eg=="
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relay-fuzz-info-\(UUID().uuidString).wav")
        try #require(Data(base64Encoded: wav)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let before = Self.peakResidentKilobytes()
        _ = try? await AudioDecoder.decodeAll(url, sampleRate: 16_000)  // decoding or a clear error: both are fine
        let grown = Self.peakResidentKilobytes() - before
        // Other tests running beside this one may raise the process's peak too, but not by the 1.7 GB this file cost.
        #expect(grown < 512 * 1024, "the process's peak resident memory grew by \(grown / 1024) MB")
    }

    /// The process's peak resident set so far, in kB (`getrusage`).
    static func peakResidentKilobytes() -> Int {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }

    /// FuzzAudio, 106 bytes: a WAV whose header claims 1 778 384 896 Hz. swresample built filters for that ratio:
    /// 37 s and gigabytes per file (libFuzzer's out-of-memory). Now a clear error naming the rate.
    @Test func absurdSampleRateIsAClearError() async throws {
        let wav = "UklGRuY7AABXQVZFZm10IBAAAAABAAEAAAAAakAfAAABAAgATElTVBoAAABJTkZPSVNGVA4AAABMYXZmNTguMjcuMTAwAGRhdGGgDwAAgYWKjY+PcHJ2e4GGio6Pj42JhH96dXFwcHJ1eg=="
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relay-fuzz-rate-\(UUID().uuidString).wav")
        try #require(Data(base64Encoded: wav)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = await #expect(throws: MediaError.self) { _ = try await AudioDecoder.decodeAll(url, sampleRate: 16_000) }
        #expect(error?.underlying?.contains("1778384896 Hz") == true, "\(String(describing: error))")
        // The message is the rate check's own, which runs before swresample is configured: the 37 s and gigabytes
        // were spent in swr_init building filters for that ratio, so reaching this error means they were not.
        // (A wall-clock bound here measured the machine's load: 16 s with four builds running.)
        #expect(error?.underlying?.contains("above the 768000 Hz of any real recording") == true, "\(String(describing: error))")
    }
}
