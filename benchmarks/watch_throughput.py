"""Does `lossmon watch` keep up with a fast writer? (issue 18: 150k lines/s for 20 s, p95
append -> record <= 2 s; issue 19 item 19: a writer at 50 MB/s.)

    .venv/bin/python -m benchmarks.watch_throughput [--rate 150000 | --mbps 50] [--seconds 20]
        [--baseline /path/to/other/checkout] [--verify]

A writer process appends nanoGPT-style metric lines to a fresh log at the given rate (lines/s, or
MB/s with lines padded to ~85 bytes), in batches every 10 ms, and notes when each batch was
written (CLOCK_MONOTONIC, shared by processes). ``lossmon watch --jsonl`` follows the log; this
process reads its stdout and notes, for each read, the last step printed and when. Reported:
records ingested per second (over the writer's run and until watch caught up), latency from
append to record (p50, p95, max) and how long after the writer stopped watch caught up, with
the load average before and after (the machine is shared: say so when quoting), watch's CPU
per record and per thread (the follower's thread parses and runs the detectors, the main thread
writes the JSON lines). ``--verify`` also checks that watch printed what ``check --json`` reads
from the same bytes (each series' count, last value and minimum; the same findings).

Linux only. Timings, not tests: CI does not run this.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BATCH_SECONDS = 0.01
_STEP = re.compile(rb'"step": (\d+)')


_MASK = (1 << 64) - 1


def _mix(step: int) -> int:
    """splitmix64's finaliser: consecutive steps give unrelated values."""
    h = (step * 0x9E3779B97F4A7C15) & _MASK
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & _MASK
    return h ^ (h >> 31)


def line(step: int, pad: int) -> bytes:
    """A nanoGPT line; the loss falls with hash noise (a periodic loss would be a pathology, and
    time the stuck_periodic detector rather than the follower). The noise is a mixed 64-bit hash:
    a bare multiplicative one, ``(step * 2654435761 >> 11) % 1000``, is a sawtooth in the step,
    which stuck_periodic rightly reports, and then most of watch's time was its period fits."""
    noise = _mix(step) % 1000 / 20_000
    text = f"iter {step}: loss {1.5 + 1.0 / (1 + step / 5000) + noise:.4f}, time 10.00ms, mfu 1.00%"
    return (text + " " * max(0, pad - len(text) - 1) + "\n").encode()


def lines(first: int, count: int, pad: int) -> bytes:
    """``line(step, pad)`` for ``count`` steps from ``first``, joined: the hash and the loss
    computed by numpy (the same float64 operations, so the same text), one %-format per line. At
    50 MB/s a writer formatting line by line (~1.6 us a line) reached only half the rate asked."""
    import numpy as np

    steps = np.arange(first, first + count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = steps * np.uint64(0x9E3779B97F4A7C15)
        h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    noise = (h % np.uint64(1000)).astype(np.float64) / 20_000
    loss = 1.5 + 1.0 / (1 + steps.astype(np.float64) / 5000) + noise
    template = "iter %d: loss %.4f, time 10.00ms, mfu 1.00%%%s\n"
    fixed = len(template % (0, 0.0, "")) - 2  # the text without the step's digits nor the newline
    pads = [" " * max(0, pad - fixed - digits - 1) for digits in range(21)]
    if len(str(first)) == len(str(first + count - 1)):  # the usual case: one width for the batch
        pieces = zip(steps.tolist(), loss.tolist(), [pads[len(str(first))]] * count)
    else:
        pieces = ((step, value, pads[len(str(step))]) for step, value in zip(steps.tolist(), loss.tolist()))
    return "".join(map(template.__mod__, pieces)).encode()


def write(path: str, rate: float, seconds: float, pad: int, times_path: str) -> None:
    """The writer process: ``rate`` lines/s for ``seconds``, in batches on a fixed schedule."""
    per_batch = max(1, int(rate * BATCH_SECONDS))
    times = []  # (last step of the batch, when it was written)
    step = 0
    with open(path, "ab", buffering=0) as log:
        start = time.monotonic()
        batch = 0
        while True:
            due = start + batch * BATCH_SECONDS
            now = time.monotonic()
            if due - start >= seconds:
                break
            if due > now:
                time.sleep(due - now)
            log.write(lines(step, per_batch, pad))
            step += per_batch
            times.append((step - 1, time.monotonic()))
            batch += 1
    with open(times_path, "w") as f:
        json.dump(times, f)


def run(args) -> dict:
    directory = tempfile.mkdtemp(prefix="lossmon-watch-")
    log = os.path.join(directory, "train.log")
    times_path = os.path.join(directory, "times.json")
    open(log, "wb").close()
    pad = 0
    rate = args.rate
    if args.mbps:
        pad = 85
        rate = args.mbps * 1e6 / pad
    root = args.baseline or os.getcwd()
    env = {**os.environ, "PYTHONPATH": root}
    watch = subprocess.Popen(
        [sys.executable, "-m", "lossmon", "watch", "--jsonl", log],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)  # let it start following (imports, inotify)
    load_before = os.getloadavg()
    writer = subprocess.Popen(
        [sys.executable, "-c", f"from benchmarks.watch_throughput import write; "
         f"write({log!r}, {rate!r}, {args.seconds!r}, {pad!r}, {times_path!r})"],
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    seen: list[tuple[int, float]] = []  # (last step printed, when read)
    kept = open(os.path.join(directory, "watch.jsonl"), "wb") if args.verify else None  # what watch printed
    records = 0
    fd = watch.stdout.fileno()
    os.set_blocking(fd, False)
    tail = b""
    deadline = None
    final_step = None
    while True:
        if writer.poll() is not None and final_step is None:
            with open(times_path) as f:
                final_step = json.load(f)[-1][0]
            deadline = time.monotonic() + args.catch_up_limit
        try:
            chunk = os.read(fd, 1 << 20)
        except BlockingIOError:
            chunk = None
        if chunk:
            now = time.monotonic()
            data = tail + chunk
            cut = data.rfind(b"\n") + 1
            complete, tail = data[:cut], data[cut:]
            records += complete.count(b'{"path"')
            if kept is not None:
                kept.write(complete)
            steps = _STEP.findall(complete[-400:]) or _STEP.findall(complete)
            if steps:
                seen.append((int(steps[-1]), now))
                if final_step is not None and int(steps[-1]) >= final_step:
                    break
        else:
            time.sleep(0.005)
        if deadline is not None and time.monotonic() > deadline:
            break
    cpu = cpu_seconds(watch.pid)
    threads = thread_cpu_seconds(watch.pid)
    watch.terminate()
    watch.wait()
    load_after = os.getloadavg()
    with open(times_path) as f:
        written = json.load(f)
    verified = {}
    if kept is not None:
        kept.close()
        verified = {"same_as_check": verify(root, env, log, os.path.join(directory, "watch.jsonl"))}
    shutil.rmtree(directory, ignore_errors=True)  # up to a GB of log
    return {**summarize(written, seen, records, rate, load_before, load_after), **cost(cpu, records),
            "watch_threads_cpu_s": threads, **verified}


def thread_cpu_seconds(pid: int) -> list[float]:
    """CPU seconds of each of watch's threads, most first: the follower's (reading, parsing,
    detectors) and the main thread's (writing the JSON lines) are the first two."""
    seconds = []
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            seconds.append(cpu_seconds(pid, f"/proc/{pid}/task/{task}/stat"))
        except OSError:  # the thread ended meanwhile
            continue
    return sorted((round(s, 2) for s in seconds), reverse=True)[:4]


def verify(root: str, env: dict, log: str, printed: str) -> bool | str:
    """Did watch print what ``lossmon export`` and ``check --json`` read from the same bytes:
    every series' points in order (step and value) and the same findings (the stalled detector
    aside: check reads a finished file)? True, or what differs. Each side's series are digested
    as they stream by (a 20 s run at 50 MB/s prints millions of points)."""
    import csv
    import hashlib
    import io
    import math

    def note(digests: dict, name: str, step: float, value: float | None) -> None:
        digests.setdefault(name, hashlib.sha1()).update(f"{float(step)!r} {value!r};".encode())

    keys = ("pathology", "severity", "series", "step", "line", "message")
    watched: dict = {}
    findings = []
    with open(printed, "rb") as f:
        for text in f:
            item = json.loads(text)
            if "finding" in item:
                if item["finding"]["pathology"] != "stalled":
                    findings.append(json.dumps([item["finding"][k] for k in keys]))
                continue
            for name, value in item["metrics"].items():
                note(watched, name, item["step"], value)
    exported: dict = {}
    export = subprocess.Popen([sys.executable, "-m", "lossmon", "export", "--csv", "-", log], cwd=root, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    rows = csv.reader(io.TextIOWrapper(export.stdout, newline=""))
    next(rows, None)  # the header
    for step, name, value in rows:
        number = float(value)
        note(exported, name, float(step), number if math.isfinite(number) else None)
    export.wait()
    differ = sorted(name for name in set(watched) | set(exported)
                    if name not in watched or name not in exported or watched[name].digest() != exported[name].digest())
    if differ:
        return f"series differ: {differ}"
    check = subprocess.run([sys.executable, "-m", "lossmon", "check", "--json", log], cwd=root, env=env,
                           capture_output=True, check=False)
    (report,) = json.loads(check.stdout)["files"]
    if sorted(findings) != sorted(json.dumps([f[k] for k in keys]) for f in report["findings"]):
        return "findings differ"
    return True


def cpu_seconds(pid: int, stat: str | None = None) -> float:
    """The watcher's own CPU time (utime + stime): comparable across runs on a loaded machine,
    where wall-clock rates mostly measure the other processes (``stat``: one thread's instead)."""
    with open(stat or f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cost(cpu: float, records: int) -> dict:
    """watch's CPU per record, and the rate one core would keep up with at that cost (with
    scan workers on idle cores, part of the parsing moves to them: the figure is then higher).
    The writer takes about 0.65 us per line it formats (0.4 of a core at 50 MB/s): watch has the
    rest of the two cores, and its scan workers start only when one is idle."""
    return {
        "watch_cpu_s": round(cpu, 2),
        "records_per_cpu_s": round(records / cpu) if cpu else None,
        "watch_cpu_us_per_record": round(1e6 * cpu / records, 3) if records else None,
    }


def summarize(written, seen, records, rate, load_before, load_after) -> dict:
    import bisect

    batch_steps = [step for step, _ in written]
    latencies = []
    for step, when in seen:
        # Every batch wholly printed by now: its latency is when it was seen minus when written.
        index = bisect.bisect_right(batch_steps, step) - 1
        if index >= 0:
            latencies.append(when - written[index][1])
    first_write = written[0][1] - BATCH_SECONDS
    last_write = written[-1][1]
    caught = seen[-1][1] if seen else float("nan")
    lines_written = written[-1][0] + 1
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    return {
        "target_lines_per_s": round(rate),
        "written_lines_per_s": round(lines_written / (last_write - first_write)),
        "records": records,
        "ingested_lines_per_s": round(records / (caught - first_write)) if seen else 0,
        "latency_p50_s": round(quantiles[49], 3),
        "latency_p95_s": round(quantiles[94], 3),
        "latency_max_s": round(max(latencies), 3) if latencies else None,
        "caught_up_after_writer_s": round(caught - last_write, 2),
        "all_records": records == lines_written,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=150_000, help="lines per second")
    parser.add_argument("--mbps", type=float, help="MB per second instead (85-byte lines)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--baseline", help="another checkout's root, run instead of this one")
    parser.add_argument("--catch-up-limit", type=float, default=300.0, help="give up this long after the writer")
    parser.add_argument("--verify", action="store_true",
                        help="also compare what watch printed with `lossmon check --json` on the same bytes")
    args = parser.parse_args()
    print(json.dumps(run(args), indent=1))


if __name__ == "__main__":
    main()
