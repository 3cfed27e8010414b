"""Independent reference for Relay's sentence encoder (RelaySentenceEncoder), used by its tests.

Reads a JSON list of sentences on stdin and writes {"ids": [[int]], "embeddings": [[float]]} on stdout:
token ids from HF `tokenizers` loading the model's own tokenizer.json (padding off, truncation at the
sentence-transformers limit), and sentence embeddings from a numpy forward pass of BERT in float64 over the weights
read by the `safetensors` package, mean-pooled over the tokens and L2-normalised, as sentence-transformers'
all-MiniLM-L6-v2 (Transformer -> Pooling(mean) -> Normalize) computes them.

Written from the BERT paper/HF BertModel, not from the Swift code, so the two can disagree.
Usage: encoder-reference.py MODEL_DIR < sentences.json
"""
import json
import math
import os
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer


def main():
    model_dir = sys.argv[1]
    sentences = json.load(sys.stdin)
    config = json.load(open(os.path.join(model_dir, "config.json")))
    st_config = json.load(open(os.path.join(model_dir, "sentence_bert_config.json")))
    max_len = st_config["max_seq_length"]

    tokenizer = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_len)
    encodings = tokenizer.encode_batch(sentences)

    raw = {k.removeprefix("bert."): v for k, v in load_file(os.path.join(model_dir, "model.safetensors")).items()
           if v.dtype == np.float32}
    words = raw.pop("embeddings.word_embeddings.weight")  # 30,522 rows: only the ones used go to float64
    w = {k: v.astype(np.float64) for k, v in raw.items()}
    eps = config["layer_norm_eps"]
    heads = config["num_attention_heads"]
    hidden = config["hidden_size"]
    head_dim = hidden // heads

    def layer_norm(x, prefix):
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / np.sqrt(var + eps) * w[prefix + ".weight"] + w[prefix + ".bias"]

    def dense(x, prefix):
        return x @ w[prefix + ".weight"].T + w[prefix + ".bias"]

    def erf(x):
        # Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7), vectorised: math.erf one element at a time took
        # seconds for the long sentence. Its error moves an embedding by about 1e-8, far below the 1e-4 compared.
        sign = np.sign(x)
        a = np.abs(x)
        t = 1.0 / (1.0 + 0.3275911 * a)
        poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        return sign * (1.0 - poly * np.exp(-a * a))

    ids_out, embeddings = [], []
    for enc in encodings:
        ids = np.array(enc.ids)
        types = np.array(enc.type_ids)
        n = len(ids)
        x = (words[ids].astype(np.float64)
             + w["embeddings.position_embeddings.weight"][np.arange(n)]
             + w["embeddings.token_type_embeddings.weight"][types])
        x = layer_norm(x, "embeddings.LayerNorm")
        for i in range(config["num_hidden_layers"]):
            p = f"encoder.layer.{i}"
            def split(t):  # (n, hidden) -> (heads, n, head_dim)
                return t.reshape(n, heads, head_dim).transpose(1, 0, 2)
            q = split(dense(x, p + ".attention.self.query"))
            k = split(dense(x, p + ".attention.self.key"))
            v = split(dense(x, p + ".attention.self.value"))
            scores = q @ k.transpose(0, 2, 1) / math.sqrt(head_dim)  # one sentence, no padding: mask is all ones
            scores = scores - scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(1, 0, 2).reshape(n, hidden)
            x = layer_norm(dense(context, p + ".attention.output.dense") + x, p + ".attention.output.LayerNorm")
            h = dense(x, p + ".intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / math.sqrt(2.0)))
            x = layer_norm(dense(h, p + ".output.dense") + x, p + ".output.LayerNorm")
        pooled = x.mean(axis=0)
        pooled /= max(np.linalg.norm(pooled), 1e-12)
        ids_out.append([int(t) for t in ids])
        embeddings.append([float(f) for f in pooled])
    json.dump({"ids": ids_out, "embeddings": embeddings}, sys.stdout)


if __name__ == "__main__":
    main()
