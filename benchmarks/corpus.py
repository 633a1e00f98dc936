"""Score lossmon on the real-log corpus: are the primary train/val losses named and counted right,
and is the verdict right where a label gives one?

    python -m benchmarks.corpus                          # tests/corpus, one row per log and totals
    python -m benchmarks.corpus --min-parse 0.97         # exit 1 below that parse accuracy (CI)
    python -m benchmarks.corpus --json                   # the same, as one JSON object
    python -m benchmarks.corpus --corpus tests/corpus --corpus /work/shared/real-logs

A corpus directory holds one directory per log, ``<slug>/label.json`` next to the log: its source
(repo, commit, path, kept: "whole", "prefix: first N lines", or "prefix: first N bytes" for a log
with no line end to cut at), framework, file, train and val
({names, count, count_by}; val null when the log has no held-out loss), verdict and verdict_why.
label_problems() below is the schema as code. ``--corpus`` may be given more than once. A flat directory of logs
without label directories (the team's ../shared/real-logs) is scored with the labels of
``benchmarks/shared_real_logs.json``, matched by file name: those logs live outside the repository.

Each log is read as ``lossmon check`` reads it (lossmon.engine.check_file, no options). A log is
parsed right when lossmon's primary train series is one of the label's train names (case and
separators aside: same_name) and its record count is within 2% of the label's count, and the same holds for val (a label without val
wants no primary val; a val name that names no split of its own, the key a log prints for the held-out pass, is
met by that name behind the pass's tag: "Test/loss", "Test set/Average loss"). A verdict is right when a "healthy" log gets no alert (and lossmon read its train loss), and a log labelled
with pathology P gets a finding of P at warn or alert. Where the project's own definitions fit a
log equally well under two names (checklists.md calls a loss flat at the chance level a plateau;
a labeller may call the same run not converging), the label's optional ``verdict_also`` lists the
other pathology and its verdict_why says why both fit; a finding of either is right.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from lossmon.engine import check_file  # noqa: E402
from lossmon.engine.errors import LossmonError  # noqa: E402

DEFAULT_CORPUS = ROOT / "tests" / "corpus"
SHARED_LABELS = ROOT / "benchmarks" / "shared_real_logs.json"
COUNT_TOLERANCE = 0.02
VERDICTS = (
    "healthy", "exploding_loss", "nan_or_inf", "not_converging", "overfitting",
    "contradictory_metrics", "stuck_periodic", "plateau",
)
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+\Z")
COMMIT = re.compile(r"[0-9a-f]{40}\Z")
KEPT = re.compile(r"(whole|prefix: first [1-9][0-9]* (?:lines|bytes))\Z")


class CorpusError(Exception):
    """A corpus directory or a label that cannot be scored: one line for the user."""


@dataclass
class Entry:
    slug: str
    label: dict
    log: Path          # the log file
    label_path: Path   # where the label was read from


@dataclass
class Result:
    entry: Entry
    got_train: str | None = None
    got_train_count: int = 0
    got_val: str | None = None
    got_val_count: int = 0
    parse_ok: bool = False
    parse_why: list[str] = field(default_factory=list)
    verdict_ok: bool | None = None  # None: the label gives no verdict
    verdict_why: str = ""
    alerts: list[str] = field(default_factory=list)  # pathologies found at severity alert
    warns: list[str] = field(default_factory=list)


def label_problems(label: object) -> list[str]:
    """What is wrong with a label.json per the corpus schema (empty when it is well-formed)."""
    if not isinstance(label, dict):
        return ["not a JSON object"]
    problems = []
    source = label.get("source")
    if not isinstance(source, dict):
        problems.append("source: missing")
    else:
        if not isinstance(source.get("repo"), str) or not REPO.match(source["repo"]):
            problems.append(f"source.repo: {source.get('repo')!r} is not owner/name")
        commit = source.get("commit")
        if commit is not None and (not isinstance(commit, str) or not COMMIT.match(commit)):
            problems.append(f"source.commit: {commit!r} is neither 40 hex digits nor null")
        if not isinstance(source.get("path"), str) or not source["path"].strip():
            problems.append("source.path: missing")
        if not isinstance(source.get("kept"), str) or not KEPT.match(source["kept"]):
            problems.append(f"source.kept: {source.get('kept')!r} is not 'whole', 'prefix: first N lines' nor 'prefix: first N bytes'")
    for key in ("framework", "file"):
        if not isinstance(label.get(key), str) or not label[key].strip():
            problems.append(f"{key}: missing")
    if isinstance(label.get("file"), str) and ("/" in label["file"] or label["file"] in ("label.json", "..", ".")):
        problems.append(f"file: {label['file']!r} must be a plain file name next to label.json")
    for split in ("train", "val"):
        part = label.get(split, "absent")
        if part is None and split == "val":
            continue
        if not isinstance(part, dict):
            problems.append(f"{split}: missing" if part == "absent" else f"{split}: not an object")
            continue
        names = part.get("names")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
            problems.append(f"{split}.names: not a non-empty list of names")
        count = part.get("count")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            problems.append(f"{split}.count: {count!r} is not a positive integer")
        if not isinstance(part.get("count_by"), str) or not part["count_by"].strip():
            problems.append(f"{split}.count_by: missing")
    if label.get("verdict") not in (*VERDICTS, None):
        problems.append(f"verdict: {label.get('verdict')!r} is not one of {', '.join(VERDICTS)} or null")
    if label.get("verdict") is not None and not (isinstance(label.get("verdict_why"), str) and label["verdict_why"].strip()):
        problems.append("verdict_why: missing for a verdict")
    also = label.get("verdict_also", [])
    if not isinstance(also, list) or not all(v in VERDICTS and v != "healthy" for v in also):
        problems.append(f"verdict_also: {also!r} is not a list of pathologies")
    elif also and label.get("verdict") in (None, "healthy"):
        problems.append("verdict_also: only beside a pathology verdict")
    return problems


def _read_label(path: Path) -> dict:
    try:
        label = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorpusError(f"{path}: cannot read the label: {error}") from None
    problems = label_problems(label)
    if problems:
        raise CorpusError(f"{path}: {'; '.join(problems)}")
    return label


def load_corpus(directory: Path) -> list[Entry]:
    """The labelled logs of one corpus directory, sorted by slug."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: no such directory")
    labels = sorted(directory.glob("*/label.json"))
    if labels:
        entries = []
        for label_path in labels:
            label = _read_label(label_path)
            slug = label_path.parent.name
            if not SLUG.match(slug):
                raise CorpusError(f"{label_path.parent}: a slug is lowercase [a-z0-9-]")
            entries.append(Entry(slug, label, label_path.parent / label["file"], label_path))
        return entries
    return _shared_entries(directory)


def _shared_entries(directory: Path) -> list[Entry]:
    """A flat directory of logs labelled by benchmarks/shared_real_logs.json (by file name)."""
    try:
        shared = json.loads(SHARED_LABELS.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise CorpusError(f"{SHARED_LABELS}: cannot read it: {error}") from None
    entries = []
    for slug, label in sorted(shared.items()):
        problems = label_problems(label)
        if problems:
            raise CorpusError(f"{SHARED_LABELS}: {slug}: {'; '.join(problems)}")
        if (directory / label["file"]).is_file():
            entries.append(Entry(slug, label, directory / label["file"], SHARED_LABELS))
    if not entries:
        raise CorpusError(f"{directory}: no <slug>/label.json and none of the logs of {SHARED_LABELS.name}")
    return entries


def _split_misses(split: str, got: str | None, count: int, expected: dict | None, train_names: list[str] = ()) -> list[str]:
    """Why lossmon's primary series of one split is not the label's (nothing when it is).
    ``train_names``: the label's train names, for a val name the log prints for both passes."""
    if expected is None:
        return [f"{split} {got!r} where the log has none"] if got is not None else []
    if got is None:
        return [f"no primary {split}"]
    if not any(same_name(got, name) or (split == "val" and _held_out_tag_of(got, name, train_names)) for name in expected["names"]):
        return [f"{split} named {got!r}, not {' or '.join(expected['names'])}"]
    if not _count_ok(count, expected["count"]):
        return [f"{split} count {count} vs {expected['count']}"]
    return []


def same_name(got: str, labelled: str) -> bool:
    """The same name, case and separators aside: lossmon writes a pass tag before its key with a
    slash (``[Val] Loss: 0.3`` is ``Val/Loss``), where a labeller writes ``Val Loss`` or
    ``val_loss``; the words must still be the label's, in its order."""
    return _words(got) == _words(labelled)


def _words(name: str) -> str:
    return re.sub(r"[\s/_.:\-]+", " ", name).strip().casefold()


_HELD_OUT_TAGS = ("val", "valid", "validation", "dev", "eval", "evaluation", "test", "testing")


def _held_out_tag_of(got: str, labelled: str, train_names=()) -> bool:
    """Is ``got`` the labelled val name behind its held-out pass's tag? A labeller names the val
    series by the key printed for it; lossmon puts the pass a line's tag or title gives before it.
    A log that prints one word for both passes ("Test net output #0: loss = 0.08" under Caffe's
    "Iteration 100, loss = 0.21"; "VALID Batch 10/20, Loss 97.3" beside "TRAIN Batch ...") gets a
    label whose val name is the train's, which no series can carry: lossmon's is "Test/loss". So
    does a pass's title before its key ("Test set: Average loss: 0.0500", the PyTorch examples'
    print): "Test set/Average loss" for a label's "Average loss". A labelled name that says its
    own split is met only as named."""
    words = _words(labelled)
    if any(word in _HELD_OUT_TAGS for word in words.split(" ")) and labelled not in train_names:
        return False
    tag, slash, rest = got.rpartition("/")
    return bool(slash) and _words(rest) == words and any(word in _HELD_OUT_TAGS for word in _words(tag).split(" "))


def _exact_names(result: "Result") -> bool:
    """Whether the primary names are spelled exactly as a label lists them (the stricter score)."""
    label = result.entry.label
    return all(
        got is None or expected is None or got in expected["names"]
        for got, expected in ((result.got_train, label["train"]), (result.got_val, label["val"]))
    )


def _count_ok(got: int, expected: int) -> bool:
    return abs(got - expected) <= COUNT_TOLERANCE * expected


def score(entry: Entry) -> Result:
    result = Result(entry)
    label = entry.label
    if not entry.log.is_file():
        result.parse_why.append(f"log {entry.log.name} is missing")
        return result
    try:
        monitor = check_file(str(entry.log))
    except LossmonError as error:
        result.parse_why.append(f"lossmon: {error}")
        return result
    store = monitor.store
    result.got_train, result.got_val = store.primary_train, store.primary_val
    result.got_train_count = len(store[store.primary_train]) if store.primary_train else 0
    result.got_val_count = len(store[store.primary_val]) if store.primary_val else 0

    why = result.parse_why
    why += _split_misses("train", result.got_train, result.got_train_count, label["train"])
    why += _split_misses("val", result.got_val, result.got_val_count, label["val"], label["train"]["names"] if label["train"] else [])
    result.parse_ok = not why

    result.alerts = sorted({f.pathology for f in monitor.findings if f.severity == "alert"})
    result.warns = sorted({f.pathology for f in monitor.findings if f.severity == "warn"} - set(result.alerts))
    expected = label.get("verdict")
    if expected == "healthy":
        # Silence about a curve lossmon never read is no verdict: a healthy label needs a train series.
        result.verdict_ok = bool(result.got_train) and not result.alerts
        if result.alerts:
            result.verdict_why = f"alert: {', '.join(result.alerts)}"
        elif not result.got_train:
            result.verdict_why = "no train series read"
    elif expected is not None:
        accepted = {expected, *label.get("verdict_also", [])}
        result.verdict_ok = bool(accepted & {*result.alerts, *result.warns})
        if not result.verdict_ok:
            found = ", ".join(result.alerts + result.warns) or "nothing at warn or alert"
            result.verdict_why = f"found {found}"
    return result


@dataclass
class Totals:
    logs: int
    parse_right: int
    parse_right_exact_names: int
    verdicts: int
    verdict_right: int
    healthy_with_alert: list[str]

    @property
    def parse_accuracy(self) -> float:
        return self.parse_right / self.logs if self.logs else 0.0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdict_right / self.verdicts if self.verdicts else 0.0


def totals(results: list[Result]) -> Totals:
    judged = [r for r in results if r.verdict_ok is not None]
    return Totals(
        logs=len(results),
        parse_right=sum(r.parse_ok for r in results),
        parse_right_exact_names=sum(r.parse_ok and _exact_names(r) for r in results),
        verdicts=len(judged),
        verdict_right=sum(bool(r.verdict_ok) for r in judged),
        healthy_with_alert=[r.entry.slug for r in judged if r.entry.label["verdict"] == "healthy" and r.alerts],
    )


def score_corpora(directories: list[Path]) -> list[Result]:
    entries = [entry for directory in directories for entry in load_corpus(directory)]
    seen: dict[str, Path] = {}
    for entry in entries:
        if entry.slug in seen:
            raise CorpusError(f"slug {entry.slug} is in {seen[entry.slug]} and in {entry.label_path}")
        seen[entry.slug] = entry.label_path
    return [score(entry) for entry in entries]


def _series(name: str | None, count: int) -> str:
    return f"{name}×{count}" if name else "-"


def _expected(part: dict | None) -> str:
    if not part:
        return "-"
    more = f"(+{len(part['names']) - 1})" if len(part["names"]) > 1 else ""
    return f"{part['names'][0]}{more}×{part['count']}"


def text_table(results: list[Result]) -> str:
    rows = []
    for r in results:
        label = r.entry.label
        parse = "OK" if r.parse_ok else "MISS"
        verdict = {None: "", True: "OK", False: "MISS"}[r.verdict_ok]
        why = "; ".join(r.parse_why + ([r.verdict_why] if r.verdict_why else []))
        rows.append((
            r.entry.slug, label["framework"],
            f"{_expected(label['train'])} | {_expected(label['val'])}",
            f"{_series(r.got_train, r.got_train_count)} | {_series(r.got_val, r.got_val_count)}",
            parse, f"{label.get('verdict') or '-'} {verdict}".strip(), why,
        ))
    header = ("log", "framework", "expected train | val", "got train | val", "parse", "verdict", "why")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        lines.append("  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])
    t = totals(results)
    lines += [
        "",
        f"parse accuracy   {t.parse_right}/{t.logs} = {t.parse_accuracy:.3f}"
        f" ({t.parse_right_exact_names} with the names spelled exactly as labelled)",
        f"verdict accuracy {t.verdict_right}/{t.verdicts} = {t.verdict_accuracy:.3f}",
        f"healthy logs with an alert: {len(t.healthy_with_alert)}"
        + (f" ({', '.join(t.healthy_with_alert)})" if t.healthy_with_alert else ""),
    ]
    return "\n".join(line.rstrip() for line in lines)


def json_table(results: list[Result]) -> dict:
    t = totals(results)
    return {
        "files": [
            {
                "slug": r.entry.slug,
                "framework": r.entry.label["framework"],
                "log": str(r.entry.log),
                "expected": {"train": r.entry.label["train"], "val": r.entry.label["val"],
                             "verdict": r.entry.label.get("verdict")},
                "got": {"train": r.got_train, "train_count": r.got_train_count,
                        "val": r.got_val, "val_count": r.got_val_count,
                        "alerts": r.alerts, "warns": r.warns},
                "parse_ok": r.parse_ok,
                "verdict_ok": r.verdict_ok,
                "why": r.parse_why + ([r.verdict_why] if r.verdict_why else []),
            }
            for r in results
        ],
        "totals": {
            "logs": t.logs, "parse_right": t.parse_right, "parse_accuracy": t.parse_accuracy,
            "parse_right_exact_names": t.parse_right_exact_names,
            "verdicts": t.verdicts, "verdict_right": t.verdict_right, "verdict_accuracy": t.verdict_accuracy,
            "healthy_with_alert": t.healthy_with_alert,
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", type=Path, metavar="DIR",
                        help=f"a corpus directory (default {DEFAULT_CORPUS.relative_to(ROOT)}); repeatable")
    parser.add_argument("--min-parse", type=float, default=0.0, metavar="X",
                        help="exit 1 when the parse accuracy is below X (0..1)")
    parser.add_argument("--json", action="store_true", help="one JSON object instead of the table")
    args = parser.parse_args(argv)
    try:
        results = score_corpora(args.corpus or [DEFAULT_CORPUS])
    except CorpusError as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 2
    if not results:
        print("corpus: no labelled logs", file=sys.stderr)
        return 2
    if args.json:
        json.dump(json_table(results), sys.stdout)
        sys.stdout.write("\n")
    else:
        print(text_table(results))
    return 1 if totals(results).parse_accuracy < args.min_parse else 0


if __name__ == "__main__":
    sys.exit(main())
