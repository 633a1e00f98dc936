"""`lossmon watch`: follow logs headless and print what comes, until interrupted.

With ``--jsonl``, stdout carries one JSON object per line: one per parsed record
(``{"path", "line", "step", "metrics": {name: value}}``) and one per finding
(``{"finding": {...as in check..., "path", "escalates"}}``: ``episode`` is the number of the event it
belongs to, ``escalates`` whether it opened that event or raised its severity); file events
(rotated, truncated, ...) go to stderr as text, so that stdout stays machine-readable. Without it,
stdout gets one readable line per file event and per finding that opens or escalates an event
(the repeats, echoes and follow-on symptoms of an event already told are left to --jsonl).
Numbers that are not finite are written as ``null``.

SIGINT, SIGTERM, SIGHUP (the terminal went away) and SIGQUIT only raise a flag that the output
loop checks between updates, so a line is never cut short, and running hooks are stopped on the
way out; the exit status is then 0, or 2 if an input could not be read (a corrupt .gz). With ``--exit-on alert|warn`` the first finding at
that severity ends the watch with status 1 (after its alert hook, if any, has run), so a job
script can react: ``lossmon watch train.log --exit-on alert || scancel $SLURM_JOB_ID``.
"""

from __future__ import annotations

import json
import math
import os
import signal
import sys
import threading
from functools import partial

from lossmon.cli import parsing_options
from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE, output_stream, writing
from lossmon.engine.alerts import AlertHook
from lossmon.engine.baseline import Baseline, with_baseline
from lossmon.engine.findings import Finding, format_step, severity_rank, step_for_json
from lossmon.engine.follow import FollowUpdate, Session
from lossmon.engine.monitor import Monitor
from lossmon.engine.safe_text import printable


def run_watch(args) -> int:
    output_stream()  # closed: say so before following anything
    session = Session(
        args.paths,
        make_monitor=with_baseline(partial(Monitor, **parsing_options(args)), read_baseline(args)),
        poll_interval=args.poll,
        stall_after=args.stall_after,
    )
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in _STOP_SIGNALS}
    render = jsonl_lines if args.jsonl else text_lines
    hook = make_hook(args)
    webhook = make_webhook(args)
    exit_rank = severity_rank(args.exit_on) if args.exit_on else None
    status = EXIT_OK
    failed: set[str] = set()  # inputs whose last word was an error
    session.start()
    announced = False
    warned: set[str] = set()  # files whose dropped series were reported
    try:
        while not stop.is_set() and not session.done:
            update = session.get(timeout=0.25)
            if update is None:
                continue
            if not announced and session.watcher.directories:  # set up before the first update
                announced = True
                print(f"lossmon: watching with {printable(session.describe_watching())}", file=sys.stderr, flush=True)
            for event in update.events:
                if event.kind == "error":
                    failed.add(event.path)
                elif event.kind in ("opened", "finished"):
                    failed.discard(event.path)
            if args.jsonl:
                _write(sys.stderr, [printable(event.message) for event in update.events])
            _write(sys.stdout, render(update))
            if update.monitor.dropped_series and update.path not in warned:  # once per file
                warned.add(update.path)
                print(f"lossmon: {update.monitor.series_warning()}", file=sys.stderr, flush=True)
            if hook is not None or webhook is not None:
                with session.lock:
                    active = session.monitors[update.path].status() if update.path in session.monitors else {}
                for alert in (hook, webhook):
                    if alert is not None:
                        alert.observe(update.path, update.findings, active)
            if exit_rank is not None and any(severity_rank(f.severity) >= exit_rank for f in update.findings):
                status = EXIT_ALERT
                break
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        session.stop()
        if hook is not None:
            # --exit-on, or every input read to its end: the hooks running still finish (each
            # bounded by its timeout); a user who interrupts, or a signal, wants out now.
            hook.close(wait=not stop.is_set())
        if webhook is not None:
            webhook.close(wait=not stop.is_set())
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if session.error is not None:
        print(f"lossmon: the follower stopped: {printable(session.error)}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE if failed and status == EXIT_OK else status


# Each ends the watch cleanly; SIGHUP's default would leave running hooks without their timeout.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT") if hasattr(signal, name)
)


def _report(message: str) -> None:
    """A hook's or a webhook's failure: one line on stderr, stdout stays machine-readable."""
    print(f"lossmon: {printable(message)}", file=sys.stderr, flush=True)


def read_baseline(args) -> Baseline | None:
    """--baseline PATH, read to its end now (LossmonError when it cannot be read)."""
    path = getattr(args, "baseline", None)
    return Baseline.read(path, **parsing_options(args)) if path else None


def make_hook(args) -> AlertHook | None:
    """The --on-alert hook; its own output goes to stderr so that stdout stays machine-readable."""
    if not args.on_alert:
        return None
    return AlertHook(
        args.on_alert,
        level=args.alert_level,
        timeout=args.hook_timeout,
        report=_report,
        output=sys.stderr.fileno(),
    )


def make_webhook(args):
    """The --webhook poster (failures reported on stderr)."""
    if not getattr(args, "webhook", None):
        return None
    from lossmon.engine.webhook import Webhook

    return Webhook(
        args.webhook,
        level=args.alert_level,
        timeout=args.hook_timeout,
        report=_report,
    )


def _write(stream, lines: list[str]) -> None:
    if not lines:
        return
    if stream is not sys.stdout:  # messages on stderr: nowhere to report their own failure
        try:
            stream.write("".join(line + "\n" for line in lines))
            stream.flush()
        except (OSError, ValueError):
            pass
        return
    with writing(stream):
        stream.write("".join(line + "\n" for line in lines))  # flushed per update: visible at once, whole


def jsonl_lines(update: FollowUpdate) -> list[str]:
    lines = []
    if update.batch is not None:
        for line, step, metrics in update.batch.records():
            record = {
                "path": update.path,
                "line": line,
                "step": step_for_json(step),
                "metrics": {name: _finite(value) for name, value in metrics.items()},
            }
            lines.append(json.dumps(record, allow_nan=False))
    for finding in update.findings:
        episode = finding.episode.number if finding.episode is not None else None
        fields = {**finding.to_dict(), "path": update.path, "episode": episode, "escalates": finding.escalates}
        lines.append(json.dumps({"finding": _json_safe(fields)}, allow_nan=False))
    return lines


def text_lines(update: FollowUpdate) -> list[str]:
    """Readable lines; paths and log text escaped (printable): the terminal shows them, never
    obeys them. A finding is a line when it opens or escalates an event."""
    news = [finding_line(update.path, f) for f in update.findings if f.escalates]
    return [printable(event.message) for event in update.events] + news


def finding_line(path: str, finding: Finding) -> str:
    return (
        f"{printable(path)}: {finding.severity.upper()} {finding.pathology} in {printable(finding.series)} "
        f"at step {format_step(finding.step)} (line {finding.line}): {printable(finding.message)}"
    )


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


def _json_safe(value):
    if isinstance(value, float):
        return _finite(value)
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    return value
