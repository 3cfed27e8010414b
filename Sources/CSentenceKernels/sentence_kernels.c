#include "sentence_kernels.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

int relay_kernels_have_f16c(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

__attribute__((target("avx2,fma,f16c"))) void relay_pack_f16(const float *source, unsigned short *destination, long count) {
    long i = 0;
    for (; i + 8 <= count; i += 8)
        _mm_storeu_si128((__m128i *)(destination + i), _mm256_cvtps_ph(_mm256_loadu_ps(source + i), _MM_FROUND_TO_NEAREST_INT));
    for (; i < count; i++) destination[i] = (unsigned short)_cvtss_sh(source[i], _MM_FROUND_TO_NEAREST_INT);
}

// The tiles above over half-precision weights: for one short sentence the multiply streams every weight once, and that
// stream (42 MB in float) is what limits it, so halving it is worth the rounding (embeddings move by < 1e-6 cosine).
#define RELAY_TILE_F16(ROWS, SPLIT)                                                                                    \
    __attribute__((target("avx2,fma,f16c"))) static inline void tileh_##ROWS(const float *x, int inputs,           \
                                                                             const unsigned short *w, __m256 start, \
                                                                             float *y, int outputs) {               \
        __m256 c[SPLIT][ROWS];                                                                                         \
        for (int s = 0; s < SPLIT; s++)                                                                                \
            for (int r = 0; r < ROWS; r++) c[s][r] = s == 0 ? start : _mm256_setzero_ps();                             \
        for (int i = 0; i < inputs; i += SPLIT) {                                                                      \
            for (int s = 0; s < SPLIT; s++) {                                                                          \
                __m256 v = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(w + (long)(i + s) * 8)));                 \
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
RELAY_TILE_F16(8, 1)
RELAY_TILE_F16(4, 2)
RELAY_TILE_F16(2, 4)
RELAY_TILE_F16(1, 8)

__attribute__((target("avx2,fma,f16c"))) void relay_linear_f16(const float *x, int rows, int inputs,
                                                                const unsigned short *packed, int outputs,
                                                                const float *bias, float *y) {
    for (int panel = 0; panel < outputs / 8; panel++) {
        const unsigned short *w = packed + (long)panel * inputs * 8;
        __m256 start = _mm256_loadu_ps(bias + panel * 8);
        float *out = y + panel * 8;
        int r = 0;
        for (; r + 8 <= rows; r += 8) tileh_8(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r + 4 <= rows; r += 4) tileh_4(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r + 2 <= rows; r += 2) tileh_2(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
        for (; r < rows; r++) tileh_1(x + (long)r * inputs, inputs, w, start, out + (long)r * outputs, outputs);
    }
}

// GELU, x * (1 + erf(x / sqrt 2)) / 2, eight at a time. erf is Eigen's rational approximation for float (odd degree-13
// over even degree-8 polynomial on [-4, 4], where erf reaches ±1 in float), within 1e-7 of erf: calling erff for
// each of the 1,536 × tokens values per layer cost 8 % of a sentence.
__attribute__((target("avx2,fma"))) void relay_gelu_avx2(float *x, long count) {
    const __m256 half = _mm256_set1_ps(0.5f), one = _mm256_set1_ps(1.0f), scale = _mm256_set1_ps(0.70710678118654752f);
    const __m256 hi = _mm256_set1_ps(4.0f), lo = _mm256_set1_ps(-4.0f);
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 z = _mm256_max_ps(_mm256_min_ps(_mm256_mul_ps(v, scale), hi), lo);
        __m256 z2 = _mm256_mul_ps(z, z);
        __m256 p = _mm256_set1_ps(-2.72614225801306e-10f);
        p = _mm256_fmadd_ps(p, z2, _mm256_set1_ps(2.77068142495902e-08f));
        p = _mm256_fmadd_ps(p, z2, _mm256_set1_ps(-2.10102402082508e-06f));
        p = _mm256_fmadd_ps(p, z2, _mm256_set1_ps(-5.69250639462346e-05f));
        p = _mm256_fmadd_ps(p, z2, _mm256_set1_ps(-7.34990630326855e-04f));
        p = _mm256_fmadd_ps(p, z2, _mm256_set1_ps(-2.95459980854025e-03f));
        p = _mm256_fmadd_ps(p, z2, _mm256_set1_ps(-1.60960333262415e-02f));
        p = _mm256_mul_ps(p, z);
        __m256 q = _mm256_set1_ps(-1.45660718464996e-05f);
        q = _mm256_fmadd_ps(q, z2, _mm256_set1_ps(-2.13374055278905e-04f));
        q = _mm256_fmadd_ps(q, z2, _mm256_set1_ps(-1.68282697438203e-03f));
        q = _mm256_fmadd_ps(q, z2, _mm256_set1_ps(-7.37332916720468e-03f));
        q = _mm256_fmadd_ps(q, z2, _mm256_set1_ps(-1.42647390514189e-02f));
        __m256 erf = _mm256_div_ps(p, q);
        _mm256_storeu_ps(x + i, _mm256_mul_ps(_mm256_mul_ps(half, v), _mm256_add_ps(one, erf)));
    }
    for (; i < count; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * 0.70710678118654752f));
}

#else

int relay_kernels_have_avx2_fma(void) { return 0; }

void relay_gelu_avx2(float *x, long count) { (void)x; (void)count; }

void relay_linear_avx2(const float *x, int rows, int inputs, const float *packed, int outputs, const float *bias,
                       float *y) {
    (void)x; (void)rows; (void)inputs; (void)packed; (void)outputs; (void)bias; (void)y;
}

#endif

void relay_softmax_regression_fit(const float *x, int rows, int inputs, const int *labels, const float *sample_weight,
                                  int classes, int epochs, float rate, float l2, float *w, float *bias) {
    const long nw = (long)inputs * classes;
    float *p = calloc((size_t)classes, sizeof(float));
    float *gw = calloc((size_t)nw, sizeof(float)), *gb = calloc((size_t)classes, sizeof(float));
    float *mw = calloc((size_t)nw, sizeof(float)), *vw = calloc((size_t)nw, sizeof(float));
    float *mb = calloc((size_t)classes, sizeof(float)), *vb = calloc((size_t)classes, sizeof(float));
    if (!p || !gw || !gb || !mw || !vw || !mb || !vb) goto done;
    double total = 0;
    for (int r = 0; r < rows; r++) total += sample_weight[r];
    if (total <= 0) goto done;
    memset(w, 0, (size_t)nw * sizeof(float));
    memset(bias, 0, (size_t)classes * sizeof(float));
    const float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;
    float power1 = 1, power2 = 1;
    for (int epoch = 0; epoch < epochs; epoch++) {
        memset(gw, 0, (size_t)nw * sizeof(float));
        memset(gb, 0, (size_t)classes * sizeof(float));
        for (int r = 0; r < rows; r++) {
            const float *xr = x + (long)r * inputs;
            for (int c = 0; c < classes; c++) p[c] = bias[c];
            for (int i = 0; i < inputs; i++) {
                const float xi = xr[i];
                const float *wi = w + (long)i * classes;
                for (int c = 0; c < classes; c++) p[c] += xi * wi[c];
            }
            float top = p[0];
            for (int c = 1; c < classes; c++) if (p[c] > top) top = p[c];
            float sum = 0;
            for (int c = 0; c < classes; c++) { p[c] = expf(p[c] - top); sum += p[c]; }
            const float scale = (float)(sample_weight[r] / total);
            for (int c = 0; c < classes; c++) p[c] = (p[c] / sum - (c == labels[r] ? 1.0f : 0.0f)) * scale;
            for (int c = 0; c < classes; c++) gb[c] += p[c];
            for (int i = 0; i < inputs; i++) {
                const float xi = xr[i];
                float *gi = gw + (long)i * classes;
                for (int c = 0; c < classes; c++) gi[c] += xi * p[c];
            }
        }
        power1 *= beta1; power2 *= beta2;
        for (long k = 0; k < nw; k++) {
            const float g = gw[k] + l2 * w[k];
            mw[k] = beta1 * mw[k] + (1 - beta1) * g;
            vw[k] = beta2 * vw[k] + (1 - beta2) * g * g;
            w[k] -= rate * (mw[k] / (1 - power1)) / (sqrtf(vw[k] / (1 - power2)) + epsilon);
        }
        for (int c = 0; c < classes; c++) {
            const float g = gb[c];
            mb[c] = beta1 * mb[c] + (1 - beta1) * g;
            vb[c] = beta2 * vb[c] + (1 - beta2) * g * g;
            bias[c] -= rate * (mb[c] / (1 - power1)) / (sqrtf(vb[c] / (1 - power2)) + epsilon);
        }
    }
done:
    free(p); free(gw); free(gb); free(mw); free(vw); free(mb); free(vb);
}

// Products and sums kept apart: contraction into FMAs would change the cosines in their last bits, and understanding
// must not change with the machine or the build.
#pragma clang fp contract(off)
void relay_row_dots(const float *blocks, const float *rows, long count, int dimension, const float *vector, float *out) {
    const long whole = count / 8;
    long b = 0;
    // Two blocks at once: two independent chains of additions, so neither waits on the other's latency.
    for (; b + 2 <= whole; b += 2) {
        const float *m0 = blocks + b * dimension * 8, *m1 = m0 + (long)dimension * 8;
        float s0[8] = {0}, s1[8] = {0};
        for (int j = 0; j < dimension; j++) {
            const float x = vector[j];
            for (int lane = 0; lane < 8; lane++) {
                s0[lane] = s0[lane] + m0[j * 8 + lane] * x;
                s1[lane] = s1[lane] + m1[j * 8 + lane] * x;
            }
        }
        for (int lane = 0; lane < 8; lane++) {
            out[b * 8 + lane] = s0[lane];
            out[b * 8 + 8 + lane] = s1[lane];
        }
    }
    for (; b < whole; b++) {
        const float *m = blocks + b * dimension * 8;
        float s[8] = {0};
        for (int j = 0; j < dimension; j++)
            for (int lane = 0; lane < 8; lane++) s[lane] = s[lane] + m[j * 8 + lane] * vector[j];
        for (int lane = 0; lane < 8; lane++) out[b * 8 + lane] = s[lane];
    }
    for (long i = whole * 8; i < count; i++) {
        const float *row = rows + i * dimension;
        float s = 0;
        for (int j = 0; j < dimension; j++) s = s + row[j] * vector[j];
        out[i] = s;
    }
}
