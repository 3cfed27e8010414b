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

#endif
