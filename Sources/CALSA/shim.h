#ifndef RELAY_CALSA_SHIM_H
#define RELAY_CALSA_SHIM_H

#include <alsa/asoundlib.h>

#endif
