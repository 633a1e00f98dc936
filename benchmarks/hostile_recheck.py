"""Issue 19's audit again, quickly, over generated inputs: does each fix still hold?

    .venv/bin/python -m benchmarks.hostile_recheck [--only NAME ...]

One line per item: PASS or FAIL, and what was seen. Each runs the real command (``python -m
lossmon``) on inputs made here, in a temporary directory. Not a test: the regression tests are
in tests/ (this is the audit's view, end to end, in about a minute; the longer fuzz and regex
hunts are benchmarks.fuzz and benchmarks.hostile_lines, the memory one benchmarks.series_memory).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ESC = "\x1b"


def lossmon(*args: str, timeout: float = 60, stdin=subprocess.DEVNULL, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "lossmon", *args], capture_output=True, text=True, timeout=timeout,
                          stdin=stdin, env=env, cwd=cwd or "/tmp", errors="replace")


def no_traceback(result: subprocess.CompletedProcess) -> bool:
    return "Traceback" not in result.stderr and "Traceback" not in result.stdout


def nano(step: int, loss: float | str) -> str:
    return f"iter {step}: loss {loss}, time 12.50ms, mfu 30.00%\n"


def item_211_byte_hang(tmp: Path) -> tuple[bool, str]:
    seen = []
    for digits in (30, 40, 200):
        log = tmp / f"hang{digits}.log"
        log.write_text("0 7 6 7 1 6 0 1 3 0 6 1 2 iteration 1/9 | :0\n" * 4 + "1" * digits + "\n")
        start = time.monotonic()
        try:
            result = lossmon("check", str(log), timeout=30)
        except subprocess.TimeoutExpired:
            return False, f"{digits} digits: still running after 30 s"
        seen.append(f"{digits} digits {time.monotonic() - start:.2f} s exit {result.returncode}")
        if not no_traceback(result):
            return False, f"{digits} digits: traceback"
    return True, "; ".join(seen)


def item_partial_line(tmp: Path) -> tuple[bool, str]:
    log = tmp / "partial.log"
    log.write_text("".join(f"step {i} train_loss:{5.4 - i * 0.01:.6f}\n" for i in range(20)) + "step 20 train_loss:5.423475")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    watch = subprocess.Popen([sys.executable, "-m", "lossmon", "watch", "--jsonl", str(log)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd="/tmp")
    time.sleep(4)  # the writer pauses mid-number (the follower's pace is well under this)
    with open(log, "a") as out:
        out.write("e-02\n")
    time.sleep(3)
    watch.send_signal(signal.SIGINT)
    out, err = watch.communicate(timeout=30)
    records = [json.loads(line) for line in out.splitlines() if line.startswith('{"path"')]
    last = [r for r in records if r.get("step") == 20]
    values = [r["metrics"].get("train_loss") for r in last]
    ok = values == [0.05423475] and watch.returncode == 0 and "Traceback" not in err
    return ok, f"step 20 recorded as {values} (want [0.05423475]), {len(records)} records, exit {watch.returncode}"


def item_deep_json(tmp: Path) -> tuple[bool, str]:
    log = tmp / "deep.jsonl"
    lines = [json.dumps({"step": i, "loss": 2.0 - i / 1000}) for i in range(100)]
    lines.append('{"a": ' * 990 + "1" + "}" * 990)
    lines += [json.dumps({"step": i, "loss": 2.0 - i / 1000}) for i in range(100, 199)]
    log.write_text("\n".join(lines) + "\n")
    result = lossmon("check", "--json", str(log))
    exported = lossmon("export", "--csv", "-", str(log))
    try:
        count = next(s["count"] for s in json.loads(result.stdout)["files"][0]["series"] if s["name"] == "loss")
    except (ValueError, KeyError, StopIteration, IndexError) as error:
        return False, f"check --json unreadable ({error}): {result.stderr.strip()[:200]}"
    rows = exported.stdout.count("\n") - 1
    ok = count == 199 and rows == 199 and no_traceback(result) and no_traceback(exported)
    return ok, f"check: {count} of 199 loss points; export: {rows} rows; exit {result.returncode}/{exported.returncode}"


def item_series_cap(tmp: Path) -> tuple[bool, str]:
    log = tmp / "names.jsonl"
    with open(log, "w") as out:
        for i in range(100_000):
            out.write(json.dumps({"step": i, "loss": 1.0, f"m_{i:x}{os.urandom(3).hex()}": 0.5}) + "\n")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    result = lossmon("check", str(log), timeout=300)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    rss = f"peak RSS {peak / 1024:.0f} MB" if peak > before else "peak RSS below an earlier child's"
    warned = [line for line in result.stderr.splitlines() if "series" in line]
    ok = peak / 1024 <= 200 and bool(warned) and no_traceback(result)
    return ok, f"100k names: {rss}, {time.monotonic() - start:.1f} s, warning: {warned[:1]}"


def item_raw_paths(tmp: Path) -> tuple[bool, str]:
    hostile = tmp / "r\x1b]0;pwned\x07\x1b[2J"
    hostile.mkdir()
    (hostile / "train.log").write_text("".join(nano(i, 3.0 - i / 100) for i in range(50)) + nano(50, "nan"))
    pattern = str(tmp / "r*" / "train.log")
    outputs = {}
    for name, args in (("check", ["check", pattern]), ("check --markdown", ["check", "--markdown", pattern])):
        result = lossmon(*args)
        outputs[name] = result.stdout + result.stderr
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name, args in (("watch", ["watch", pattern]), ("watch --jsonl", ["watch", "--jsonl", pattern])):
        watch = subprocess.Popen([sys.executable, "-m", "lossmon", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=env, cwd="/tmp", errors="replace")
        time.sleep(3)
        watch.send_signal(signal.SIGINT)
        out, err = watch.communicate(timeout=30)
        outputs[name] = out + err
    # JSON escapes the control characters itself ("\u001b"): no raw ESC or BEL may reach a terminal.
    raw = [name for name, text in outputs.items() if ESC in text or "\x07" in text]
    shown = [name for name, text in outputs.items() if "pwned" in text]
    return not raw and len(shown) == len(outputs), f"raw ESC/BEL in: {raw or 'none'}; path shown (escaped) in {len(shown)}/{len(outputs)}"


def item_corrupt_gz(tmp: Path) -> tuple[bool, str]:
    runs = tmp / "runs"
    runs.mkdir()
    (runs / "good.log").write_text("".join(nano(i, 3.0 - i / 100) for i in range(50)))
    data = gzip.compress("".join(nano(i, 2.0) for i in range(500)).encode())
    (runs / "bad.log.gz").write_bytes(data[:40] + bytes(b ^ 0x5A for b in data[40:80]) + data[80:])
    seen, ok = [], True
    for name, path in (("glob", str(runs / "*")), ("directory", str(runs))):  # a directory finds .gz logs too
        result = lossmon("check", path)
        errors = [line for line in result.stderr.splitlines() if "bad.log.gz" in line]
        ok &= result.returncode == 2 and "good.log" in result.stdout and len(errors) == 1 and no_traceback(result)
        seen.append(f"{name}: exit {result.returncode}, good log reported: {'good.log' in result.stdout}, error: {errors[:1]}")
    return ok, "; ".join(seen)


def item_subnormal(tmp: Path) -> tuple[bool, str]:
    log = tmp / "subnormal.jsonl"
    rows = [{"step": i, "loss": 2.0 - i / 100, "val_loss": 2.1 - i / 100} for i in range(40)]
    rows[20]["val_loss"] = 1e-320
    log.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = lossmon("check", str(log))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    watch = subprocess.run([sys.executable, "-m", "lossmon", "watch", "--jsonl", "-"], input=log.read_text(),
                           capture_output=True, text=True, env=env, timeout=60, cwd="/tmp")
    records = sum(1 for line in watch.stdout.splitlines() if line.startswith('{"path"'))
    quiet = "Warning" not in result.stderr and "overflow" not in result.stderr
    ok = no_traceback(result) and result.returncode in (0, 1) and records == 40 and quiet and "Traceback" not in watch.stderr
    return ok, f"check exit {result.returncode}, numpy warnings: {not quiet}; watch: {records} of 40 records"


def item_csv_formulas(tmp: Path) -> tuple[bool, str]:
    log = tmp / "formula.jsonl"
    names = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"]
    log.write_text("".join(json.dumps({"step": i, "loss": 1.0, **{n: 0.5 for n in names}}) + "\n" for i in range(5)))
    result = lossmon("export", "--csv", "-", str(log))
    cells = [line.split(",", 2)[1] for line in result.stdout.splitlines()[1:] if "," in line]
    raw = [c for c in cells if c.lstrip('"')[:1] in "=+-@"]
    return not raw and result.returncode == 0, f"{len(cells)} name cells, {len(raw)} starting with = + - @"


def item_bidi(tmp: Path) -> tuple[bool, str]:
    log = tmp / "bidi.jsonl"
    name = "loss\u202egnp.exe"
    log.write_text("".join(json.dumps({"step": i, "loss": 2.0 - i / 100, name: float("nan") if i == 30 else 1.0}) + "\n"
                           for i in range(40)).replace("NaN", "NaN"))
    outputs = [lossmon("check", str(log)), lossmon("check", "--markdown", str(log)), lossmon("check", "--json", str(log))]
    leaked = [i for i, r in enumerate(outputs) if any(c in r.stdout + r.stderr for c in "\u202e\u202d\u2066\u2067\u2068\u2069")]
    return not leaked, f"U+202E in outputs: {leaked or 'none'} (text, markdown, json)"


def item_long_lines(tmp: Path) -> tuple[bool, str]:
    log = tmp / "long.log"
    log.write_text(nano(0, 2.0) + "x" * (3 << 20) + "\n" + nano(1, 1.9))
    result = lossmon("check", "--json", str(log))
    try:
        cut = json.loads(result.stdout)["files"][0]["cut_lines"]
    except (ValueError, KeyError, IndexError):
        cut = None
    text = lossmon("check", str(log))
    said = [line for line in (text.stdout + text.stderr).splitlines() if "cut" in line.lower()]
    return cut == 1 and bool(said) and no_traceback(text), f"cut_lines {cut} (want 1); text report says: {said[:1]}"


def item_devices(tmp: Path) -> tuple[bool, str]:
    seen, ok = [], True
    for device in ("/dev/zero", "/dev/urandom"):
        try:
            result = lossmon("check", device, timeout=20)
        except subprocess.TimeoutExpired:
            return False, f"check {device}: still running after 20 s"
        ok &= result.returncode == 2 and len(result.stderr.splitlines()) == 1
        seen.append(f"{device}: exit {result.returncode}")
    fifo = tmp / "fifo"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    check = subprocess.Popen([sys.executable, "-m", "lossmon", "check", str(fifo)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd="/tmp")
    with open(fifo, "w") as writer:
        writer.write("".join(nano(i, 3.0 - i / 100) for i in range(100)))
    out, err = check.communicate(timeout=60)
    ok &= check.returncode == 0 and "100 lines" in out
    seen.append(f"FIFO: exit {check.returncode}, read whole: {'100 lines' in out}")
    return ok, "; ".join(seen)


def item_chunking_fuzz(tmp: Path) -> tuple[bool, str]:
    result = subprocess.run([sys.executable, "-m", "benchmarks.fuzz", "--seconds", "20", "--seed", "19"],
                            capture_output=True, text=True, timeout=300, cwd="/tmp", env={**os.environ, "PYTHONPATH": str(REPO)})
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    return result.returncode == 0 and summary.rstrip().endswith("failures 0"), summary


ITEMS = {name[len("item_"):]: function for name, function in globals().items() if name.startswith("item_")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", choices=sorted(ITEMS))
    args = parser.parse_args()
    failed = 0
    for name, item in ITEMS.items():
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            start = time.monotonic()
            try:
                ok, seen = item(Path(tmp))
            except Exception as error:  # noqa: BLE001 - a check that cannot run is a failure, said
                ok, seen = False, f"{type(error).__name__}: {error}"
            failed += not ok
            print(f"{'PASS' if ok else 'FAIL'} {name} ({time.monotonic() - start:.1f} s): {seen}", flush=True)
    print(f"{failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
