#ifndef RELAY_COPENBLAS_SHIM_H
#define RELAY_COPENBLAS_SHIM_H

// OpenBLAS's CBLAS interface (Debian: libopenblas-dev; pkg-config openblas points at the pthread flavour's cblas.h).
// The sentence encoder's dense layers are single-precision matrix multiplies: cblas_sgemm, on one thread
// (openblas_set_num_threads), since the encoder already runs on a BlockingWork thread of its own.
#include <cblas.h>

#endif
