#ifndef RELAY_CPOCKETSPHINX_SHIM_H
#define RELAY_CPOCKETSPHINX_SHIM_H

#include <pocketsphinx.h>

#endif
