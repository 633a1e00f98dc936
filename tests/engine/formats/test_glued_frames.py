"""Progress-bar frames are stripped wherever they stand (issue 12, class 1): glued before a record
with no ``\\r`` between them, or cutting a record in two where a block-buffered stdout flushed
mid-line while tqdm wrote to unbuffered stderr."""

import random
import re

from lossmon.engine.formats.auto import strip_bar_frames
from parse_helpers import CORPUS, GLUED_TQDM_RECORDS, read


def test_real_dicts_glued_after_frames_are_read():
    monitor = read("\n".join(GLUED_TQDM_RECORDS * 3) + "\n")
    assert monitor.store["loss"].values.tolist() == [1.5618, 1.2588] * 3
    assert monitor.store["mean_token_accuracy"].values.tolist()[:2] == [0.6513763800263405, 0.6785490036010742]


def _fake_hf_run(steps: int, seed: int) -> tuple[bytes, list[dict]]:
    """What ``python train.py > log 2>&1`` captures from a Trainer: tqdm redraws its bar on the
    unbuffered stderr at every step, tqdm.write clears it before a log; the dicts go to stdout,
    block-buffered, which reaches the file in flushes of 4-8 KB that may end anywhere in a line."""
    rng = random.Random(seed)
    out, pending, logged = [], "", []
    flush_at = rng.randint(4096, 8192)
    for step in range(1, steps + 1):
        pct = 100 * step // steps
        bar = "█" * (pct // 10) + " " * (10 - pct // 10)
        frame = f"\r{pct:3d}%|{bar}| {step}/{steps} [00:{step % 60:02d}<01:00, {rng.uniform(1, 9):.2f}it/s]"
        out.append(frame)
        if step % 5 == 0:
            record = {"loss": round(rng.uniform(0.5, 3), 4), "grad_norm": rng.uniform(0.1, 5),
                      "learning_rate": 5e-05 * (1 - step / steps), "epoch": round(step / steps, 2)}
            logged.append(record)
            if rng.random() < 0.5:  # tqdm.write clears the bar on stderr (not in every capture)
                out.append("\r" + " " * len(frame) + "\r")
            pending += f"{record}\n"
            while len(pending) >= flush_at:  # stdout's buffer is full: it is written, cut or not
                out.append(pending[:flush_at])
                pending = pending[flush_at:]
                flush_at = rng.randint(4096, 8192)
    out.append(pending + "\n")
    return "".join(out).encode(), logged


def test_a_buffered_hf_run_keeps_every_record():
    for seed in range(4):
        data, logged = _fake_hf_run(3000, seed)
        text = data.decode()
        assert re.search(r"it/s\][^\r\n]", text)  # text glued to a frame, no \r between
        cut = sum(1 for line in text.split("\n") if "{'loss'" in line and "\r" in line.split("{'loss'", 1)[1])
        assert cut > 0  # some records are split by a frame
        monitor = read(data, chunk=4096)
        assert monitor.store["loss"].values.tolist() == [record["loss"] for record in logged]
        assert monitor.store["grad_norm"].values.tolist() == [record["grad_norm"] for record in logged]
        assert len(monitor.store["loss"]) == len(logged) == 600


def test_a_frame_with_metrics_in_it_is_not_stripped():
    lines = [f"\rEpoch 1:  {s}%|█| {s}/9 [00:00<00:00, 9.1it/s, v_num=7, train_loss={1 / s:.3f}]" for s in range(1, 9)]
    monitor = read("".join(lines) + "\n")
    assert len(monitor.store["train_loss"]) >= 1




# A terminal copy of a bar that came out wider than the window: the wide frame wrapped, the next
# frame was drawn over its second row, and the first row stays as a remnant cut anywhere after its
# "NN%|" (tests/corpus/multilingual-unlearning-hf-finetune-print-dicts-tqdm, line 24: cut after the
# count; a Windows console copy of a TRL SFT run, cut inside the brackets, bars shortened here).
_WRAPPED_FRAMES = [
    " 95%|" + "█" * 132 + "▍      | 15876/16666  95%|" + "█" * 103 + "▊     | 15877/16666 [71:25:50<3:27:57,"
    " 15.81s/it] {'loss': 0.0794, 'grad_norm': 35.25, 'learning_rate': 9.000225005625141e-09, 'epoch': 5.0}" + " " * 67,
    "  5%|███▏" + " " * 57 + "| 21/430 [05:58<1:54:0  5%|▎    | 22/430 [06:14<1:53:08, 16.64s/it]" + " " * 49
    + "6%|▎    | 26/430 [07:15<1:44:25, 1  6%|▏  | 27/430 [07:31<1:46:12, 15.81s/it] {'loss': '1.315', 'grad_norm':"
    " '2.15', 'learning_rate': '0.0001349', 'entropy': '1.547', 'epoch': '0.3509'}",
]


def test_a_dict_after_a_wrapped_frames_remnant_is_read():
    monitor = read("\n".join(_WRAPPED_FRAMES) + "\n")
    assert monitor.store["loss"].values.tolist() == [0.0794, 1.315]
    assert monitor.store["grad_norm"].values.tolist() == [35.25, 2.15]


def test_the_whole_corpus_log_keeps_its_last_dict():
    text = (CORPUS / "multilingual-unlearning-hf-finetune-print-dicts-tqdm" / "finetune.txt").read_bytes()
    assert read(text).store["loss"].values.tolist()[-2:] == [0.0809, 0.0794]


def test_a_remnant_is_stripped_only_before_a_whole_frame():
    # no frame after it that closes its brackets: the text stays as it was
    line = " 95%|████▍      | 15876/16666  95%|███▊     | 15877/16666 {'loss': 0.0794}"
    assert strip_bar_frames(line) == line
    # nor across a record between it and the frame (no bar holds a brace or a quote)
    line = " 95%|████▍      | 15876/16666 {'loss': 0.0794}  95%|███▊     | 15877/16666 [71:25:50<3:27:57, 15.81s/it]"
    assert strip_bar_frames(line) == line
