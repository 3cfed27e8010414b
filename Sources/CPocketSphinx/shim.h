#ifndef RELAY_CPOCKETSPHINX_SHIM_H
#define RELAY_CPOCKETSPHINX_SHIM_H

#include <pocketsphinx.h>
// The dither's random generator, re-seeded per utterance so decoding does not depend on the order of utterances.
#include <sphinxbase/genrand.h>

#endif
