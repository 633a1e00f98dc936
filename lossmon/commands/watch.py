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
import os
import signal
import sys
import threading
from functools import partial

from lossmon.options import parsing_options
from lossmon.commands import EXIT_ALERT, EXIT_OK, EXIT_USAGE, output_stream, writing
from lossmon.engine.alerts import AlertHook, AlertPolicy
from lossmon.engine.baseline import Baseline, with_baseline
from lossmon.engine.findings import Finding, format_step, step_for_json
from lossmon.engine.follower import Follower
from lossmon.engine.updates import FollowUpdate
from lossmon.engine.monitor import Monitor
from lossmon.engine.safe_text import printable
from lossmon.engine.webhook import Webhook
from lossmon.json_values import json_number, json_safe
from lossmon.commands.watch_jsonl import jsonl_records, jsonl_text as jsonl_records_text


def run_watch(args) -> int:
    output_stream()  # closed: say so before following anything
    follower = Follower(
        args.paths,
        make_monitor=with_baseline(partial(Monitor, **parsing_options(args)), read_baseline(args)),
        poll_interval=args.poll,
        stall_after=args.stall_after,
    )
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in _STOP_SIGNALS}
    render = jsonl_text if args.jsonl else text_output
    alerts = make_alert_policy(args)
    status = EXIT_OK
    failed: set[str] = set()  # inputs whose last word was an error
    follower.start()
    announced = False
    warned: set[str] = set()  # files whose dropped series were reported
    try:
        while not stop.is_set() and not follower.done:
            update = follower.get(timeout=0.25)
            if update is None:
                continue
            if not announced and follower.watcher.directories:  # set up before the first update
                announced = True
                print(f"lossmon: watching with {printable(follower.describe_watching())}", file=sys.stderr, flush=True)
            for event in update.events:
                if event.kind == "error":
                    failed.add(event.path)
                elif event.kind in ("opened", "finished"):
                    failed.discard(event.path)
            if args.jsonl:
                _write(sys.stderr, "".join(printable(event.message) + "\n" for event in update.events))
            _write(sys.stdout, render(update))
            if update.monitor.dropped_series and update.path not in warned:  # once per file
                warned.add(update.path)
                print(f"lossmon: {update.monitor.series_warning()}", file=sys.stderr, flush=True)
            alerts.observe(update.path, update.findings, update.active)
            if alerts.exits(update.findings):
                status = EXIT_ALERT
                break
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        follower.stop()
        # --exit-on, or every input read to its end: the hooks running and the posts queued still
        # finish (each bounded by its timeout); a user who interrupts, or a signal, wants out now.
        alerts.close(wait=not stop.is_set())
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if follower.error is not None:
        print(f"lossmon: the follower stopped: {printable(follower.error)}", file=sys.stderr)
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
def make_alert_policy(args) -> AlertPolicy:
    """--alert-level, --on-alert, --webhook and --exit-on: the policy the app shares."""
    return AlertPolicy(args.alert_level, hook=make_hook(args), webhook=make_webhook(args), exit_on=args.exit_on)


def _alert_settings(args) -> dict:
    """What the hook and the webhook share: the --alert-level gate, --hook-timeout on each run or
    post, and a failure said in one line on stderr (stdout stays machine-readable)."""
    return {"level": args.alert_level, "timeout": args.hook_timeout, "report": _report}


def make_hook(args) -> AlertHook | None:
    """The --on-alert hook; its own output goes to stderr too."""
    return AlertHook(args.on_alert, output=sys.stderr.fileno(), **_alert_settings(args)) if args.on_alert else None


def make_webhook(args) -> Webhook | None:
    """The --webhook poster."""
    return Webhook(args.webhook, **_alert_settings(args)) if args.webhook else None


def _write(stream, text: str) -> None:
    """Lines (each with its newline) written at once and flushed: visible at once, whole."""
    if not text:
        return
    if stream is not sys.stdout:  # messages on stderr: nowhere to report their own failure
        try:
            stream.write(text)
            stream.flush()
        except (OSError, ValueError):
            pass
        return
    with writing(stream):
        stream.write(text)


def jsonl_text(update: FollowUpdate) -> str:
    """The update's JSON lines, each ending in a newline: its records (one string for the whole
    batch, see watch_jsonl), then its findings."""
    text = jsonl_records_text(update.path, update.batch) if update.batch is not None else ""
    findings = []
    for finding in update.findings:
        episode = finding.episode.number if finding.episode is not None else None
        fields = {**finding.to_dict(), "path": update.path, "episode": episode, "escalates": finding.escalates}
        findings.append(json.dumps({"finding": json_safe(fields)}, allow_nan=False) + "\n")
    return text + "".join(findings)


def jsonl_lines(update: FollowUpdate) -> list[str]:
    """The same, one string per line, without the newlines (json.dumps escapes any in the text)."""
    return jsonl_text(update).split("\n")[:-1]


def text_lines(update: FollowUpdate) -> list[str]:
    """Readable lines; paths and log text escaped (printable): the terminal shows them, never
    obeys them. A finding is a line when it opens or escalates an event."""
    news = [finding_line(update.path, f) for f in update.findings if f.escalates]
    return [printable(event.message) for event in update.events] + news


def text_output(update: FollowUpdate) -> str:
    return "".join(line + "\n" for line in text_lines(update))


def finding_line(path: str, finding: Finding) -> str:
    return (
        f"{printable(path)}: {finding.severity.upper()} {finding.pathology} in {printable(finding.series)} "
        f"at step {format_step(finding.step)} (line {finding.line}): {printable(finding.message)}"
    )
