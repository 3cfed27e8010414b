#include "sentence_kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

int relay_kernels_have_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// A tile of ROWS rows x 8 outputs: ROWS independent accumulators, so the FMAs' 4-cycle latency is hidden when ROWS is
// 8, and each loaded weight vector serves ROWS tokens (the weights stream from memory once per tile).
#define RELAY_TILE(ROWS)                                                                                               \
    __attribute__((target("avx2,fma"))) static inline void tile_##ROWS(const float *x, int inputs, const float *w,  \
                                                                       __m256 start, float *y, int outputs) {     \
        __m256 c[ROWS];                                                                                                \
        for (int r = 0; r < ROWS; r++) c[r] = start;                                                                   \
        for (int i = 0; i < inputs; i++) {                                                                             \
            __m256 v = _mm256_loadu_ps(w + (long)i * 8);                                                               \
            for (int r = 0; r < ROWS; r++) c[r] = _mm256_fmadd_ps(_mm256_broadcast_ss(x + (long)r * inputs + i), v, c[r]); \
        }                                                                                                              \
        for (int r = 0; r < ROWS; r++) _mm256_storeu_ps(y + (long)r * outputs, c[r]);                                  \
    }
RELAY_TILE(8)
RELAY_TILE(4)
RELAY_TILE(1)

__attribute__((target("avx2,fma"))) void relay_linear_avx2(const float *x, int rows, int inputs, const float *packed,
                                                            int outputs, const float *bias, float *y) {
    for (int panel = 0; panel < outputs / 8; panel++) {
        const float *w = packed + (long)panel * inputs * 8;
        __m256 start = _mm256_loadu_ps(bias + panel * 8);
        float *out = y + panel * 8;
        int r = 0;
        for (; r + 8 <= rows; r += 8) tile_8(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r + 4 <= rows; r += 4) tile_4(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r < rows; r++) tile_1(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
    }
}

#else

int relay_kernels_have_avx2_fma(void) { return 0; }

void relay_linear_avx2(const float *x, int rows, int inputs, const float *packed, int outputs, const float *bias,
                       float *y) {
    (void)x; (void)rows; (void)inputs; (void)packed; (void)outputs; (void)bias; (void)y;
}

#endif
