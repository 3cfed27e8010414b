internal import CALSA
internal import Foundation

/// Keeps ALSA from printing its own diagnostics to stderr, once per process.
///
/// Every failure already becomes a `MediaError` carrying `snd_strerror`'s text, the device and
/// a hint; ALSA's extra lines ("ALSA lib conf.c:…: Unknown PCM nope") would break the CLI's
/// one-line errors. Set `RELAY_ALSA_VERBOSE=1` to see them when debugging an ALSA config.
enum ALSAErrorReporting {
    /// Installs the quiet handler the first time it is called; later calls do nothing.
    static func installQuietHandler() { _ = installed }

    // A static let is initialised exactly once, thread-safely, by the Swift runtime.
    private static let installed: Bool = {
        if let verbose = ProcessInfo.processInfo.environment["RELAY_ALSA_VERBOSE"], !verbose.isEmpty, verbose != "0" {
            return false
        }
        return calsa_silence_error_output() >= 0
    }()
}
