#ifndef RELAY_CFFMPEG_SHIM_H
#define RELAY_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/channel_layout.h>
#include <libswscale/swscale.h>
#include <libswresample/swresample.h>

// Swift cannot import function-like or compound macros; each constant below
// re-exports one so the Swift layer never hard-codes FFmpeg's numbers.

/// AVERROR(EAGAIN): "output not ready, feed more input" (control flow, not an error).
static inline int cffmpeg_averror_eagain(void) { return AVERROR(EAGAIN); }
/// AVERROR_EOF: end of stream (control flow, not an error).
static inline int cffmpeg_averror_eof(void) { return AVERROR_EOF; }
/// AVERROR_INVALIDDATA: a damaged packet; decoding may continue past it.
static inline int cffmpeg_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
/// AVERROR(ENOMEM).
static inline int cffmpeg_averror_enomem(void) { return AVERROR(ENOMEM); }
/// AV_NOPTS_VALUE: "no timestamp".
static inline int64_t cffmpeg_nopts_value(void) { return AV_NOPTS_VALUE; }
/// AV_TIME_BASE_Q: the time base of AVFormatContext.duration/start_time.
static inline AVRational cffmpeg_time_base_q(void) { return AV_TIME_BASE_Q; }

/// AVFrame.data imports as an 8-tuple; this gives plane `i` without tuple juggling.
static inline uint8_t *cffmpeg_frame_plane(const AVFrame *frame, int i) { return frame->data[i]; }
/// AVFrame.linesize imports as an 8-tuple; this gives the stride of plane `i`.
static inline int cffmpeg_frame_linesize(const AVFrame *frame, int i) { return frame->linesize[i]; }

/// AV_FRAME_FLAG_CORRUPT: the decoder output a frame it knows to be damaged.
static inline int cffmpeg_frame_flag_corrupt(void) { return AV_FRAME_FLAG_CORRUPT; }
/// AV_CODEC_FLAG_QSCALE | FF_QP2LAMBDA: fixed-quality encoding (JPEG quality) without macro arithmetic in Swift.
static inline void cffmpeg_set_fixed_quality(AVCodecContext *ctx, AVFrame *frame, int qscale) {
    ctx->flags |= AV_CODEC_FLAG_QSCALE;
    ctx->global_quality = FF_QP2LAMBDA * qscale;
    frame->quality = FF_QP2LAMBDA * qscale;
}

/// Display rotation of a stream in degrees counter-clockwise, as ffprobe prints it from the
/// AV_PKT_DATA_DISPLAYMATRIX side data. Returns 0 and sets *found = 0 when there is no (usable) matrix.
/// (The side data is a uint8_t blob holding nine int32; the cast lives here so Swift never sees it.)
static inline double cffmpeg_stream_rotation(const AVStream *st, int *found) {
    size_t size = 0;
    const uint8_t *data = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
    *found = 0;
    if (!data || size < 9 * sizeof(int32_t)) return 0;
    double r = av_display_rotation_get((const int32_t *)data);
    if (r != r) return 0;  /* NaN: the matrix is not a pure rotation */
    *found = 1;
    return r;
}

/// Scales/converts all of `src` into `dst`. Both frames must come from `av_frame_get_buffer` (or a decoder):
/// libswscale's SIMD paths read and write past the last pixel of a row up to the aligned `linesize`, so a
/// tightly packed buffer of exactly width × bytes-per-pixel × height is overrun (see PictureBuffer.swift).
static inline int cffmpeg_scale_frame(struct SwsContext *sws, const AVFrame *src, AVFrame *dst) {
    return sws_scale(sws, (const uint8_t *const *)src->data, src->linesize, 0, src->height, dst->data, dst->linesize);
}

/// Resamples one decoded audio frame (or flushes, when `frame` is NULL) into packed float `out`.
static inline int cffmpeg_resample(SwrContext *swr, const AVFrame *frame, float *out, int out_capacity) {
    uint8_t *out_planes[1] = { (uint8_t *)out };
    if (!frame) return swr_convert(swr, out_planes, out_capacity, NULL, 0);
    return swr_convert(swr, out_planes, out_capacity, (const uint8_t **)frame->extended_data, frame->nb_samples);
}

#endif
