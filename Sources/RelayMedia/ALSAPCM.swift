internal import CALSA

/// Owns one open ALSA PCM handle (`snd_pcm_t`) and closes it exactly once.
///
/// The handle is opened non-blocking so that the thread using it can wait with a timeout
/// (`snd_pcm_wait`) and notice cancellation; it never leaves this class. Methods return ALSA's
/// raw result codes because the caller (capture or playback loop) decides which ones mean
/// "retry", "recover" or "fail".
///
/// `@unchecked Sendable`: the handle is used by one thread at a time. It is opened on the
/// caller's thread and then handed over, never shared, to the one thread or serial queue
/// that reads or writes it; `close()` is only called by that owner (or by `deinit`, when
/// nobody else can hold it).
final class ALSAPCM: @unchecked Sendable {
    /// Which way the samples flow.
    enum Direction: Sendable {
        case capture, playback

        var operation: String { self == .capture ? "capturing audio" : "playing audio" }
        var hint: String { self == .capture ? MediaError.captureHint : MediaError.playbackHint }
    }

    /// The ALSA device name as given (`default`, `hw:1,0`, `plughw:0`, a name from a config file).
    let device: String
    let direction: Direction
    let format: AudioFormat
    private var handle: OpaquePointer?

    /// Opens `device` and configures S16_LE interleaved at `format`, resampling in ALSA if the device needs it.
    init(device: String, direction: Direction, format: AudioFormat, latencyMicroseconds: UInt32 = 100_000) throws {
        self.device = device
        self.direction = direction
        self.format = format
        try format.validate(device: device, operation: "opening \(direction == .capture ? "capture" : "playback") device")
        ALSAErrorReporting.installQuietHandler()
        let stream = direction == .capture ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK
        var pcm: OpaquePointer?
        let opened = snd_pcm_open(&pcm, device, stream, SND_PCM_NONBLOCK)
        let operation = "opening \(direction == .capture ? "capture" : "playback") device"
        guard opened >= 0, let pcm else {
            throw MediaError.alsa(opened < 0 ? opened : -ENODEV, function: "snd_pcm_open", device: device, operation: operation, hint: direction.hint)
        }
        handle = pcm
        let configured = snd_pcm_set_params(
            pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED,
            UInt32(format.channels), UInt32(format.sampleRate), 1, latencyMicroseconds
        )
        guard configured >= 0 else {
            // deinit closes the handle opened above.
            throw MediaError.alsa(
                configured, function: "snd_pcm_set_params", device: device,
                operation: "setting \(format) on \(direction == .capture ? "capture" : "playback") device",
                hint: direction.hint
            )
        }
    }

    deinit { close() }

    /// Whether the handle is still open.
    var isOpen: Bool { handle != nil }

    /// `snd_pcm_readi`: frames read (≥ 0) or a negative error code (`-EAGAIN` when nothing is ready).
    func read(into buffer: UnsafeMutablePointer<Int16>, frames: Int) -> Int {
        guard let handle else { return -Int(EBADFD) }
        return snd_pcm_readi(handle, buffer, snd_pcm_uframes_t(frames))
    }

    /// `snd_pcm_writei`: frames written (≥ 0) or a negative error code (`-EAGAIN` when the buffer is full).
    func write(from buffer: UnsafePointer<Int16>, frames: Int) -> Int {
        guard let handle else { return -Int(EBADFD) }
        return snd_pcm_writei(handle, buffer, snd_pcm_uframes_t(frames))
    }

    /// `snd_pcm_wait`: 1 when ready, 0 on timeout, a negative code on error (e.g. `-EPIPE` for an xrun).
    func wait(milliseconds: Int32) -> Int32 {
        guard let handle else { return -EBADFD }
        return snd_pcm_wait(handle, milliseconds)
    }

    /// `snd_pcm_recover(…, silent: 1)`: re-prepares after an overrun/underrun (`-EPIPE`), a suspend
    /// (`-ESTRPIPE`) or an interrupted call (`-EINTR`). Returns 0 or the error it could not handle.
    func recover(from code: Int32) -> Int32 {
        guard let handle else { return -EBADFD }
        return snd_pcm_recover(handle, code, 1)
    }

    /// `snd_pcm_prepare`: makes the device ready to start again (after a drain or drop).
    func prepare() -> Int32 {
        guard let handle else { return -EBADFD }
        return snd_pcm_prepare(handle)
    }

    /// `snd_pcm_drain`: non-blocking here, so usually `-EAGAIN` while samples are still playing.
    func drain() -> Int32 {
        guard let handle else { return -EBADFD }
        return snd_pcm_drain(handle)
    }

    /// Whether the device is still playing out what was written before a drain.
    var isDraining: Bool {
        guard let handle else { return false }
        return snd_pcm_state(handle) == SND_PCM_STATE_DRAINING
    }

    /// Whether the device is set up but not prepared (after a drain or drop).
    var needsPrepare: Bool {
        guard let handle else { return false }
        let state = snd_pcm_state(handle)
        return state == SND_PCM_STATE_SETUP || state == SND_PCM_STATE_XRUN
    }

    /// `snd_pcm_drop`: stops at once, discarding buffered samples.
    func drop() {
        guard let handle else { return }
        _ = snd_pcm_drop(handle)
    }

    /// Closes the handle; later calls do nothing.
    func close() {
        guard let handle else { return }
        self.handle = nil
        _ = snd_pcm_close(handle)
    }
}
