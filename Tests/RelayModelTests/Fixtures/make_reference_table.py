#!/usr/bin/env python3
"""Generates the reference tables RelayModelTests check RelayModel against.

Not run in CI: its outputs are committed next to it.

    pip download qwen-vl-utils==0.0.10 --no-deps -d /tmp/q && cd /tmp/q && unzip -o qwen_vl_utils-0.0.10-py3-none-any.whl
    python3 make_reference_table.py /tmp/q            # writes the three JSON files beside this script

1. vision_reference.json — qwen-vl-utils 0.0.10's own `vision_process.py` is executed, unmodified, with tiny fake
   `torch`, `torchvision`, `PIL` and `decord` modules in sys.modules (the real ones are gigabytes and only move
   pixels; every number in the table comes from the package's own smart_resize / smart_nframes / fetch_image /
   fetch_video / _read_video_decord code). The fake `torch.linspace(...).round()` computes the exact rational value
   rounded half to even, as ../shared/reference/qwen2.5-vl.md prescribes (real torch computes in float32 and is one
   frame off on some long videos). The environment variable VIDEO_MAX_PIXELS is removed first so the table is env-free.
   grid_thw and token counts follow the Qwen2.5-VL processor (patch 14, temporal patch 2, merge 2).
2. rope_reference.json — M-RoPE position ids from a pure-Python/numpy port of transformers 4.51
   `Qwen2_5_VLForConditionalGeneration.get_rope_index`, written from that function's source (torch cannot be
   installed cheaply here); second_per_grid_t is float32 as in the model (a float32 tensor), products in float32.
3. prompt_reference.json — prompts rendered by Jinja2 exactly as transformers' `apply_chat_template` does
   (ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks, `tojson` = json.dumps(ensure_ascii=False)) from
   CHAT_TEMPLATE below: Qwen2.5-VL's chat_template.json for text/images/videos, with Qwen2.5's tokenizer template
   blocks for tools (the nous/hermes format Qwen-Agent uses), assistant tool calls and tool responses.
"""
import fractions
import importlib.util
import json
import math
import os
import random
import sys
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------------------------------------------------------------
# Fakes for the heavy modules vision_process.py imports. They carry shapes, never pixels.
# ---------------------------------------------------------------------------------------------------------------------
class FakeTensor:
    def __init__(self, shape=None, values=None):
        self.shape = tuple(shape) if shape is not None else (len(values),)
        self.values = values

    def size(self, dim):
        return self.shape[dim]

    def round(self):
        out = []
        for v in self.values:  # exact rational, half to even
            f = fractions.Fraction(v)
            out.append(round(f))
        return FakeTensor(values=out)

    def long(self):
        return FakeTensor(values=[int(v) for v in self.values])

    def tolist(self):
        return list(self.values)

    def __getitem__(self, idx):
        n = len(idx.values) if isinstance(idx, FakeTensor) else len(idx)
        return FakeTensor(shape=(n,) + self.shape[1:])

    def permute(self, *dims):
        return FakeTensor(shape=tuple(self.shape[d] for d in dims))

    def float(self):
        return self

    def asnumpy(self):
        return self


def fake_linspace(start, end, steps):
    if steps == 1:
        return FakeTensor(values=[fractions.Fraction(start)])
    return FakeTensor(values=[fractions.Fraction(start) + fractions.Fraction(end - start) * i / (steps - 1) for i in range(steps)])


torch = types.ModuleType("torch")
torch.Tensor = FakeTensor
torch.linspace = fake_linspace
torch.tensor = lambda x: FakeTensor(shape=x.shape)

torchvision = types.ModuleType("torchvision")
torchvision.__version__ = "0.20.0"
tv_io = types.ModuleType("torchvision.io")
tv_transforms = types.ModuleType("torchvision.transforms")
tv_functional = types.ModuleType("torchvision.transforms.functional")
tv_functional.resize = lambda video, size, interpolation=None, antialias=None: FakeTensor(shape=(video.shape[0], video.shape[1], size[0], size[1]))
tv_transforms.functional = tv_functional
tv_transforms.InterpolationMode = types.SimpleNamespace(BICUBIC="bicubic")
torchvision.io = tv_io
torchvision.transforms = tv_transforms


def parse_fake_path(path):
    """fake://total=300,fps=30.0,h=1080,w=1920"""
    fields = dict(kv.split("=") for kv in path[len("fake://"):].split(","))
    return int(fields["total"]), float(fields["fps"]), int(fields["h"]), int(fields["w"])


def fake_read_video(path, start_pts=0.0, end_pts=None, pts_unit="sec", output_format="TCHW"):
    total, fps, h, w = parse_fake_path(path)
    return FakeTensor(shape=(total, 3, h, w)), None, {"video_fps": fps}


tv_io.read_video = fake_read_video

PIL = types.ModuleType("PIL")
pil_image = types.ModuleType("PIL.Image")


class FakeImage:
    def __init__(self, width, height, mode="RGB"):
        self.size = (width, height)
        self.mode = mode

    def convert(self, mode):
        return FakeImage(self.size[0], self.size[1], mode)

    def resize(self, size):
        return FakeImage(size[0], size[1], self.mode)


pil_image.Image = FakeImage
pil_image.open = lambda *a, **k: (_ for _ in ()).throw(RuntimeError("no files in the reference table"))
PIL.Image = pil_image

decord = types.ModuleType("decord")


class FakeVideoReader:
    def __init__(self, path):
        self.total, self.fps, self.h, self.w = parse_fake_path(path)

    def __len__(self):
        return self.total

    def get_avg_fps(self):
        return self.fps

    def get_batch(self, idx):
        return FakeTensor(shape=(len(idx), self.h, self.w, 3))


decord.VideoReader = FakeVideoReader

for name, module in {
    "torch": torch, "torchvision": torchvision, "torchvision.io": tv_io, "torchvision.transforms": tv_transforms,
    "torchvision.transforms.functional": tv_functional, "PIL": PIL, "PIL.Image": pil_image, "decord": decord,
}.items():
    sys.modules[name] = module


def load_vision_process(package_dir):
    os.environ.pop("VIDEO_MAX_PIXELS", None)
    os.environ.pop("FORCE_QWENVL_VIDEO_READER", None)
    path = os.path.join(package_dir, "qwen_vl_utils", "vision_process.py")
    spec = importlib.util.spec_from_file_location("vision_process", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.get_video_reader_backend = lambda: "decord"
    return module


# ---------------------------------------------------------------------------------------------------------------------
# 1. Vision table
# ---------------------------------------------------------------------------------------------------------------------
def grid_image(h, w):
    return [1, h // 14, w // 14]


def grid_video(n, h, w):
    return [(n + 1) // 2, h // 14, w // 14]


def tokens(grid):
    return grid[0] * (grid[1] // 2) * (grid[2] // 2)


def image_case(vp, h, w, opts):
    case = {"kind": "image", "height": h, "width": w, **opts}
    try:
        out = vp.fetch_image({"image": FakeImage(w, h), **opts})
        rw, rh = out.size
        case["expect"] = {"resized_height": rh, "resized_width": rw, "grid_thw": grid_image(rh, rw), "visual_tokens": tokens(grid_image(rh, rw))}
    except (ValueError, AssertionError) as e:
        case["expect"] = {"error": str(e)}
    return case


def video_case(vp, total, fps, h, w, opts):
    case = {"kind": "video", "total_frames": total, "video_fps": fps, "height": h, "width": w, **opts}
    ele = {"video": f"fake://total={total},fps={fps!r},h={h},w={w}", **opts}
    try:
        video, sample_fps = vp.fetch_video(ele, return_video_sample_fps=True)
        n, _, rh, rw = video.shape
        # The indices fetch_video used: recompute with the same (fake, exact) linspace the reader called.
        idx = torch.linspace(0, total - 1, n).round().long().tolist()
        g = grid_video(n, rh, rw)
        case["expect"] = {"nframes": n, "frame_indices": idx, "sample_fps": sample_fps, "resized_height": rh,
                          "resized_width": rw, "grid_thw": g, "visual_tokens": tokens(g)}
    except (ValueError, AssertionError) as e:
        case["expect"] = {"error": str(e)}
    return case


def frames_case(vp, count, h, w, opts):
    case = {"kind": "frames", "count": count, "height": h, "width": w, **opts}
    ele = {"type": "video", "video": [FakeImage(w, h) for _ in range(count)], **opts}
    try:
        images, sample_fps = vp.fetch_video(ele, return_video_sample_fps=True)
        rw, rh = images[0].size
        n = len(images)
        g = grid_video(n, rh, rw)
        case["expect"] = {"nframes": n, "sample_fps": sample_fps, "resized_height": rh, "resized_width": rw,
                          "grid_thw": g, "visual_tokens": tokens(g)}
    except (ValueError, AssertionError) as e:
        case["expect"] = {"error": str(e)}
    return case


def vision_table(vp):
    rng = random.Random(20250228)
    cases = []
    # The reference file's examples and rounding edges.
    for h, w in [(1080, 1920), (480, 640), (70, 70), (2400, 1080), (28, 28), (1, 1), (14, 14), (42, 42), (70, 98),
                 (98, 70), (126, 126), (3000, 4000), (4000, 3000), (1, 200), (1, 201), (10, 2001), (2001, 10),
                 (100, 20000), (8192, 8192), (12000, 9000), (224, 224), (336, 336), (1170, 2532), (2532, 1170)]:
        cases.append(image_case(vp, h, w, {}))
    cases.append(image_case(vp, 1080, 1920, {"max_pixels": 768 * 28 * 28}))
    cases.append(image_case(vp, 1080, 1920, {"min_pixels": 256 * 28 * 28, "max_pixels": 1280 * 28 * 28}))
    for _ in range(150):
        kind = rng.random()
        if kind < 0.6:
            h, w = rng.randint(1, 4000), rng.randint(1, 4000)
        elif kind < 0.8:
            h, w = rng.randint(1, 300), rng.randint(1, 300)
        else:
            h = rng.randint(1, 60)
            w = h * rng.randint(150, 260) + rng.randint(0, 20)
            if rng.random() < 0.5:
                h, w = w, h
        opts = {}
        if rng.random() < 0.35:
            opts["max_pixels"] = rng.choice([256, 512, 768, 1024, 1280, 2048]) * 28 * 28
        if rng.random() < 0.25:
            opts["min_pixels"] = rng.choice([4, 16, 64, 128, 256]) * 28 * 28
        cases.append(image_case(vp, h, w, opts))

    # Videos: the reference examples, edges, errors.
    fixed = [
        (300, 30.0, 1080, 1920, {}), (108000, 30.0, 1080, 1920, {}), (45, 30.0, 1080, 1920, {}), (3, 30.0, 480, 640, {}),
        (300, 30.0, 1080, 1920, {"nframes": 7}), (300, 30.0, 1080, 1920, {"fps": 1.0, "nframes": 8}),
        (1, 30.0, 480, 640, {}), (2, 30.0, 480, 640, {}), (300, 30.0, 1080, 1920, {"nframes": 302}),
        (300, 30.0, 1080, 1920, {"nframes": 1}), (300, 30.0, 1, 300, {}), (600, 29.97, 1920, 1080, {}),
        (240, 24.0, 720, 1280, {"fps": 4.0}), (240, 24.0, 720, 1280, {"fps": 0.5}), (150, 25.0, 360, 640, {"max_frames": 9}),
        (150, 25.0, 360, 640, {"min_frames": 5}), (150, 25.0, 360, 640, {"total_pixels": 20 * 28 * 28 * 12}),
        (150, 25.0, 360, 640, {"min_pixels": 256 * 28 * 28}), (150, 25.0, 360, 640, {"max_pixels": 64 * 28 * 28}),
        (3600 * 30, 30.0, 1080, 1920, {}), (90, 30000 / 1001, 1080, 1920, {}), (200, 60.0, 2160, 3840, {"fps": 3.0}),
    ]
    for total, fps, h, w, opts in fixed:
        cases.append(video_case(vp, total, fps, h, w, opts))
    for _ in range(120):
        total = rng.choice([rng.randint(1, 20), rng.randint(20, 600), rng.randint(600, 30000), rng.randint(30000, 200000)])
        fps = rng.choice([24.0, 25.0, 30.0, 29.97, 30000 / 1001, 60.0, 59.94, 15.0, 10.0, 1.0, 12.5])
        h, w = rng.choice([(1080, 1920), (1920, 1080), (720, 1280), (480, 640), (360, 640), (240, 320), (2160, 3840), (144, 176)])
        if rng.random() < 0.2:
            h, w = rng.randint(20, 2000), rng.randint(20, 2000)
        opts = {}
        r = rng.random()
        if r < 0.2:
            opts["nframes"] = rng.randint(1, 64)
        elif r < 0.6:
            opts["fps"] = rng.choice([0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 1.5])
        if "nframes" not in opts and rng.random() < 0.2:
            opts["min_frames"] = rng.randint(1, 16)
        if "nframes" not in opts and rng.random() < 0.2:
            opts["max_frames"] = rng.randint(2, 300)
        if rng.random() < 0.15:
            opts["min_pixels"] = rng.choice([16, 64, 128, 256]) * 28 * 28
        if rng.random() < 0.2:
            opts["max_pixels"] = rng.choice([64, 128, 256, 512, 768, 1024]) * 28 * 28
        if rng.random() < 0.2:
            opts["total_pixels"] = rng.choice([2048, 8192, 24576, 65536]) * 28 * 28
        if rng.random() < 0.03:
            opts["fps"] = 2.0
            opts["nframes"] = 8
        cases.append(video_case(vp, total, fps, h, w, opts))

    # Frame lists: each frame goes through fetch_image; the count is padded to even; no total-pixel budget.
    for count, h, w, opts in [(1, 480, 640, {}), (3, 480, 640, {}), (4, 1080, 1920, {}), (5, 1080, 1920, {"fps": 1.0}),
                              (8, 1080, 1920, {"max_pixels": 256 * 28 * 28}), (7, 100, 100, {"min_pixels": 128 * 28 * 28})]:
        cases.append(frames_case(vp, count, h, w, opts))
    for _ in range(20):
        opts = {}
        if rng.random() < 0.4:
            opts["max_pixels"] = rng.choice([128, 256, 768]) * 28 * 28
        if rng.random() < 0.3:
            opts["fps"] = rng.choice([0.5, 1.0, 4.0])
        cases.append(frames_case(vp, rng.randint(1, 12), rng.randint(10, 2000), rng.randint(10, 2000), opts))
    for i, c in enumerate(cases):
        c["id"] = i
    return cases


# ---------------------------------------------------------------------------------------------------------------------
# 2. M-RoPE position ids: a port of transformers 4.51 Qwen2_5_VLForConditionalGeneration.get_rope_index (one sequence,
#    no attention mask). Ids: vision_start 151652, image_pad 151655, video_pad 151656.
# ---------------------------------------------------------------------------------------------------------------------
VISION_START, IMAGE_PAD, VIDEO_PAD, VISION_END = 151652, 151655, 151656, 151653


def get_rope_index(input_ids, image_grid_thw, video_grid_thw, second_per_grid_ts, spatial_merge_size=2, tokens_per_second=2):
    input_tokens = list(input_ids)
    starts = [i for i, t in enumerate(input_tokens) if t == VISION_START]
    vision_tokens = [input_tokens[i + 1] for i in starts if i + 1 < len(input_tokens)]
    image_nums = vision_tokens.count(IMAGE_PAD)
    video_nums = vision_tokens.count(VIDEO_PAD)
    llm_pos_ids_list = []
    st = 0
    image_index = video_index = 0
    remain_images, remain_videos = image_nums, video_nums
    for _ in range(image_nums + video_nums):
        ed_image = input_tokens.index(IMAGE_PAD, st) if IMAGE_PAD in input_tokens and remain_images > 0 else len(input_tokens) + 1
        ed_video = input_tokens.index(VIDEO_PAD, st) if VIDEO_PAD in input_tokens and remain_videos > 0 else len(input_tokens) + 1
        if ed_image < ed_video:
            t, h, w = image_grid_thw[image_index]
            second_per_grid_t = np.float32(0)
            image_index += 1
            remain_images -= 1
            ed = ed_image
        else:
            t, h, w = video_grid_thw[video_index]
            # A float32 tensor in the model (torch.tensor of the processor's Python floats).
            second_per_grid_t = np.float32(second_per_grid_ts[video_index]) if second_per_grid_ts is not None else np.float32(1.0)
            video_index += 1
            remain_videos -= 1
            ed = ed_video
        llm_grid_t, llm_grid_h, llm_grid_w = t, h // spatial_merge_size, w // spatial_merge_size
        text_len = ed - st
        st_idx = int(llm_pos_ids_list[-1].max()) + 1 if llm_pos_ids_list else 0
        llm_pos_ids_list.append(np.tile(np.arange(text_len, dtype=np.int64), (3, 1)) + st_idx)
        expanded_range = np.repeat(np.arange(llm_grid_t, dtype=np.int64).reshape(-1, 1), llm_grid_h * llm_grid_w, axis=1)
        time_tensor = (expanded_range.astype(np.float32) * second_per_grid_t).astype(np.float32) * np.float32(tokens_per_second)
        t_index = time_tensor.astype(np.int64).flatten()
        h_index = np.broadcast_to(np.arange(llm_grid_h).reshape(1, -1, 1), (llm_grid_t, llm_grid_h, llm_grid_w)).flatten()
        w_index = np.broadcast_to(np.arange(llm_grid_w).reshape(1, 1, -1), (llm_grid_t, llm_grid_h, llm_grid_w)).flatten()
        llm_pos_ids_list.append(np.stack([t_index, h_index, w_index]) + text_len + st_idx)
        st = ed + llm_grid_t * llm_grid_h * llm_grid_w
    if st < len(input_tokens):
        st_idx = int(llm_pos_ids_list[-1].max()) + 1 if llm_pos_ids_list else 0
        text_len = len(input_tokens) - st
        llm_pos_ids_list.append(np.tile(np.arange(text_len, dtype=np.int64), (3, 1)) + st_idx)
    positions = np.concatenate(llm_pos_ids_list, axis=1).reshape(3, -1)
    delta = int(positions.max()) + 1 - len(input_tokens)
    return positions.tolist(), delta


def rope_table():
    def seq(*items):
        ids, images, videos, spg = [], [], [], []
        next_text = 100
        for item in items:
            if isinstance(item, int):
                ids.extend(range(next_text, next_text + item))
                next_text += item
            elif item[0] == "image":
                g = item[1]
                images.append(g)
                ids.extend([VISION_START] + [IMAGE_PAD] * tokens(g) + [VISION_END])
            else:
                g, fps = item[1], item[2]
                videos.append(g)
                spg.append(2 / fps)
                ids.extend([VISION_START] + [VIDEO_PAD] * tokens(g) + [VISION_END])
        return ids, images, videos, spg

    specs = [
        ("text only", [7]),
        ("one image", [5, ("image", [1, 4, 6]), 3]),
        ("video at 2 fps", [4, ("video", [3, 4, 4], 2.0), 2]),
        ("video at 1 fps", [2, ("video", [4, 2, 4], 1.0), 3]),
        ("video at 3 fps collapses ids", [2, ("video", [6, 2, 2], 3.0), 1]),
        ("video at 0.5 fps", [1, ("video", [3, 2, 2], 0.5), 1]),
        ("image then video", [3, ("image", [1, 2, 2]), 2, ("video", [2, 4, 2], 2.0), 4]),
        ("two images", [("image", [1, 6, 4]), 1, ("image", [1, 2, 8]), 2]),
        ("video at 29.97/15 fps", [3, ("video", [5, 2, 4], 29.97 / 15), 2]),
    ]
    cases = []
    for name, items in specs:
        ids, images, videos, spg = seq(*items)
        positions, delta = get_rope_index(ids, images, videos, spg)
        cases.append({"name": name, "input_ids": ids, "image_grid_thw": images, "video_grid_thw": videos,
                      "second_per_grid_ts": spg, "position_ids": positions, "rope_delta": delta})
    return cases


# ---------------------------------------------------------------------------------------------------------------------
# 3. Prompts
# ---------------------------------------------------------------------------------------------------------------------
_CONTENT = (
    "{%- if message['content'] is string %}{{- message['content'] }}"
    "{%- else %}{%- for content in message['content'] %}"
    "{%- if content['type'] == 'image' or 'image' in content or 'image_url' in content %}"
    "{%- set image_count.value = image_count.value + 1 %}"
    "{%- if add_vision_id %}{{- 'Picture ' ~ image_count.value ~ ': ' }}{%- endif %}"
    "{{- '<|vision_start|><|image_pad|><|vision_end|>' }}"
    "{%- elif content['type'] == 'video' or 'video' in content %}"
    "{%- set video_count.value = video_count.value + 1 %}"
    "{%- if add_vision_id %}{{- 'Video ' ~ video_count.value ~ ': ' }}{%- endif %}"
    "{{- '<|vision_start|><|video_pad|><|vision_end|>' }}"
    "{%- elif 'text' in content %}{{- content['text'] }}{%- endif %}"
    "{%- endfor %}{%- endif %}"
)

CHAT_TEMPLATE = (
    "{%- set image_count = namespace(value=0) %}{%- set video_count = namespace(value=0) %}"
    "{%- if tools %}"
    "{{- '<|im_start|>system\\n' }}"
    "{%- if messages[0]['role'] == 'system' %}{%- set message = messages[0] %}" + _CONTENT +
    "{%- else %}{{- 'You are a helpful assistant.' }}{%- endif %}"
    "{{- '\\n\\n# Tools\\n\\nYou may call one or more functions to assist with the user query.\\n\\n"
    "You are provided with function signatures within <tools></tools> XML tags:\\n<tools>' }}"
    "{%- for tool in tools %}{{- '\\n' }}{{- tool | tojson }}{%- endfor %}"
    "{{- '\\n</tools>\\n\\nFor each function call, return a json object with function name and arguments within "
    "<tool_call></tool_call> XML tags:\\n<tool_call>\\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\\n"
    "</tool_call><|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- for message in messages %}"
    "{%- if loop.first and message['role'] != 'system' and not tools %}"
    "{{- '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{%- endif %}"
    "{%- if loop.first and message['role'] == 'system' and tools %}"
    "{%- elif message['role'] == 'tool' %}"
    "{%- if loop.index0 == 0 or messages[loop.index0 - 1]['role'] != 'tool' %}{{- '<|im_start|>user' }}{%- endif %}"
    "{{- '\\n<tool_response>\\n' }}" + _CONTENT + "{{- '\\n</tool_response>' }}"
    "{%- if loop.last or messages[loop.index0 + 1]['role'] != 'tool' %}{{- '<|im_end|>\\n' }}{%- endif %}"
    "{%- elif message['role'] == 'assistant' and message['tool_calls'] %}"
    "{{- '<|im_start|>assistant' }}"
    "{%- if message['content'] %}{{- '\\n' }}" + _CONTENT + "{%- endif %}"
    "{%- for tool_call in message['tool_calls'] %}"
    "{%- if tool_call['function'] is defined %}{%- set tool_call = tool_call['function'] %}{%- endif %}"
    "{{- '\\n<tool_call>\\n{\"name\": \"' }}{{- tool_call['name'] }}{{- '\", \"arguments\": ' }}"
    "{{- tool_call['arguments'] | tojson }}{{- '}\\n</tool_call>' }}"
    "{%- endfor %}{{- '<|im_end|>\\n' }}"
    "{%- else %}"
    "{{- '<|im_start|>' ~ message['role'] ~ '\\n' }}" + _CONTENT + "{{- '<|im_end|>\\n' }}"
    "{%- endif %}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)


def render(messages, tools=None, add_generation_prompt=True, add_vision_id=False):
    from jinja2.ext import loopcontrols
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.filters["tojson"] = tojson
    template = env.from_string(CHAT_TEMPLATE)
    return template.render(messages=messages, tools=tools, add_generation_prompt=add_generation_prompt,
                           add_vision_id=add_vision_id)


def tool(name, description, properties, required):
    return {"type": "function", "function": {"name": name, "description": description,
                                             "parameters": {"type": "object", "properties": properties, "required": required}}}


def prompt_table():
    album = tool("photos.create_album", "Create a photo album with a name.",
                 {"name": {"type": "string", "description": "Album name"}}, ["name"])
    timer = tool("clock.set_timer", "Start a countdown timer.",
                 {"seconds": {"type": "integer", "minimum": 1}, "label": {"type": "string"}}, ["seconds"])
    unicode_tool = tool("messages.send", "Send a message — “quoted” text, emoji 😀, <tags> & ampersands.",
                        {"to": {"type": "string"}, "body": {"type": "string", "description": "Line 1\nLine 2\t\"x\" \\ y"}},
                        ["to", "body"])
    empty = tool("camera.take_photo", "Take a photo.", {}, [])
    mobile = tool("mobile_use", "Use a touchscreen to interact with a mobile device.",
                  {"action": {"type": "string", "enum": ["key", "click", "long_press", "swipe", "type", "system_button", "open", "wait", "terminate"]},
                   "coordinate": {"type": "array", "description": "(x, y) in pixels"}, "time": {"type": "number", "default": 1.5}},
                  ["action"])
    img = {"type": "image", "image": "file:///photo.jpg"}
    vid = {"type": "video", "video": "file:///clip.mp4"}
    cases = [
        ("plain text", [{"role": "user", "content": "Hello"}], None, False),
        ("system prompt", [{"role": "system", "content": "You control a phone."}, {"role": "user", "content": "Hi"}], None, False),
        ("image and text", [{"role": "user", "content": [img, {"type": "text", "text": "Describe this image."}]}], None, False),
        ("video and text", [{"role": "user", "content": [vid, {"type": "text", "text": "What happens?"}]}], None, False),
        ("two images with vision ids", [{"role": "user", "content": [img, img, {"type": "text", "text": "Compare."}]}], None, True),
        ("images and video with vision ids", [{"role": "user", "content": [{"type": "text", "text": "A "}, img, {"type": "text", "text": " B "}, vid]}], None, True),
        ("multi-turn", [{"role": "user", "content": "One"}, {"role": "assistant", "content": "Two"}, {"role": "user", "content": "Three"}], None, False),
        ("tools default system", [{"role": "user", "content": "Make an album called Trip"}], [album, timer], False),
        ("tools with system", [{"role": "system", "content": "You control a phone."}, {"role": "user", "content": [img, {"type": "text", "text": "Tap the button"}]}], [mobile], False),
        ("tools unicode", [{"role": "user", "content": "Text Ana “hi”"}], [unicode_tool, empty], False),
        ("tool call round trip", [
            {"role": "user", "content": "Set a timer for 5 minutes"},
            {"role": "assistant", "content": "", "tool_calls": [{"type": "function", "function": {"name": "clock.set_timer", "arguments": {"seconds": 300, "label": "tea"}}}]},
            {"role": "tool", "content": "{\"ok\": true}"},
        ], [album, timer], False),
        ("two tool calls and results", [
            {"role": "user", "content": "Album Trip and timer 10s"},
            {"role": "assistant", "content": "Doing both.", "tool_calls": [
                {"type": "function", "function": {"name": "photos.create_album", "arguments": {"name": "Trip"}}},
                {"type": "function", "function": {"name": "clock.set_timer", "arguments": {"seconds": 10, "ratio": 0.5, "tags": ["a", None, True]}}}]},
            {"role": "tool", "content": "created"},
            {"role": "tool", "content": "started"},
            {"role": "assistant", "content": "Done."},
            {"role": "user", "content": [vid, {"type": "text", "text": "And this?"}]},
        ], [album, timer], False),
        ("video with system, no generation prompt", [{"role": "system", "content": "S"}, {"role": "user", "content": [vid]}], None, False),
    ]
    out = []
    for name, messages, tools, vision_id in cases:
        gen = name != "video with system, no generation prompt"
        out.append({"name": name, "messages": messages, "tools": tools, "add_vision_id": vision_id,
                    "add_generation_prompt": gen, "prompt": render(messages, tools, gen, vision_id)})
    return out


def main():
    package_dir = sys.argv[1] if len(sys.argv) > 1 else "/tmp/qref"
    vp = load_vision_process(package_dir)
    table = {"source": "qwen-vl-utils 0.0.10 vision_process.py (fake torch/PIL/decord; exact linspace rounding)",
             "constants": {"VIDEO_TOTAL_PIXELS": vp.VIDEO_TOTAL_PIXELS, "MAX_PIXELS": vp.MAX_PIXELS},
             "cases": vision_table(vp)}
    with open(os.path.join(HERE, "vision_reference.json"), "w") as f:
        json.dump(table, f, ensure_ascii=False, indent=0)
    with open(os.path.join(HERE, "rope_reference.json"), "w") as f:
        json.dump({"source": "port of transformers 4.51 get_rope_index", "cases": rope_table()}, f)
    with open(os.path.join(HERE, "prompt_reference.json"), "w") as f:
        json.dump({"source": "Jinja2 rendering of CHAT_TEMPLATE in make_reference_table.py", "template": CHAT_TEMPLATE,
                   "cases": prompt_table()}, f, ensure_ascii=False, indent=1)
    n = len(table["cases"])
    errors = sum(1 for c in table["cases"] if "error" in c["expect"])
    print(f"{n} vision cases ({errors} errors), {len(rope_table())} rope cases, {len(prompt_table())} prompts")


if __name__ == "__main__":
    main()
