internal import CALSA

/// The audio devices ALSA knows about, for `relay devices` and error messages.
public enum AudioDevices {
    /// Names of PCM devices that can capture (`default`, `sysdefault:CARD=…`, `plughw:…`, …), as `arecord -L` lists them.
    ///
    /// Built from `snd_device_name_hint`: only devices whose configuration carries a hint are
    /// listed (the same ones `arecord -L` shows), so a device can still be opened by a name not listed here.
    public static func captureDeviceNames() -> [String] { names(direction: "Input") }

    /// Names of PCM devices that can play, as `aplay -L` lists them.
    public static func playbackDeviceNames() -> [String] { names(direction: "Output") }

    /// Hints whose IOID is `direction` or unset (both directions).
    private static func names(direction: String) -> [String] {
        ALSAErrorReporting.installQuietHandler()
        var hints: UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        guard snd_device_name_hint(-1, "pcm", &hints) >= 0, let hints else { return [] }
        defer { snd_device_name_free_hint(hints) }
        var names: [String] = []
        var index = 0
        while let hint = hints[index] {
            index += 1
            guard let name = hintValue(hint, "NAME") else { continue }
            let ioid = hintValue(hint, "IOID")
            if ioid == nil || ioid == direction, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// One field of a hint; ALSA returns a malloc'ed copy that the caller frees.
    private static func hintValue(_ hint: UnsafeMutableRawPointer, _ key: String) -> String? {
        guard let value = snd_device_name_get_hint(hint, key) else { return nil }
        defer { free(value) }
        return String(cString: value)
    }
}
