internal import CALSA

/// The reading side of a capture: owns the open device and reads it until cancelled, limited or failed.
///
/// It runs on a dedicated thread (never Swift's cooperative pool, because `snd_pcm_wait` and
/// `snd_pcm_readi` block). The device is non-blocking and every wait times out after
/// `waitMilliseconds`, so a cancellation is noticed within that time even if no audio arrives.
///
/// `@unchecked Sendable`: it is created on the caller's thread and then used only by the one
/// reading thread; its stored properties are immutable except the device, which only that
/// thread touches.
final class ALSACaptureLoop: @unchecked Sendable {
    private let pcm: any ALSAPCMDevice
    private let chunkFrames: Int
    private let maxFrames: Int?
    private let control: ALSACaptureControl
    private let waitMilliseconds: Int32

    init(pcm: any ALSAPCMDevice, chunkFrames: Int, maxFrames: Int?, control: ALSACaptureControl, waitMilliseconds: Int32 = 50) {
        self.pcm = pcm
        self.chunkFrames = chunkFrames
        self.maxFrames = maxFrames
        self.control = control
        self.waitMilliseconds = waitMilliseconds
    }

    /// Reads chunks of `chunkFrames` frames (the last one may be shorter when `maxFrames` ends the
    /// capture) and hands each to `deliver` with the index of its first frame. Stops when `deliver`
    /// returns false (the consumer went away), on cancellation, at `maxFrames`, or by throwing.
    /// The device is stopped (`snd_pcm_drop`) and closed before this returns or throws.
    func run(deliver: ([Int16], _ startFrame: Int) -> Bool) throws {
        defer {
            pcm.drop()
            pcm.close()
        }
        let channels = pcm.format.channels
        var buffer = [Int16](repeating: 0, count: chunkFrames * channels)
        var filled = 0  // frames of `buffer` holding fresh samples
        var total = 0  // frames read since the start
        var chunkStart = 0

        while !control.isCancelled {
            let remaining = maxFrames.map { $0 - total } ?? Int.max
            if remaining <= 0 { break }
            let wanted = min(chunkFrames - filled, remaining)
            let result = buffer.withUnsafeMutableBufferPointer { samples -> Int in
                guard let base = samples.baseAddress else { return 0 }
                let target = base + filled * channels
                // ALSA's `file` plugin reports full reads after its input file ends without writing
                // anything: zeroing first turns that into silence instead of repeating stale samples.
                target.update(repeating: 0, count: wanted * channels)
                return pcm.read(into: target, frames: wanted)
            }
            if result > 0 {
                filled += result
                total += result
                if filled == chunkFrames || total == maxFrames {
                    let chunk = Array(buffer[0..<(filled * channels)])
                    control.countFrames(filled)
                    guard deliver(chunk, chunkStart) else { return }
                    chunkStart += filled
                    filled = 0
                }
            } else if result == 0 || result == -Int(EAGAIN) {
                let ready = pcm.wait(milliseconds: waitMilliseconds)
                if ready < 0 { try recover(from: ready, function: "snd_pcm_wait") }
            } else {
                try recover(from: Int32(truncatingIfNeeded: result), function: "snd_pcm_readi")
            }
        }
    }

    /// Recovers from an overrun (`-EPIPE`, counted), a suspend (`-ESTRPIPE`) or an interruption (`-EINTR`);
    /// throws for anything else or when recovery itself fails.
    private func recover(from code: Int32, function: String) throws {
        switch -code {
        case EPIPE, ESTRPIPE, EINTR:
            if -code == EPIPE { control.countOverrun() }
            let recovered = pcm.recover(from: code)
            if recovered < 0 {
                throw MediaError.alsa(
                    recovered, function: "snd_pcm_recover", device: pcm.device, operation: "capturing audio",
                    hint: MediaError.captureHint
                )
            }
        default:
            throw MediaError.alsa(code, function: function, device: pcm.device, operation: "capturing audio", hint: MediaError.captureHint)
        }
    }
}
