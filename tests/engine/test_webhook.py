"""The chat payload and --webhook's poster: log text can neither add a field nor mention anyone."""

import json
import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from lossmon.engine.alerts import AlertPolicy, hook_environment
from lossmon.engine.findings import Finding
from lossmon.engine.safe_text import ZERO_WIDTH_SPACE, printable
from lossmon.engine.webhook import Webhook, chat_payload, payload_json
from tests.http_sink import HttpSink

INJECTION = 'loss", "channel": "#general", "username": "Security Team", "icon_url": "http://evil.example/x.png", "x": "'
PAYLOAD_KEYS = {"text", "content", "allowed_mentions", "lossmon"}
FINDING_KEYS = {"pathology", "severity", "series", "step", "line", "file", "message"}

hostile_text = st.lists(
    st.one_of(
        st.sampled_from([INJECTION, "<!channel>", "<!here|here>", "@here", "@channel", "@everyone", "<@U024BE7LH>",
                         "<http://evil.example|click>", "[click](http://evil.example)", "https://evil.example",
                         "\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\u2066", "\u200f", "\u061c", "\ufeff",
                         "[bold red]x[/]", "\\", '"', "&lt;", "\udcff"]),
        st.text(max_size=20),
    ),
    max_size=8,
).map("".join)


def finding(series: str, message: str | None = None) -> Finding:
    return Finding("nan_or_inf", "alert", series, 20.0, 20, message if message is not None else f"{series} is nan at step 20")


def assert_chat_safe(text: str) -> None:
    # Every @ is followed by a zero-width space: no @here, @channel, @everyone, <@U1> mention.
    assert text.count("@") == text.count("@" + ZERO_WIDTH_SPACE)
    for construct in ("<!", "](", "://"):  # Slack's <!channel>, markdown links, bare URLs
        assert construct not in text, construct
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c" for c in text)


@settings(max_examples=200, deadline=None)
@given(series=hostile_text, message=hostile_text, path=hostile_text)
def test_the_payload_has_only_its_fields_and_log_text_as_plain_strings(series, message, path):
    body = json.loads(payload_json(path, finding(series, message)))
    assert set(body) == PAYLOAD_KEYS
    assert body["allowed_mentions"] == {"parse": []}
    assert set(body["lossmon"]) == FINDING_KEYS
    assert body["lossmon"]["series"] == printable(series)
    assert body["lossmon"]["message"] == printable(message)
    assert body["lossmon"]["file"] == printable(path)
    for key in ("text", "content"):
        assert isinstance(body[key], str)
        assert_chat_safe(body[key])
    assert "<" not in body["text"] and ">" not in body["text"]  # Slack: only its own &lt; &gt;


def test_the_encoded_payload_is_ascii_and_every_escape_is_the_encoders():
    encoded = payload_json("run/\x1b]0;x\x07/train.log", finding(INJECTION + "\u202e"))
    assert encoded.isascii()
    assert '"channel"' not in encoded.replace('\\"channel\\"', "")  # only ever inside a string


def test_a_mention_shows_with_a_zero_width_break_and_stays_readable():
    payload = chat_payload("train.log", finding("loss @here <!channel>"), host="gpu1")
    assert "loss @" + ZERO_WIDTH_SPACE + "here" in payload["content"]
    assert "&lt;" + ZERO_WIDTH_SPACE + "!channel&gt;" in payload["text"]
    assert payload["content"].startswith("lossmon on gpu1: ALERT nan_or_inf in loss")


def test_the_hook_environment_holds_the_payload_and_printable_text():
    environment = hook_environment("r\x1b]0;pwned\x07\x1b[2J/train.log", finding(INJECTION + "\u202e"))
    assert environment["LOSSMON_FILE"] == "r\\x1b]0;pwned\\x07\\x1b[2J/train.log"
    assert environment["LOSSMON_SERIES"].endswith("\\u202e")
    assert json.loads(environment["LOSSMON_JSON"])["lossmon"]["series"] == printable(INJECTION + "\u202e")
    assert all(value.isprintable() for value in environment.values())


def test_the_webhook_posts_news_once_and_in_the_background():
    hold = threading.Event()
    reports = []
    with HttpSink(hold=hold) as sink:
        webhook = Webhook(sink.url, report=reports.append, timeout=30)
        policy = AlertPolicy(webhook=webhook)
        nan = finding(INJECTION)
        policy.observe("train.log", [nan], {"nan_or_inf": nan})
        # The server has not answered yet: observe() returned anyway (reading never waits).
        body, headers, path = sink.next()
        assert not hold.is_set()
        policy.observe("train.log", [finding("loss")], {"nan_or_inf": nan})  # badge still lit: not news
        hold.set()
        webhook.close(wait=True)
    assert headers["Content-Type"] == "application/json" and path == "/hooks/test"
    assert json.loads(body)["lossmon"]["series"] == INJECTION
    assert sink.received.empty()
    assert webhook.sent == 1 and reports == []


def test_a_failing_endpoint_is_reported_never_raised():
    reports = []
    with HttpSink(status=500) as sink:
        webhook = Webhook(sink.url, report=reports.append, timeout=30)
        webhook.post("train.log", finding("loss"))
        webhook.close(wait=True)
    refused = Webhook("http://127.0.0.1:9/", report=reports.append, timeout=5)  # discard port: refused
    refused.post("train.log", finding("loss"))
    refused.close(wait=True)
    assert len(reports) == 2
    assert reports[0].startswith("webhook for nan_or_inf at step 20 failed: HTTP 500")
    assert reports[1].startswith("webhook for nan_or_inf at step 20 failed:")


def test_a_garbled_reply_is_reported_never_raised():
    import socket

    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def answer_garbage():
        connection, _ = server.accept()
        connection.recv(65536)
        connection.sendall(b"not http at all\r\n\r\n")
        connection.close()

    thread = threading.Thread(target=answer_garbage, daemon=True)
    thread.start()
    reports = []
    webhook = Webhook(f"http://127.0.0.1:{port}/", report=reports.append, timeout=10)
    webhook.post("train.log", finding("loss"))
    webhook.close(wait=True)
    server.close()
    assert len(reports) == 1 and reports[0].startswith("webhook for nan_or_inf at step 20 failed:")
