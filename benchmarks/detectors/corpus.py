"""Verdicts on the real-log corpus (tests/corpus/<slug>/label.json: "file", "verdict"): each log is
read as ``lossmon check`` reads it. A log labelled with a pathology gets its verdict when lossmon
raises that pathology (or one its label's ``verdict_also`` names, as in benchmarks/corpus.py) at
warn or alert; a healthy log must get no alert (its warnings are counted apart). Logs whose
verdict is null are not scored."""

from __future__ import annotations

import json
from pathlib import Path

from lossmon.engine import check_file
from lossmon.engine.errors import LossmonError

ROOT = Path(__file__).resolve().parents[2]


def default_directories() -> list[Path]:
    found = ROOT / "tests" / "corpus"
    return [found] if found.is_dir() else []


def load(directories: list[Path]) -> list[tuple[str, str, list[tuple[str, str]], tuple[str, ...]]]:
    """(slug, verdict, [(pathology, severity)], verdict_also) of every labelled log."""
    out = []
    seen: set[str] = set()
    for directory in directories:
        for label_path in sorted(directory.glob("*/label.json")):
            if label_path.parent.name in seen:  # the same log in two corpora: once
                continue
            seen.add(label_path.parent.name)
            label = json.loads(label_path.read_text())
            verdict = label.get("verdict")
            if not verdict:
                continue
            try:
                monitor = check_file(str(label_path.parent / label["file"]))
            except LossmonError:
                findings = []
            else:
                findings = [(f.pathology, f.severity) for f in monitor.findings]
            out.append((label_path.parent.name, verdict, findings, tuple(label.get("verdict_also", ()))))
    return out


def got_verdict(verdict: str, findings: list[tuple[str, str]], also: tuple[str, ...] = ()) -> bool:
    if verdict == "healthy":
        return not any(severity == "alert" for _, severity in findings)
    return any((p == verdict or p in also) and severity in ("warn", "alert") for p, severity in findings)


def verdict_table(results) -> str:
    rows = ["| log | verdict | lossmon (warn+) | right |", "|---|---|---|---|"]
    right = healthy = alerted = warned = 0
    for slug, verdict, findings, also in results:
        ok = got_verdict(verdict, findings, also)
        right += ok
        raised = sorted({f"{s} {p}" for p, s in findings if s in ("warn", "alert")})
        if verdict == "healthy":
            healthy += 1
            alerted += any(s == "alert" for _, s in findings)
            warned += bool(raised)
        named = " or ".join((verdict, *also))
        rows.append(f"| {slug} | {named} | {', '.join(raised) or 'none'} | {'yes' if ok else '**no**'} |")
    rows.append(
        f"\nverdicts right: {right} / {len(results)}; healthy logs with an alert: {alerted} / {healthy}, "
        f"with a warning: {warned} / {healthy}"
    )
    return "\n".join(rows)
