/// What the capture loop and the playback writer need from an open PCM device.
///
/// `ALSAPCM` is the real one; the tests drive the loops with scripted devices to check overrun
/// and underrun recovery, stalls and error handling, which a `file` device (no real time, no
/// xruns) cannot produce. Every method returns ALSA's raw result code, as `ALSAPCM` documents.
protocol ALSAPCMDevice: AnyObject, Sendable {
    /// The device name, for error messages.
    var device: String { get }
    /// The format the device was opened with.
    var format: AudioFormat { get }
    /// Whether the device is still open.
    var isOpen: Bool { get }
    /// `snd_pcm_readi`.
    func read(into buffer: UnsafeMutablePointer<Int16>, frames: Int) -> Int
    /// `snd_pcm_writei`.
    func write(from buffer: UnsafePointer<Int16>, frames: Int) -> Int
    /// `snd_pcm_wait`.
    func wait(milliseconds: Int32) -> Int32
    /// `snd_pcm_recover` (silent).
    func recover(from code: Int32) -> Int32
    /// `snd_pcm_prepare`.
    func prepare() -> Int32
    /// `snd_pcm_drain` (non-blocking).
    func drain() -> Int32
    /// Whether the state is DRAINING.
    var isDraining: Bool { get }
    /// Whether the state is SETUP or XRUN (must be prepared before writing).
    var needsPrepare: Bool { get }
    /// `snd_pcm_drop`.
    func drop()
    /// `snd_pcm_close`.
    func close()
}

extension ALSAPCM: ALSAPCMDevice {}
