#ifndef RELAY_CALSA_SHIM_H
#define RELAY_CALSA_SHIM_H

#include <alsa/asoundlib.h>

// ALSA reports problems twice: as a return code (which Relay turns into a MediaError naming
// the device) and as text printed to stderr through a *variadic* handler. Swift cannot write a
// variadic C function, so the do-nothing handler lives here. Installing it keeps a CLI error to
// Relay's one line; RELAY_ALSA_VERBOSE=1 keeps ALSA's own text for debugging configurations.

/// A snd_lib_error_handler_t that prints nothing.
__attribute__((unused)) static void calsa_quiet_error_handler(const char *file, int line, const char *function,
                                                              int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

/// Replaces ALSA's stderr printer with calsa_quiet_error_handler; returns snd_lib_error_set_handler's result.
static inline int calsa_silence_error_output(void) { return snd_lib_error_set_handler(calsa_quiet_error_handler); }

#endif
