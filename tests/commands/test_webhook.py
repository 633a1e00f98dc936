"""A hostile series name posted to a local chat webhook: through --webhook, and through the
README's --on-alert recipe run by the real hook. The server receives the payload's fields only,
with the name as a plain string."""

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lossmon.engine.safe_text import printable
from tests.http_sink import HttpSink

README = Path(__file__).resolve().parents[2] / "README.md"
HOSTILE = (
    'loss", "channel": "#general", "username": "Security Team", "icon_url": "http://evil.example/x.png", '
    '"x": "<!channel> @here [click](http://evil.example) \u202e'
)
PAYLOAD_KEYS = {"text", "content", "allowed_mentions", "lossmon"}


def hostile_log(tmp_path) -> Path:
    lines = [json.dumps({"step": s, HOSTILE: 2.0 - s / 100 if s < 20 else float("nan")}) for s in range(1, 25)]
    log = tmp_path / "train.jsonl"
    log.write_text("\n".join(lines) + "\n")
    return log


def watch_until_alert(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lossmon", "watch", "--exit-on", "alert", *args],
        capture_output=True, text=True, timeout=60, env={**os.environ, **(env or {})},
    )


def assert_received(sink) -> None:
    body, headers, _ = sink.next()
    assert headers["Content-Type"] == "application/json"
    payload = json.loads(body)
    assert set(payload) == PAYLOAD_KEYS
    assert payload["lossmon"]["series"] == printable(HOSTILE)  # the name, as one plain string
    assert payload["lossmon"]["pathology"] == "nan_or_inf"
    assert "@here" not in payload["content"] and "<!channel>" not in payload["text"]
    assert sink.received.empty()  # one finding, one post


def test_watch_webhook_posts_a_hostile_name_as_plain_text(tmp_path):
    log = hostile_log(tmp_path)
    with HttpSink() as sink:
        result = watch_until_alert("--webhook", sink.url, str(log))
        assert result.returncode == 1, result.stderr
        assert_received(sink)
    assert "Traceback" not in result.stderr


def readme_hook_recipe() -> str:
    """The --on-alert command of the README's webhook recipe, as the README spells it."""
    lines = [line for line in README.read_text().splitlines() if "--data-binary @-" in line]
    assert len(lines) == 1, lines
    args = shlex.split(lines[0])
    return args[args.index("--on-alert") + 1]


@pytest.mark.skipif(shutil.which("curl") is None, reason="the README's recipe uses curl")
def test_the_readme_hook_recipe_posts_a_hostile_name_as_plain_text(tmp_path):
    log = hostile_log(tmp_path)
    with HttpSink() as sink:
        result = watch_until_alert("--on-alert", readme_hook_recipe(), str(log), env={"WEBHOOK_URL": sink.url})
        assert result.returncode == 1, result.stderr
        assert_received(sink)


def test_a_webhook_url_must_be_http():
    result = subprocess.run(
        [sys.executable, "-m", "lossmon", "watch", "--webhook", "file:///etc/passwd", "x.log"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "must be an http:// or https:// URL" in result.stderr and "Traceback" not in result.stderr
