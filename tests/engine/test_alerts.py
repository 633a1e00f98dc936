import json
import shlex
import signal
import sys

import pytest

from lossmon.engine.alerts import AlertGate, AlertHook, AlertPolicy, hook_environment
from lossmon.engine.findings import Finding
from tests.conftest import until


def finding(pathology="nan_or_inf", severity="alert", step=12.0):
    return Finding(pathology, severity, "loss", step, 40, "loss is nan at step 12")


def test_environment_carries_the_finding():
    env = hook_environment("/runs/a/train.log", finding())
    assert json.loads(env.pop("LOSSMON_JSON"))["lossmon"] == {
        "pathology": "nan_or_inf", "severity": "alert", "series": "loss", "step": 12, "line": 40,
        "file": "/runs/a/train.log", "message": "loss is nan at step 12",
    }
    assert env == {
        "LOSSMON_PATHOLOGY": "nan_or_inf",
        "LOSSMON_SEVERITY": "alert",
        "LOSSMON_STEP": "12",
        "LOSSMON_LINE": "40",
        "LOSSMON_SERIES": "loss",
        "LOSSMON_FILE": "/runs/a/train.log",
        "LOSSMON_MESSAGE": "loss is nan at step 12",
    }


def test_fires_once_per_pathology_until_it_clears(tmp_path):
    out = tmp_path / "fired"
    hook = AlertHook(f'echo "$LOSSMON_PATHOLOGY $LOSSMON_STEP" >> {out}')
    policy = AlertPolicy(hook=hook)
    nan = finding()
    policy.observe("a.log", [nan], {"nan_or_inf": nan})
    policy.observe("a.log", [finding(step=13.0)], {"nan_or_inf": nan})  # still lit: no second run
    policy.observe("b.log", [finding(step=5.0)], {"nan_or_inf": nan})  # another file: its own run
    policy.observe("a.log", [], {})  # the badge cleared
    policy.observe("a.log", [finding(step=90.0)], {"nan_or_inf": nan})  # fires again
    policy.observe("a.log", [finding("plateau", "warn")], {})  # below the level: never
    hook.wait()
    assert sorted(out.read_text().split("\n")[:-1]) == ["nan_or_inf 12", "nan_or_inf 5", "nan_or_inf 90"]
    assert hook.launched == 3


def test_a_failing_or_hanging_hook_is_reported_not_fatal(tmp_path):
    reports = []
    failing = AlertHook("exit 3", report=reports.append)
    failing.policy().observe("a.log", [finding()], {})
    failing.wait()
    # observe never waits for the command: this one ends only once the test, after observe
    # returned, lets it (had observe waited, it would have timed out and said so).
    go = tmp_path / "go"
    blocked = AlertHook(f'until [ -e "{go}" ]; do sleep 0.02; done', timeout=60, report=reports.append)
    blocked.policy().observe("a.log", [finding()], {})
    assert blocked.launched == 1 and not go.exists()
    go.touch()
    blocked.wait()
    hanging = AlertHook("sleep 30", timeout=0.5, report=reports.append)
    hanging.policy().observe("a.log", [finding()], {})
    hanging.wait()  # stopped at its timeout
    assert hanging.running == 0
    assert reports == [
        "alert hook for nan_or_inf at step 12 exited with status 3",
        "alert hook for nan_or_inf at step 12 timed out after 0.5 s and was stopped",
    ]


def test_level_warn_fires_for_warnings(tmp_path):
    out = tmp_path / "fired"
    hook = AlertHook(f"echo $LOSSMON_SEVERITY >> {out}", level="warn")
    hook.policy().observe("a.log", [finding("plateau", "warn"), finding("overfitting", "info")], {})
    hook.wait()
    assert out.read_text() == "warn\n"


def test_the_gate_passes_each_pathology_once_per_file_until_its_badge_clears():
    gate = AlertGate("warn")
    nan, plateau = finding(), finding("plateau", "warn", step=20.0)
    assert gate.news("a.log", [nan, finding(step=13.0), plateau], {}) == [nan, plateau]  # one per pathology
    assert gate.news("a.log", [finding(step=14.0)], {"nan_or_inf": nan}) == []  # still lit
    assert gate.news("b.log", [nan], {}) == [nan]  # another file
    # plateau fell to info (below the level): cleared; nan_or_inf still lit.
    assert gate.news("a.log", [], {"nan_or_inf": nan, "plateau": finding("plateau", "info")}) == []
    again = finding("plateau", "warn", step=40.0)
    assert gate.news("a.log", [again, finding(step=41.0)], {"nan_or_inf": nan}) == [again]
    assert gate.news("a.log", [finding("overfitting", "info")], {}) == []  # below the level


def test_the_gate_passes_escalations_of_an_episode_not_what_is_folded_into_it():
    from lossmon.engine.episodes import EpisodeBook

    book = EpisodeBook()
    spike = Finding("exploding_loss", "warn", "loss", 100.0, 100, "spike")
    symptom = Finding("overfitting", "alert", "val_loss", 110.0, 110, "val up")  # inside the explosion
    book.take([spike, symptom], [], [], lambda series, line: line)
    stays = Finding("exploding_loss", "alert", "loss", 103.0, 120, "not recovering", while_lit=True)
    book.take([stays], [], [], lambda series, line: line)
    gate = AlertGate("alert")
    # The symptom raised the explosion's episode to alert: that escalation is the news, once,
    # under the explosion's name; the spike's own alert later is no news while the badge is lit.
    assert gate.news("a.log", [spike, symptom], {"exploding_loss": spike, "overfitting": symptom}) == [symptom]
    assert gate.news("a.log", [stays], {"exploding_loss": stays}) == []
    assert not stays.escalates and symptom.escalates
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL, signal.SIGSEGV, signal.SIGHUP])
def test_a_hook_killed_by_a_signal_is_reported(sig):
    reports = []
    # The hook restores the signal's default first: a shell cannot, and under `nohup` (SIGHUP ignored
    # by the environment, inherited by every child) `kill -HUP $$` would not end it.
    reset = "" if sig == signal.SIGKILL else f"signal.signal({int(sig)}, signal.SIG_DFL); "  # (SIGKILL has no handler)
    killer = f"import os, signal; {reset}os.kill(os.getpid(), {int(sig)})"
    hook = AlertHook(f"exec {shlex.quote(sys.executable)} -c {shlex.quote(killer)}", report=reports.append)
    hook.policy().observe("a.log", [finding()], {})
    hook.wait()
    assert reports == [f"alert hook for nan_or_inf at step 12 was killed by signal {sig.name}"]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, not reaped yet
    except FileNotFoundError:
        return False


def test_close_stops_every_running_hook_and_its_children_silently(tmp_path):
    reports = []
    hook = AlertHook(f'sleep 60 & echo $! > "{tmp_path}/child-$$"; exec sleep 60', report=reports.append, timeout=120)
    for series in ("a", "b", "c"):
        hook.run(f"{series}.log", finding())
    until(lambda: hook.running >= 3 and len(list(tmp_path.iterdir())) >= 3, "three hooks and their children")
    shells = [int(p.name.split("-")[1]) for p in tmp_path.iterdir()]
    children = [int(p.read_text()) for p in tmp_path.iterdir()]
    assert len(shells) == 3 and all(map(_alive, shells + children))
    hook.close(wait=False)
    # SIGKILL is sent before close returns; a killed process that has not been scheduled since
    # still reads as running (seen under load 10), so wait for the deaths rather than race them.
    until(lambda: not any(map(_alive, shells + children)), lambda: f"hooks and children gone; alive: {[p for p in shells + children if _alive(p)]}")
    assert reports == []  # stopped by lossmon itself: nothing to report


def test_a_hook_that_starts_while_closing_is_stopped_too(tmp_path):
    hook = AlertHook(f'echo $$ > "{tmp_path}/pid"; exec sleep 60', timeout=120)
    hook._closing = True  # close() ran between this hook's submission and its start
    hook.run("a.log", finding())
    hook.wait()  # returns at once: killed as it started (not after the 120 s timeout)
    pid_file = tmp_path / "pid"
    assert not pid_file.exists() or not _alive(int(pid_file.read_text() or 0))
    assert hook.running == 0


def test_one_policy_gates_the_hook_the_webhook_and_notifications_together_and_says_when_to_exit():
    class Recorder:
        def __init__(self):
            self.got = []

        def run(self, path, finding):
            self.got.append((path, finding.step))

        post = run

        def close(self, wait):
            self.got.append(("closed", wait))

    hook, webhook, notified = Recorder(), Recorder(), []
    policy = AlertPolicy("alert", hook=hook, webhook=webhook, notify=lambda p, f: notified.append((p, f.step)),
                         exit_on="warn")
    nan = finding()
    assert policy.observe("a.log", [nan], {"nan_or_inf": nan}) == [nan]
    assert policy.observe("a.log", [finding(step=13.0)], {"nan_or_inf": nan}) == []  # still lit
    assert hook.got == webhook.got == notified == [("a.log", 12.0)]
    warn = finding("plateau", "warn")
    assert policy.observe("a.log", [warn], {"plateau": warn}) == []  # below the level: no news...
    assert policy.exits([warn]) and not policy.exits([finding("overfitting", "info")])  # ...but it exits
    assert not AlertPolicy("alert").exits([nan])  # no --exit-on: never
    policy.close(wait=False)
    assert hook.got[-1] == webhook.got[-1] == ("closed", False)
