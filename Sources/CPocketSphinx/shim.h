#ifndef RELAY_CPOCKETSPHINX_SHIM_H
#define RELAY_CPOCKETSPHINX_SHIM_H

#include <pocketsphinx.h>
// The dither's random generator, re-seeded per utterance so decoding does not depend on the order of utterances.
#include <sphinxbase/genrand.h>
// Process-wide logging: switched off once, since -logfn per decoder closes the FILE* other decoders log to.
#include <sphinxbase/err.h>

#endif
