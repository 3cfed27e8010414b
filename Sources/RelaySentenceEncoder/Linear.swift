import COpenBLAS
import CSentenceKernels

/// A dense layer `y = x·Wᵀ + b` over rows of `inputs` values: a kernel of Relay's own over the weight repacked once at
/// load for a cache-friendly, vectorisable multiply (C with AVX2/FMA over half- or single-precision weights, or Swift
/// SIMD), or OpenBLAS's sgemm.
///
/// Relay's kernels: PyTorch stores W as [outputs][inputs], which makes each output a dot product: a horizontal sum the compiler may not
/// vectorise (float addition is not reassociated). Repacked as panels of 8 outputs — for each input k, the 8 weights
/// W[o..o+8][k] side by side — an output block becomes 8-wide multiply-adds down one contiguous stream, and four rows
/// of x share each loaded weight vector, so every weight is read from memory once per block of four tokens.
struct Linear: Sendable {
    static let width = 8
    typealias Lanes = SIMD8<Float>

    let inputs: Int
    let outputs: Int
    enum Kernel: Sendable { case f16, avx2, swift, openBLAS }
    /// For `.f16`: `packed`'s layout in IEEE half precision (and `packed` is empty).
    let half: [UInt16]
    let kernel: Kernel
    /// OpenBLAS: W as stored, [outputs][inputs]. Relay's kernels: panels of `width` outputs,
    /// packed[(panel * inputs + k) * width + lane] = W[panel * width + lane][k].
    let packed: [Float]
    let bias: [Float]

    /// OpenBLAS on the calling thread only: the encoder runs on a BlockingWork thread of its own, and OpenBLAS's
    /// worker threads would compete with the rest of Relay for two cores (and spin while they wait).
    static let singleThreadedBLAS: Void = openblas_set_num_threads(1)

    /// Whether this CPU can run the AVX2/FMA kernel (asked once).
    static let hasAVX2: Bool = relay_kernels_have_avx2_fma() == 1
    /// Whether this CPU can run the half-precision-weight kernel (AVX2, FMA and F16C; asked once).
    static let hasF16C: Bool = relay_kernels_have_f16c() == 1

    /// `weight` is [outputs][inputs] row-major (PyTorch's layout); `outputs` must be a multiple of 8.
    init(weight: [Float], bias: [Float], inputs: Int, outputs: Int, kernel: Kernel) {
        precondition(outputs % Self.width == 0 && weight.count == inputs * outputs && bias.count == outputs)
        self.inputs = inputs
        self.outputs = outputs
        self.bias = bias
        self.kernel = kernel
        if kernel == .openBLAS {
            Self.singleThreadedBLAS
            packed = weight
            half = []
            return
        }
        let w = Self.width
        let repacked = [Float](unsafeUninitializedCapacity: weight.count) { buffer, initialized in
            weight.withUnsafeBufferPointer { weight in
                for panel in 0..<(outputs / w) {
                    for k in 0..<inputs {
                        for lane in 0..<w {
                            buffer[(panel * inputs + k) * w + lane] = weight[(panel * w + lane) * inputs + k]
                        }
                    }
                }
            }
            initialized = weight.count
        }
        if kernel == .f16 {
            half = [UInt16](unsafeUninitializedCapacity: repacked.count) { buffer, initialized in
                repacked.withUnsafeBufferPointer { relay_pack_f16($0.baseAddress, buffer.baseAddress, $0.count) }
                initialized = repacked.count
            }
            packed = []
        } else {
            half = []
            packed = repacked
        }
    }

    /// y[r][o] = Σₖ x[r][k]·W[o][k] + b[o] for `rows` rows; `y` must hold rows × outputs values.
    func apply(_ x: [Float], rows: Int, into y: inout [Float]) {
        let k = inputs
        let n = outputs
        if kernel == .f16 {
            x.withUnsafeBufferPointer { xb in
                half.withUnsafeBufferPointer { pb in
                    bias.withUnsafeBufferPointer { bb in
                        y.withUnsafeMutableBufferPointer { yb in
                            relay_linear_f16(xb.baseAddress, Int32(rows), Int32(k), pb.baseAddress, Int32(n), bb.baseAddress, yb.baseAddress)
                        }
                    }
                }
            }
            return
        }
        if kernel == .avx2 {
            x.withUnsafeBufferPointer { xb in
                packed.withUnsafeBufferPointer { pb in
                    bias.withUnsafeBufferPointer { bb in
                        y.withUnsafeMutableBufferPointer { yb in
                            relay_linear_avx2(xb.baseAddress, Int32(rows), Int32(k), pb.baseAddress, Int32(n), bb.baseAddress, yb.baseAddress)
                        }
                    }
                }
            }
            return
        }
        if kernel == .openBLAS {
            y.withUnsafeMutableBufferPointer { yb in
                // y starts as the bias in every row, and sgemm adds x·Wᵀ to it (beta = 1).
                for r in 0..<rows { bias.withUnsafeBufferPointer { b in (yb.baseAddress! + r * n).update(from: b.baseAddress!, count: n) } }
                x.withUnsafeBufferPointer { xb in
                    packed.withUnsafeBufferPointer { wb in
                        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(n), Int32(k),
                                    1, xb.baseAddress, Int32(k), wb.baseAddress, Int32(k), 1, yb.baseAddress, Int32(n))
                    }
                }
            }
            return
        }
        let w = Self.width
        x.withUnsafeBufferPointer { xb in
            packed.withUnsafeBufferPointer { pb in
                bias.withUnsafeBufferPointer { bb in
                    y.withUnsafeMutableBufferPointer { yb in
                        let x = xb.baseAddress!, p = UnsafeRawPointer(pb.baseAddress!), y = UnsafeMutableRawPointer(yb.baseAddress!)
                        let b = UnsafeRawPointer(bb.baseAddress!)
                        for panel in 0..<(n / w) {
                            let weights = p + panel * k * w * 4
                            let start = b.loadUnaligned(fromByteOffset: panel * w * 4, as: Lanes.self)
                            var r = 0
                            while r + 4 <= rows {
                                var c0 = start, c1 = start, c2 = start, c3 = start
                                let x0 = x + r * k, x1 = x0 + k, x2 = x1 + k, x3 = x2 + k
                                for i in 0..<k {
                                    let v = weights.loadUnaligned(fromByteOffset: i * w * 4, as: Lanes.self)
                                    c0 += v * x0[i]
                                    c1 += v * x1[i]
                                    c2 += v * x2[i]
                                    c3 += v * x3[i]
                                }
                                let out = (r * n + panel * w) * 4
                                y.storeBytes(of: c0, toByteOffset: out, as: Lanes.self)
                                y.storeBytes(of: c1, toByteOffset: out + n * 4, as: Lanes.self)
                                y.storeBytes(of: c2, toByteOffset: out + 2 * n * 4, as: Lanes.self)
                                y.storeBytes(of: c3, toByteOffset: out + 3 * n * 4, as: Lanes.self)
                                r += 4
                            }
                            while r < rows {
                                var c0 = start
                                let x0 = x + r * k
                                for i in 0..<k {
                                    c0 += weights.loadUnaligned(fromByteOffset: i * w * 4, as: Lanes.self) * x0[i]
                                }
                                y.storeBytes(of: c0, toByteOffset: (r * n + panel * w) * 4, as: Lanes.self)
                                r += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
