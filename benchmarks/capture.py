"""Does a log read the same however it was captured? A metamorphic benchmark over the corpus.

    python -m benchmarks.capture                    # every transform over every log read right today
    python -m benchmarks.capture --transform crlf   # one transform (repeatable)
    python -m benchmarks.capture --slug SLUG        # one log (repeatable)
    python -m benchmarks.capture --json

Real runs are captured the messy way: ``python train.py > log 2>&1``, ``nohup``, ``tee`` on
Windows, tmux, several ranks writing one file. The same records must be read whatever the capture
added around them. For each corpus log that lossmon reads right today (the OK rows of
``python -m benchmarks.corpus``), each transform below is applied alone to the log's bytes, the
result is read as ``lossmon check`` reads it, and its primary train and val series (names, steps,
values) are compared with the clean reading's:

- identical: same names, same steps, same values (NaN equal to NaN);
- lost: a primary series is gone, or has fewer points;
- changed: anything else (another name, more points, other steps or values).

Each transform applies to the kinds of log a program really captures that way (``KINDS``):

- a document (``.json``/``.csv``/``.tsv``, or read as a JSON document, a CSV table or a YOLO
  results file) is written by a writer to its own file: only CRLF ends (Windows) and NUL padding
  (a crashed writer) reach it;
- a console table (sb3, YOLO console rows under their header) is printed to the console: a
  launcher's rank prefix, tqdm, warnings and stray bytes reach it, but its rows do not go through
  ``logging``, so no logging prefix or colour is put on them;
- every other log is printed line by line: every transform applies.

Each transform writes the bytes the program named in its description writes (see ``TRANSFORMS``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import DEFAULT_CORPUS, Entry, load_corpus, score  # noqa: E402
from lossmon.engine.monitor import Monitor  # noqa: E402
from lossmon.engine.sources.files import BLOCK_BYTES  # noqa: E402

DOCUMENT_SUFFIXES = (".json", ".csv", ".tsv")
DOCUMENT_FORMATS = frozenset({"json_document", "hf_trainer_state", "csv", "keras_csv", "lightning_csv",
                              "ultralytics_csv", "yolo_results_txt", "mmengine_scalars"})
TABLE_FORMATS = frozenset({"console_table", "boxed_table"})
KINDS = ("lines", "table", "document")


# Bytes of real programs ---------------------------------------------------------------------

_TQDM_BLOCKS = " ▏▎▍▌▋▊▉"


def tqdm_frame(n: int, total: int = 100) -> bytes:
    """One tqdm update as tqdm 4.x writes it to a file opened for UTF-8 (``status_printer``:
    ``'\\r' + format_meter(...)``, no line end): ``\\r 45%|████▌     | 45/100 [00:14<00:17,
    3.10it/s]``. The layout is tqdm.format_meter's (checked against tqdm 4.70.1): a 3-wide
    percentage, a 10-cell bar of eighth blocks, n/total, elapsed<remaining, and the rate."""
    n = n % (total + 1)
    percent = 100 * n // total
    eighths = 80 * n // total
    bar = "█" * (eighths // 8) + (_TQDM_BLOCKS[eighths % 8] if eighths < 80 else "")
    elapsed = 10 + n // 10
    rate = n / elapsed
    remaining = int((total - n) / rate) if rate else None
    clock = lambda s: f"{s // 60:02d}:{s % 60:02d}"  # noqa: E731
    rate_text = f"{rate:5.2f}it/s" if rate >= 1 else (f"{1 / rate:5.2f}s/it" if rate else "?it/s")
    frame = f"\r{percent:3d}%|{bar:<10}| {n}/{total} [{clock(elapsed)}<{clock(remaining) if remaining is not None else '?'}, {rate_text}]"
    return frame.encode("utf-8")


# warnings.showwarning's two lines, as torch 2.x prints them on stderr (real messages).
WARNING = (
    b"/usr/local/lib/python3.10/dist-packages/torch/optim/lr_scheduler.py:139: UserWarning: Detected call of "
    b"`lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them in the "
    b"opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch "
    b"skipping the first value of the learning rate schedule. See more details at "
    b"https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate\n"
    b'  warnings.warn("Detected call of `lr_scheduler.step()` before `optimizer.step()`. "\n'
)
WARNING_2 = (
    b"/usr/local/lib/python3.10/dist-packages/torch/utils/data/dataloader.py:557: UserWarning: This DataLoader "
    b"will create 8 worker processes in total. Our suggested max number of worker in current system is 4, which is "
    b"smaller than what this DataLoader is going to create. Please be aware that excessive worker creation might get "
    b"DataLoader running slow or even freeze, lower the worker number to avoid potential slowness/freeze if necessary.\n"
    b"  warnings.warn(_create_warning_msg(\n"
)
# traceback.print_exc() of a step skipped after an out-of-memory error (Python 3.11 marks the
# expression with carets); the run goes on.
TRACEBACK = (
    b"Traceback (most recent call last):\n"
    b'  File "/workspace/train.py", line 212, in train_step\n'
    b"    loss = criterion(outputs, targets)\n"
    b"           ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    b'  File "/usr/local/lib/python3.11/site-packages/torch/nn/modules/module.py", line 1511, in _wrapped_call_impl\n'
    b"    return self._call_impl(*args, **kwargs)\n"
    b"           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
    b"torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. GPU 0 has a total capacity of "
    b"15.78 GiB of which 3.50 MiB is free. Of the allocated memory 14.21 GiB is allocated by PyTorch, and 0.39 GiB "
    b"is reserved by PyTorch but unallocated.\n"
)
# A line a Latin-1 system wrote into a UTF-8 log (a path with an accent), and a line cut inside
# a UTF-8 character (a bar's block cut by a flush): neither decodes as UTF-8.
NON_UTF8_LINES = (
    b"Saving checkpoint to /data/exp\xe9riences/run_3/checkpoint.pt\n",
    b"\xe2\x96\x88\xe2\x96\n",
)


# Transforms -----------------------------------------------------------------------------------


def _lines(data: bytes) -> tuple[list[bytes], bytes]:
    """The complete lines of ``data`` (without their \\n) and its unterminated tail."""
    pieces = data.split(b"\n")
    return pieces[:-1], pieces[-1]


def _join(lines: list[bytes], tail: bytes) -> bytes:
    return b"\n".join([*lines, tail])


def _each_line(change: Callable[[int, bytes], bytes]) -> Callable[[bytes], bytes]:
    """A transform applied to every non-blank line (and the unterminated tail)."""

    def transform(data: bytes) -> bytes:
        lines, tail = _lines(data)
        out = [change(i, line) if line.strip() else line for i, line in enumerate(lines)]
        return _join(out, change(len(lines), tail) if tail.strip() else tail)

    return transform


def _keep_cr(wrap: Callable[[bytes], bytes]) -> Callable[[int, bytes], bytes]:
    """Wrap a line's text, keeping a \\r\\n line end outside the wrapping."""

    def change(_: int, line: bytes) -> bytes:
        if line.endswith(b"\r"):
            return wrap(line[:-1]) + b"\r"
        return wrap(line)

    return change


def crlf(data: bytes) -> bytes:
    """Windows: every \\n written as \\r\\n (print() on Windows, PowerShell's Tee-Object)."""
    return re.sub(rb"(?<!\r)\n", b"\r\n", data)


# colorlog / rich / loguru: an SGR colour, the text, a reset.
ansi_lines = _each_line(_keep_cr(lambda text: b"\x1b[32m" + text + b"\x1b[0m"))

_NUMBER = re.compile(rb"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])")
# torchtitan, rich's highlighter: each number in bold cyan, reset after it.
ansi_values = _each_line(lambda _, line: _NUMBER.sub(lambda m: b"\x1b[1;36m" + m.group() + b"\x1b[0m", line))


def _stamp(i: int, fmt: str) -> bytes:
    seconds = i // 10  # ten lines a second
    h, m, s = 12 + seconds // 3600 % 12, seconds // 60 % 60, seconds % 60
    return fmt.format(h=h, m=m, s=s, ms=(i * 37) % 1000).encode()


# logging's "%(asctime)s - %(levelname)s - %(message)s" (asctime has a comma before the ms).
logging_prefix = _each_line(lambda i, line: _stamp(i, "2024-05-01 {h:02d}:{m:02d}:{s:02d},{ms:03d} - INFO - ") + line)
# "[%(asctime)s] %(message)s" with datefmt "%Y-%m-%d %H:%M:%S".
bracket_time_prefix = _each_line(lambda i, line: _stamp(i, "[2024-05-01 {h:02d}:{m:02d}:{s:02d}] ") + line)
# loguru's default format: "{time:YYYY-MM-DD HH:mm:ss.SSS} | {level: <8} | {name}:{function}:{line} - {message}".
loguru_prefix = _each_line(
    lambda i, line: _stamp(i, "2024-05-01 {h:02d}:{m:02d}:{s:02d}.{ms:03d} | INFO     | __main__:train:42 - ") + line
)
# torch >= 2.3 launcher (torchrun --tee / --local-ranks-filter): "[rank0]:" before each line.
rank_prefix = _each_line(lambda _, line: b"[rank0]:" + line)
# SLURM srun -l: "0: " before each line.
srun_prefix = _each_line(lambda _, line: b"0: " + line)


def two_ranks(data: bytes) -> bytes:
    """Two ranks print the same lines to one file (torchrun --tee): each line as rank 0 wrote
    it, then rank 1's copy."""
    lines, tail = _lines(data)
    out = []
    for line in lines:
        if line.strip():
            out += [b"[rank0]:" + line, b"[rank1]:" + line]
        else:
            out.append(line)
    return _join(out, b"[rank0]:" + tail if tail.strip() else tail)


def tqdm_glued(data: bytes) -> bytes:
    """``python train.py > log 2>&1`` with stdout line-buffered (a tty, ``-u``): a tqdm frame on
    unbuffered stderr ends without a line end, so the next line printed is glued after it."""
    return _each_line(lambda i, line: tqdm_frame(i) + line)(data)


def _tqdm_split(every: int) -> Callable[[bytes], bytes]:
    def transform(data: bytes) -> bytes:
        """stdout block-buffered (``> log 2>&1``), stderr not: stdout reaches the file in blocks of
        ``every`` bytes, and between two blocks tqdm's frames land, wherever the block ended,
        often mid-line: ``{'loss': 3.7, 'grad_n\\r  5%|▌ | 5/100 [...]orm': 1.1}``."""
        pieces = [data[k : k + every] for k in range(0, len(data), every)]
        return b"".join(piece + (tqdm_frame(k) if k + 1 < len(pieces) else b"") for k, piece in enumerate(pieces))

    return transform


def _between_lines(every: int, insert: Callable[[int], bytes]) -> Callable[[bytes], bytes]:
    def transform(data: bytes) -> bytes:
        lines, tail = _lines(data)
        out = []
        for i, line in enumerate(lines):
            out.append(line)
            if i % every == every // 2:
                out.append(insert(i).rstrip(b"\n"))
        return _join(out, tail)

    return transform


# stderr warnings every 40 lines, and a traceback of a skipped step in every 4th of them.
warnings_traceback = _between_lines(40, lambda i: TRACEBACK if i % 160 == 20 else (WARNING if i % 80 == 20 else WARNING_2))
non_utf8 = _between_lines(50, lambda i: NON_UTF8_LINES[(i // 50) % 2])


def nul_padding(data: bytes) -> bytes:
    """A writer that crashed: the file's size was set past what was written, and the hole reads
    as NUL bytes (a node lost with the log on NFS, a full disk)."""
    return data + b"\x00" * 4096


@dataclass(frozen=True)
class Transform:
    name: str
    apply: Callable[[bytes], bytes]
    kinds: frozenset[str]  # the kinds of log (KINDS) it is applied to
    what: str


TRANSFORMS: tuple[Transform, ...] = (
    Transform("crlf", crlf, frozenset(KINDS), "CRLF line ends (Windows, PowerShell tee)"),
    Transform("ansi-lines", ansi_lines, frozenset({"lines"}), "an SGR colour around each line"),
    Transform("ansi-values", ansi_values, frozenset({"lines"}), "an SGR colour around each number"),
    Transform("logging-prefix", logging_prefix, frozenset({"lines"}), "'2024-05-01 12:00:00,123 - INFO - '"),
    Transform("bracket-time-prefix", bracket_time_prefix, frozenset({"lines"}), "'[2024-05-01 12:00:00] '"),
    Transform("loguru-prefix", loguru_prefix, frozenset({"lines"}), "'2024-05-01 12:00:00.123 | INFO     | __main__:train:42 - '"),
    Transform("rank-prefix", rank_prefix, frozenset({"lines", "table"}), "'[rank0]:' (torchrun --tee)"),
    Transform("srun-prefix", srun_prefix, frozenset({"lines", "table"}), "'0: ' (srun -l)"),
    Transform("two-ranks", two_ranks, frozenset({"lines", "table"}), "[rank0]: and [rank1]: copies of each line"),
    Transform("tqdm-glued", tqdm_glued, frozenset({"lines", "table"}), "a tqdm frame glued before each line"),
    Transform("tqdm-split-4096", _tqdm_split(4096), frozenset({"lines", "table"}), "a tqdm frame at each 4096-byte flush"),
    Transform("tqdm-split-8192", _tqdm_split(8192), frozenset({"lines", "table"}), "a tqdm frame at each 8192-byte flush"),
    Transform("warnings-traceback", warnings_traceback, frozenset({"lines", "table"}), "warnings every 40 lines, tracebacks"),
    Transform("non-utf8", non_utf8, frozenset({"lines", "table"}), "a non-UTF-8 line every 50 lines"),
    Transform("nul-padding", nul_padding, frozenset(KINDS), "4096 NUL bytes at the end"),
)
TRANSFORMS_BY_NAME = {t.name: t for t in TRANSFORMS}


# Readings -------------------------------------------------------------------------------------


@dataclass
class Reading:
    train: str | None
    val: str | None
    format_id: str | None
    series: dict[str, tuple[np.ndarray, np.ndarray]]  # primary name → (steps, values)
    names: frozenset[str]  # every series read


def read(data: bytes, source: str) -> Reading:
    """What ``lossmon check`` reads from these bytes (fed in its history blocks), detectors aside."""
    monitor = Monitor(source, detectors=())
    for start in range(0, len(data), BLOCK_BYTES):
        monitor.feed(data[start : start + BLOCK_BYTES])
    monitor.finish()
    store = monitor.store
    series = {}
    for name in (store.primary_train, store.primary_val):
        if name is not None:
            s = store[name]
            series[name] = (np.array(s.steps, dtype=np.float64), np.array(s.values, dtype=np.float64))
    return Reading(store.primary_train, store.primary_val, monitor.parser.format_id, series,
                   frozenset(s.name for s in store))


def compare(clean: Reading, got: Reading) -> tuple[str, str]:
    """("identical" | "changed" | "lost", why)."""
    for role, want, have in (("train", clean.train, got.train), ("val", clean.val, got.val)):
        if want is not None and have is None:
            return "lost", f"no {role} (was {want})"
        if want != have:
            return "changed", f"{role} {have!r}, was {want!r}"
    for name, (steps, values) in clean.series.items():
        got_steps, got_values = got.series[name]
        if len(got_values) < len(values):
            return "lost", f"{name} {len(got_values)} points, was {len(values)}"
        if len(got_values) > len(values):
            return "changed", f"{name} {len(got_values)} points, was {len(values)}"
        if not np.array_equal(values, got_values, equal_nan=True):
            k = int(np.flatnonzero(~((values == got_values) | (np.isnan(values) & np.isnan(got_values))))[0])
            return "changed", f"{name} value #{k} {got_values[k]!r}, was {values[k]!r}"
        if not np.array_equal(steps, got_steps, equal_nan=True):
            k = int(np.flatnonzero(steps != got_steps)[0])
            return "changed", f"{name} step #{k} {got_steps[k]!r}, was {steps[k]!r}"
    return "identical", ""


# Runs -----------------------------------------------------------------------------------------


@dataclass
class Outcome:
    transform: str
    applied: int = 0
    identical: int = 0
    changed: list[tuple[str, str]] = field(default_factory=list)  # (slug, why)
    lost: list[tuple[str, str]] = field(default_factory=list)
    new_series: list[tuple[str, list[str]]] = field(default_factory=list)  # names only the transform made


def kind_of(path: Path, clean: Reading) -> str:
    """"document", "table" or "lines" (see the module's docstring)."""
    if path.suffix.lower() in DOCUMENT_SUFFIXES or clean.format_id in DOCUMENT_FORMATS:
        return "document"
    return "table" if clean.format_id in TABLE_FORMATS else "lines"


def readable_logs(entries: list[Entry]) -> list[Entry]:
    """The logs lossmon reads right today (the corpus scorer's OK rows), text only."""
    return [e for e in entries if score(e).parse_ok and not _binary(e.log)]


def _binary(path: Path) -> bool:
    head = path.read_bytes()[:4096]
    return head.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in head)  # UTF-16, event files


def run_log(entry: Entry, transforms: list[Transform], outcomes: dict[str, Outcome]) -> None:
    data = entry.log.read_bytes()
    source = str(entry.log)
    clean = read(data, source)
    kind = kind_of(entry.log, clean)
    for transform in transforms:
        if kind not in transform.kinds:
            continue
        outcome = outcomes[transform.name]
        outcome.applied += 1
        got = read(transform.apply(data), source)
        verdict, why = compare(clean, got)
        if verdict == "identical":
            outcome.identical += 1
        else:
            getattr(outcome, verdict).append((entry.slug, why))
        fresh = sorted(got.names - clean.names)
        if fresh:
            outcome.new_series.append((entry.slug, fresh))


def run(entries: list[Entry], transforms: list[Transform]) -> list[Outcome]:
    outcomes = {t.name: Outcome(t.name) for t in transforms}
    for entry in entries:
        run_log(entry, transforms, outcomes)
    return [outcomes[t.name] for t in transforms]


def text_report(outcomes: list[Outcome], logs: int) -> str:
    lines = [f"{logs} corpus logs read right today; each transform alone:", ""]
    header = ("transform", "applied", "identical", "changed", "lost", "new series in")
    rows = [(o.transform, o.applied, o.identical, len(o.changed), len(o.lost), len(o.new_series)) for o in outcomes]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        lines.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    for o in outcomes:
        for kind, items in (("lost", o.lost), ("changed", o.changed)):
            if items:
                lines += ["", f"{o.transform}: {kind}"]
                lines += [f"  {slug}: {why}" for slug, why in items]
        if o.new_series:
            lines += ["", f"{o.transform}: new series"]
            lines += [f"  {slug}: {', '.join(names[:6])}{' ...' if len(names) > 6 else ''}" for slug, names in o.new_series]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.capture", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, metavar="DIR")
    parser.add_argument("--transform", action="append", choices=list(TRANSFORMS_BY_NAME), help="repeatable")
    parser.add_argument("--slug", action="append", help="only this corpus log (repeatable)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args(argv)
    entries = load_corpus(args.corpus)
    if args.slug:
        entries = [e for e in entries if e.slug in set(args.slug)]
    entries = readable_logs(entries)
    transforms = [TRANSFORMS_BY_NAME[n] for n in args.transform] if args.transform else list(TRANSFORMS)
    outcomes = run(entries, transforms)
    if args.json:
        json.dump({"logs": len(entries), "transforms": [o.__dict__ for o in outcomes]}, sys.stdout)
        sys.stdout.write("\n")
    else:
        print(text_report(outcomes, len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
