internal import CALSA
internal import Foundation
import RelayCore

/// The writing side of playback: owns the open device; `AudioPlayback` runs every call as a job of one
/// `SerialWorker`, so they never overlap and never block a cooperative thread.
///
/// The device is non-blocking: writes that find the buffer full wait in `snd_pcm_wait` with a
/// timeout, and the drain at the end is polled, so a cancelled `play` stops within about 50 ms.
///
final class ALSAPlaybackWriter {
    private let pcm: any ALSAPCMDevice
    private var underrunCount = 0
    private let waitMilliseconds: Int32
    private let drainSlackSeconds: Double

    /// - Parameter drainSlackSeconds: how much longer than the audio itself a drain may take
    ///   before the device counts as stuck.
    init(pcm: any ALSAPCMDevice, waitMilliseconds: Int32 = 50, drainSlackSeconds: Double = 2) {
        self.pcm = pcm
        self.waitMilliseconds = waitMilliseconds
        self.drainSlackSeconds = drainSlackSeconds
    }

    /// Underruns recovered so far.
    var underruns: Int { underrunCount }

    /// Closes the device.
    func close() { pcm.close() }

    /// Writes all of `samples` (interleaved frames), then waits until they have been played.
    /// On cancellation the device drops what it holds and this throws `CancellationError`.
    func play(_ samples: [Int16], cancelled: ALSACancellationFlag) throws {
        guard pcm.isOpen else {
            throw MediaError(
                .deviceFailed, path: pcm.device, operation: "playing audio", underlying: "the device was closed",
                hint: "Create a new AudioPlayback to play again."
            )
        }
        let channels = pcm.format.channels
        let totalFrames = samples.count / channels
        guard totalFrames > 0 else { return }
        if pcm.needsPrepare {
            let prepared = pcm.prepare()
            if prepared < 0 { throw error(prepared, function: "snd_pcm_prepare") }
        }
        var written = 0
        try samples.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < totalFrames {
                if cancelled.isSet { pcm.drop(); throw CancellationError() }
                let result = pcm.write(from: base + written * channels, frames: totalFrames - written)
                if result > 0 {
                    written += result
                } else if result == 0 || result == -Int(EAGAIN) {
                    let ready = pcm.wait(milliseconds: waitMilliseconds)
                    if ready < 0 { try recover(from: ready, function: "snd_pcm_wait") }
                } else {
                    try recover(from: Int32(truncatingIfNeeded: result), function: "snd_pcm_writei")
                }
            }
        }
        try drain(frames: totalFrames, cancelled: cancelled)
    }

    /// Waits until everything written has been played (`snd_pcm_drain`, polled because the device is non-blocking).
    private func drain(frames: Int, cancelled: ALSACancellationFlag) throws {
        let drained = pcm.drain()
        // -EPIPE: the buffer already ran dry, so everything written has been played.
        if drained == -EPIPE { return }
        if drained < 0 && drained != -EAGAIN { throw error(drained, function: "snd_pcm_drain") }
        // A device that stops consuming must not hang the caller: allow the audio's length plus slack.
        let seconds = Double(frames) / Double(pcm.format.sampleRate) + drainSlackSeconds
        let deadline = Date().addingTimeInterval(seconds)
        while pcm.isDraining {
            if cancelled.isSet { pcm.drop(); throw CancellationError() }
            if Date() > deadline {
                pcm.drop()
                throw MediaError(
                    .deviceFailed, path: pcm.device, operation: "playing audio",
                    underlying: "the device stopped playing (drain did not finish within \(String(format: "%.1f", seconds)) s)",
                    cFunction: "snd_pcm_drain", hint: MediaError.playbackHint
                )
            }
            usleep(10_000)
        }
    }

    /// Recovers from an underrun (`-EPIPE`, counted), a suspend or an interruption; throws otherwise.
    private func recover(from code: Int32, function: String) throws {
        switch -code {
        case EPIPE, ESTRPIPE, EINTR:
            if -code == EPIPE { underrunCount += 1 }
            let recovered = pcm.recover(from: code)
            if recovered < 0 { throw error(recovered, function: "snd_pcm_recover") }
        default:
            throw error(code, function: function)
        }
    }

    private func error(_ code: Int32, function: String) -> MediaError {
        MediaError.alsa(code, function: function, device: pcm.device, operation: "playing audio", hint: MediaError.playbackHint)
    }
}
