#ifndef RELAY_SENTENCE_KERNELS_H
#define RELAY_SENTENCE_KERNELS_H

// The sentence encoder's dense-layer multiply with AVX2 and FMA, chosen at run time: Swift cannot compile one function
// for a wider instruction set than the rest of the program, and the x86-64 baseline (SSE2, no FMA) is about a third
// as fast. Only plain C and intrinsics here; the Swift side (RelaySentenceEncoder's Linear) owns every buffer.

/// 1 when this CPU has AVX2 and FMA (so relay_linear_avx2 may be called), else 0.
int relay_kernels_have_avx2_fma(void);

/// y[r][o] = bias[o] + sum_i x[r][i] * W[o][i] for r < rows, o < outputs, with W packed in panels of 8 outputs:
/// packed[(panel * inputs + i) * 8 + lane] = W[panel * 8 + lane][i]. outputs and inputs must be multiples of 8.
/// Call only when relay_kernels_have_avx2_fma() is 1.
void relay_linear_avx2(const float *x, int rows, int inputs, const float *packed, int outputs, const float *bias,
                       float *y);

/// 1 when this CPU has AVX2, FMA and F16C (so relay_pack_f16 and relay_linear_f16 may be called), else 0.
int relay_kernels_have_f16c(void);

/// destination[i] = source[i] rounded to IEEE half precision, for i < count.
void relay_pack_f16(const float *source, unsigned short *destination, long count);

/// relay_linear_avx2 over weights packed the same way but in half precision (converted to float as they are read, so
/// half the bytes stream from memory; the sums stay in float). Call only when relay_kernels_have_f16c() is 1.
void relay_linear_f16(const float *x, int rows, int inputs, const unsigned short *packed, int outputs, const float *bias,
                      float *y);

/// x[i] = GELU(x[i]) (erf form, within 1e-7 of erf) for i < count. Call only when relay_kernels_have_avx2_fma() is 1.
void relay_gelu_avx2(float *x, long count);

/// Fits a softmax regression (multinomial logistic regression) by full-batch Adam: row r of x (rows × inputs) has
/// label labels[r] < classes and weight sample_weight[r] (they are normalised to sum 1); the loss is the weighted
/// cross-entropy plus l2/2 times the squared weights (not the biases). On return w (inputs × classes, row-major) and
/// bias (classes) hold the fit; both are overwritten. Plain C compiled with -O2 in every build: the understanding
/// layer trains its intent head once per set of sentences (then caches it), and at -Onone Swift would take minutes.
void relay_softmax_regression_fit(const float *x, int rows, int inputs, const int *labels, const float *sample_weight,
                                  int classes, int epochs, float rate, float l2, float *w, float *bias);

/// out[i] = sum_j row_i[j] * vector[j] for i < count, each row summed in order j = 0, 1, … with a multiply and an add
/// (never fused), so a cosine is bit for bit what a plain loop gives. Rows 0 ..< count / 8 * 8 are read from `blocks`
/// (block b holds rows 8b ..< 8b + 8 interleaved: blocks[(b * dimension + j) * 8 + lane] = row_{8b + lane}[j]), the
/// rest from `rows` (row-major, dimension floats each). Plain C compiled with -O2 in every build: the understanding
/// layer compares every command with every sentence of every action, and at -Onone Swift's SIMD takes ~30 times longer.
void relay_row_dots(const float *blocks, const float *rows, long count, int dimension, const float *vector, float *out);

#endif
