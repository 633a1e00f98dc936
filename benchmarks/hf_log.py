"""Write a Hugging Face-style console log for parsing benchmarks.

Each line is a Trainer dict; with ``--bar-every N`` one line in N also carries the tqdm frames that
``python train.py > log 2>&1`` captures before a dict (the bar redraw, then tqdm.write's clear).
With ``--warn-every N``, a library warning (a two-line Python ``UserWarning`` or a transformers
``[WARNING|...]`` line) follows one dict in N, as they do in real runs.
Usage: python benchmarks/hf_log.py OUT [--lines 1000000] [--bar-every 1] [--warn-every 0]
"""

from __future__ import annotations

import argparse
import random

_WARNINGS = (
    "/usr/local/lib/python3.10/dist-packages/torch/utils/checkpoint.py:464: UserWarning: torch.utils.checkpoint: "
    "the use_reentrant parameter should be passed explicitly. In version 2.4 we will raise an exception if "
    "use_reentrant is not passed. use_reentrant=False is recommended, but if you need to preserve the current "
    "default behavior, you can pass use_reentrant=True.\n  warnings.warn(",
    "[WARNING|trainer.py:2817] 2024-05-01 12:00:{second:02d},123 >> Checkpoint destination directory "
    "out/checkpoint-{step} already exists and is non-empty. Saving will proceed but saved results may be invalid.",
)


def lines(count: int, bar_every: int, seed: int = 0, warn_every: int = 0):
    rng = random.Random(seed)
    total = count * 10
    loss = 2.5
    for index in range(count):
        step = (index + 1) * 10
        loss = max(0.05, loss * 0.9999 + rng.gauss(0, 0.01))
        record = (
            f"{{'loss': {round(loss, 4)}, 'grad_norm': {rng.uniform(0.5, 5.0)}, "
            f"'learning_rate': {5e-05 * (1 - index / count)}, 'epoch': {round(step / 1000, 2)}}}"
        )
        if index % 1000 == 999:
            yield f"{{'eval_loss': {loss * 1.1}, 'eval_runtime': 12.3456, 'eval_samples_per_second': 81.003, 'eval_steps_per_second': 10.125, 'epoch': {round(step / 1000, 2)}}}"
        if bar_every and index % bar_every == 0:
            percent = 100 * step // total
            bar = "█" * (percent // 10) + " " * (10 - percent // 10)
            frame = f"\r{percent:3d}%|{bar}| {step}/{total} [00:{index % 60:02d}<12:34, 98.10it/s]"
            record = frame + "\r" + " " * len(frame) + "\r" + record
        yield record
        if warn_every and index % warn_every == warn_every // 2:
            yield from _WARNINGS[(index // warn_every) % 2].format(second=index % 60, step=step).split("\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--bar-every", type=int, default=1, help="0: no progress-bar frames")
    parser.add_argument("--warn-every", type=int, default=0, help="0: no warnings")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8", newline="") as file:
        for line in lines(args.lines, args.bar_every, warn_every=args.warn_every):
            file.write(line + "\n")


if __name__ == "__main__":
    main()
