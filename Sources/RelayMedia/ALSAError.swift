internal import CALSA
#if canImport(Glibc)
internal import Glibc
public import RelayCore
#endif

extension MediaError.Code {
    /// The audio device name is not defined in ALSA's configuration (no such card or PCM).
    public static let deviceNotFound = MediaError.Code("device_not_found")
    /// The audio device exists but is in use by another program.
    public static let deviceBusy = MediaError.Code("device_busy")
}

extension MediaError {
    /// Hint for capture devices, shown with every capture failure.
    static let captureHint = "Is a microphone connected? List devices with `arecord -L`."
    /// Hint for playback devices, shown with every playback failure.
    static let playbackHint = "Are speakers connected? List devices with `aplay -L`."

    /// Turns a negative ALSA return code into a `MediaError` naming the device, keeping `snd_strerror`'s message.
    ///
    /// `-ENOENT` (an undefined PCM name or a missing card) and `-EBUSY` get their own codes so
    /// callers can tell "wrong name" and "someone else has it" from a broken device.
    static func alsa(
        _ code: Int32, function: String, device: String, operation: String, hint: String
    ) -> MediaError {
        let kind: Code
        switch -code {
        case ENOENT, ENODEV, ENXIO: kind = .deviceNotFound
        case EBUSY: kind = .deviceBusy
        default: kind = .deviceFailed
        }
        return MediaError(
            kind, path: device, operation: operation, underlying: ALSAErrorText.message(code),
            cFunction: function, cCode: code, hint: hint
        )
    }
}

/// ALSA's text for an error code.
enum ALSAErrorText {
    /// `snd_strerror(code)`, which also knows ALSA's own codes beyond errno.
    static func message(_ code: Int32) -> String {
        guard let text = snd_strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
