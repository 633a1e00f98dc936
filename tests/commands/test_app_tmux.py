"""End to end: the real ``lossmon`` command in tmux, following a log that the test appends to,
read back with ``capture-pane`` (issue 6). Every wait polls the screen with a deadline."""

import re
import shlex

import pytest

from lossmon.engine.checklists import PATHOLOGIES

from ..tmux_screen import TmuxScreen, colours_at, is_red, tmux_available

pytestmark = pytest.mark.skipif(not tmux_available(), reason="tmux is not installed")

START_DEADLINE = 30.0  # a cold start of Python and Textual on a busy machine


def nano(step: int, loss: str) -> str:
    """nanoGPT's train.py prints."""
    return f"iter {step}: loss {loss}, time 31.42ms, mfu 2.15%\n"


def healthy(steps) -> str:
    return "".join(nano(s, f"{2.5 * 0.995**s + 0.3:.4f}") for s in steps)


def append(path, text: str) -> None:
    with open(path, "a", encoding="utf-8") as out:
        out.write(text)
        out.flush()


def last_step(screen: TmuxScreen) -> int | None:
    found = re.search(r"step (\d+)", screen.text())
    return int(found.group(1)) if found else None


@pytest.mark.parametrize("size", [(120, 40), (50, 30)], ids=["full", "side"])
def test_the_app_follows_a_growing_log_and_alerts(size, tmp_path):
    log = tmp_path / "train.log"
    log.write_text(healthy(range(0, 200)))
    then = 'echo "lossmon exited with status $?"; exec sleep 600'  # the pane outlives the app (it quits fast)
    with TmuxScreen([str(log)], *size, env={"XDG_STATE_HOME": str(tmp_path / "state")}, then=then) as screen:
        # The whole first frame: the header can reach the pane before the checklist below it.
        screen.wait_for(
            lambda: last_step(screen) == 199 and "FOLLOW" in screen.text() and "No active findings" in screen.text(),
            START_DEADLINE,
            "the history",
        )
        assert "nanogpt" in screen.text()
        assert not is_red(colours_at(screen.styled(), "NaN/Inf")[0])

        append(log, healthy(range(200, 260)))  # the last step updates as lines arrive
        screen.wait_for(lambda: last_step(screen) == 259, 5.0, "step 259 in the header")

        append(log, nano(260, "nan"))
        # (how soon: benchmarks/app_latency.py times the frame after an appended line)
        screen.wait_for(lambda: is_red(badge_colour(screen)), 5.0, "the NaN/Inf badge to turn red")
        assert "■ NaN/Inf" in screen.text()
        assert not is_red(colours_at(screen.styled(), "EXPLODING")[0])  # only the right badge

        items = PATHOLOGIES["nan_or_inf"].checklist
        screen.wait_for(lambda: all(item[:20] in screen.text() for item in items[:3]), 5.0, "the checklist")
        assert "Checklist (1 active)" in screen.text()
        screen.send("q")
        screen.wait_for(lambda: "lossmon exited with status 0" in screen.text(), 10.0, "the app to quit")
        assert "FOLLOW" not in screen.text()


def badge_colour(screen: TmuxScreen):
    """The NaN/Inf badge's colour: red foreground, or red background while it blinks."""
    foreground, background = colours_at(screen.styled(), "NaN/Inf")
    return foreground if is_red(foreground) else background


def test_a_log_piped_into_stdin_is_followed_and_the_keys_still_work(tmp_path):
    # ssh gpu1 tail -F train.log | lossmon -: the log comes through stdin, the keys from the tty.
    log = tmp_path / "train.log"
    log.write_text(healthy(range(0, 100)))
    pipe = f"tail -n +1 -f {shlex.quote(str(log))}"
    with TmuxScreen(["-"], 120, 40, env={"XDG_STATE_HOME": str(tmp_path / "state")}, pipe_from=pipe) as screen:
        screen.wait_for(lambda: last_step(screen) == 99 and "stdin" in screen.text(), START_DEADLINE, "the piped log")
        append(log, healthy(range(100, 120)))
        screen.wait_for(lambda: last_step(screen) == 119, 5.0, "step 119")
        screen.send("s")
        screen.wait_for(lambda: "smooth 0.9" in screen.text(), 5.0, "the s key to change the smoothing")


def test_notify_reaches_the_terminal_outside_tmux_and_the_hook_stays_off_the_screen(tmp_path):
    # lossmon --notify inside tmux: the notification goes through tmux's passthrough to the
    # terminal tmux is attached to (here a recorded pseudo-terminal: what the user's would get).
    log = tmp_path / "train.log"
    log.write_text(healthy(range(0, 200)))
    hooked = tmp_path / "hooked"
    hook = f"echo HOOK-NOISE; echo HOOK-NOISE >&2; echo $LOSSMON_STEP > {shlex.quote(str(hooked))}"
    args = ["--notify", "--on-alert", hook, str(log)]
    with TmuxScreen(args, 120, 40, env={"XDG_STATE_HOME": str(tmp_path / "state")}) as screen:
        screen.set_option("allow-passthrough", "on")  # tmux >= 3.3 drops passthrough without it
        with screen.attach(120, 40) as terminal:
            screen.wait_for(lambda: last_step(screen) == 199 and "FOLLOW" in screen.text(), START_DEADLINE, "the history")
            append(log, nano(200, "nan"))
            expected = "lossmon: NaN/Inf in train.log", "alert at step 200: "
            osc777 = f"\x1b]777;notify;{expected[0]};{expected[1]}".encode()
            screen.wait_for(lambda: osc777 in terminal.received(), 5.0, "the OSC 777 notification")
            received = terminal.received()
            assert f"\x1b]9;{expected[0]}: {expected[1]}".encode() in received  # unwrapped by tmux
            assert b"Ptmux;" not in received
            assert received.count(b"\x07") >= 3  # the bell, besides the two notifications' terminators
            screen.wait_for(lambda: hooked.exists() and hooked.read_text() == "200\n", 5.0, "the hook")
            screen.wait_for(lambda: "■ NaN/Inf" in screen.text(), 5.0, "the red badge")
            assert "HOOK-NOISE" not in screen.text()  # the hook's output went to /dev/null


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP", "SIGQUIT"])
def test_a_signal_to_the_app_restores_the_terminal(sig, tmp_path):
    """Like q and Ctrl+C: alternate screen off, mouse tracking (1000/1003/1006) off, cursor shown,
    exit status 0. The pane's shell lives on after lossmon, so tmux keeps the modes it left."""
    import os
    import signal

    log = tmp_path / "train.log"
    log.write_text(healthy(range(0, 50)))
    then = 'echo "lossmon exited with status $?"; exec sleep 600'
    with TmuxScreen([str(log)], 100, 30, env={"XDG_STATE_HOME": str(tmp_path / "state")}, then=then) as screen:
        screen.wait_for(lambda: "FOLLOW" in screen.text(), START_DEADLINE, "the app")
        running = screen.pane_flags()  # tmux keeps one tracking mode: 1003 replaced 1000
        assert (running["alternate_on"], running["mouse_any_flag"], running["mouse_sgr_flag"], running["cursor_flag"]) == (
            "1", "1", "1", "0",
        )
        with open(f"/proc/{screen.pid}/task/{screen.pid}/children") as children:
            (app_pid,) = map(int, children.read().split())
        os.kill(app_pid, getattr(signal, sig))
        screen.wait_for(lambda: "lossmon exited with status 0" in screen.text(), 20.0, "the app to exit")
        assert screen.pane_flags() == {
            "alternate_on": "0", "mouse_any_flag": "0", "mouse_standard_flag": "0", "mouse_sgr_flag": "0", "cursor_flag": "1",
        }


def test_the_app_on_a_directory_says_a_corrupt_archive_and_exits_2(tmp_path):
    """A directory's .gz logs are runs in the app too: a damaged one is named with its error on
    screen, and after q one line on the restored terminal, exit status 2 (README: input errors)."""
    import gzip

    runs = tmp_path / "runs"
    runs.mkdir()
    (runs / "good.log").write_text(healthy(range(0, 50)))
    packed = gzip.compress(healthy(range(0, 50)).encode())
    (runs / "bad.log.gz").write_bytes(packed[:40] + bytes(b ^ 0x5A for b in packed[40:80]) + packed[80:])
    then = 'echo "lossmon exited with status $?"; exec sleep 600'
    with TmuxScreen([str(runs)], 120, 40, env={"XDG_STATE_HOME": str(tmp_path / "state")}, then=then) as screen:
        screen.wait_for(lambda: "FOLLOW" in screen.text() or "read failed" in screen.text(), START_DEADLINE, "the app")
        screen.send("q")
        screen.wait_for(lambda: "lossmon exited with status" in screen.text(), 20.0, "the app to quit")
        text = screen.text()
        assert "lossmon exited with status 2" in text, text
        joined = text.replace("\n", "")  # a long temporary path wraps in the pane
        assert joined.count("bad.log.gz: read failed") == 1 and f"lossmon: {runs / 'bad.log.gz'}: read failed" in joined, text
