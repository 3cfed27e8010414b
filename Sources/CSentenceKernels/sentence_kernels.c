#include "sentence_kernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

int relay_kernels_have_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

// A tile of ROWS rows x 8 outputs with SPLIT partial sums per row (over inputs i with the same i % SPLIT), so every tile
// keeps ROWS * SPLIT = 8 independent accumulators: the FMAs' 4-cycle latency stays hidden even for the last rows of a
// sentence (one accumulator alone would make them latency-bound). Each loaded weight vector serves ROWS tokens.
#define RELAY_TILE(ROWS, SPLIT)                                                                                        \
    __attribute__((target("avx2,fma"))) static inline void tile_##ROWS(const float *x, int inputs, const float *w,  \
                                                                       __m256 start, float *y, int outputs) {     \
        __m256 c[SPLIT][ROWS];                                                                                         \
        for (int s = 0; s < SPLIT; s++)                                                                                \
            for (int r = 0; r < ROWS; r++) c[s][r] = s == 0 ? start : _mm256_setzero_ps();                             \
        for (int i = 0; i < inputs; i += SPLIT) {                                                                      \
            for (int s = 0; s < SPLIT; s++) {                                                                          \
                __m256 v = _mm256_loadu_ps(w + (long)(i + s) * 8);                                                     \
                for (int r = 0; r < ROWS; r++)                                                                         \
                    c[s][r] = _mm256_fmadd_ps(_mm256_broadcast_ss(x + (long)r * inputs + i + s), v, c[s][r]);          \
            }                                                                                                          \
        }                                                                                                              \
        for (int r = 0; r < ROWS; r++) {                                                                               \
            __m256 sum = c[0][r];                                                                                      \
            for (int s = 1; s < SPLIT; s++) sum = _mm256_add_ps(sum, c[s][r]);                                         \
            _mm256_storeu_ps(y + (long)r * outputs, sum);                                                              \
        }                                                                                                              \
    }
RELAY_TILE(8, 1)
RELAY_TILE(4, 2)
RELAY_TILE(2, 4)
RELAY_TILE(1, 8)

__attribute__((target("avx2,fma"))) void relay_linear_avx2(const float *x, int rows, int inputs, const float *packed,
                                                            int outputs, const float *bias, float *y) {
    for (int panel = 0; panel < outputs / 8; panel++) {
        const float *w = packed + (long)panel * inputs * 8;
        __m256 start = _mm256_loadu_ps(bias + panel * 8);
        float *out = y + panel * 8;
        int r = 0;
        for (; r + 8 <= rows; r += 8) tile_8(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r + 4 <= rows; r += 4) tile_4(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r + 2 <= rows; r += 2) tile_2(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
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
