"""Write a Hugging Face-style console log for parsing benchmarks.

Each line is a Trainer dict; with ``--bar-every N`` one line in N also carries the tqdm frames that
``python train.py > log 2>&1`` captures before a dict (the bar redraw, then tqdm.write's clear).
Usage: python benchmarks/hf_log.py OUT [--lines 1000000] [--bar-every 1]
"""

from __future__ import annotations

import argparse
import random


def lines(count: int, bar_every: int, seed: int = 0):
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--bar-every", type=int, default=1, help="0: no progress-bar frames")
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8", newline="") as file:
        for line in lines(args.lines, args.bar_every):
            file.write(line + "\n")


if __name__ == "__main__":
    main()
