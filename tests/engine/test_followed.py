import json
import os
import re

import pytest

from lossmon.engine import check_file
from lossmon.engine.lines import MAX_LINE_BYTES
from lossmon.engine.monitor import Monitor
from lossmon.engine.followed import FollowedInput
from lossmon.engine.sources.tail import FileTail


def nano(step, loss):
    return f"iter {step}: loss {loss}, time 10.00ms, mfu 1.00%\n".encode()


@pytest.fixture
def log(tmp_path):
    path = tmp_path / "train.log"
    path.write_bytes(b"")

    def append(data: bytes):
        with open(path, "ab") as f:
            f.write(data)

    append.path = str(path)
    append.reset = lambda: path.write_bytes(b"")
    return append


def feed_for(path):
    return FollowedInput(Monitor(path), FileTail(path))


def pump_all(feed):
    while feed.pump(1 << 20):
        pass
    return [record for update in feed.take_updates() if update.batch is not None for record in update.batch.records()]


def _records_of(path):
    feed = feed_for(path)
    records = pump_all(feed)
    feed.end()
    return records + pump_all(feed)


def test_only_complete_lines_are_parsed_while_following(log):
    feed = feed_for(log.path)
    log(nano(1, 2.5) + nano(2, 2.4)[:20])
    assert pump_all(feed) == [(1, 1.0, {"loss": 2.5, "mfu": 1.0})]
    log(nano(2, 2.4)[20:])
    assert pump_all(feed) == [(2, 2.0, {"loss": 2.4, "mfu": 1.0})]


# Lines of several formats, each cut at every byte: a writer pausing there (for any time: the
# follower has no timer that could give up on the line) must never make a record of the start.
CUT_LINES = [
    b"step 7 | train_loss:5.423475e-02 val_loss:6.1e-02\n",
    b'{"step": 7, "loss": 5.423475e-02, "lr": 3e-4}\n',
    b"iter 7: loss 5.4234, time 10.00ms, mfu 1.00%\n",
    b"{'loss': 0.05423475, 'grad_norm': 3.4568, 'learning_rate': 4.95e-05, 'epoch': 0.01}\n",
]


@pytest.mark.parametrize("line", CUT_LINES, ids=["key:value", "jsonl", "nanogpt", "hf-dict"])
def test_a_line_paused_anywhere_is_read_only_when_its_newline_comes(log, tmp_path, line):
    history = b"".join(line.replace(b"7", str(step).encode(), 1) for step in (1, 2, 3, 4, 5, 6))
    expected = _records_of_bytes(history + line, tmp_path)
    assert len(expected) == 7
    for cut in range(1, len(line)):
        log.reset()
        feed = feed_for(log.path)
        log(history + line[:cut])
        # (but a JSON object whole up to its closing brace is read at once: no prefix of one parses)
        whole = line[:cut].startswith(b"{") and _is_json_object(line[:cut])
        assert pump_all(feed) == (expected if whole else expected[:6])
        for _ in range(3):  # more reads of an idle writer: still nothing
            assert pump_all(feed) == []
        log(line[cut:])
        assert pump_all(feed) == ([] if whole else expected[6:]), f"cut at byte {cut}: {line[:cut]!r}"


def _is_json_object(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data), dict)
    except ValueError:
        return False


def _records_of_bytes(data, tmp_path):
    path = tmp_path / "whole.log"
    path.write_bytes(data)
    return _records_of(str(path))


def test_a_block_buffered_writer_loses_no_record(log, tmp_path):
    """`python train.py > log 2>&1`: stdout block-buffered in 4 KiB writes, cut mid-line and
    mid-number, with pauses between them; stderr lines come in unbuffered between the blocks."""
    lines = [f"step {i} | train_loss:{5.4 / (i + 1):.6e} lr:{3e-4 * i:.3e}\n".encode() for i in range(600)]
    stdout = b"".join(lines)
    blocks = [stdout[k : k + 4096] for k in range(0, len(stdout), 4096)]
    feed = feed_for(log.path)
    taken = []
    for number, block in enumerate(blocks):
        log(block)
        taken += pump_all(feed)
        if number % 3 == 1 and block.endswith(b"\n"):
            log(b"warning: something on stderr\n")
            taken += pump_all(feed)
    assert [metrics for _, _, metrics in taken] == [metrics for _, _, metrics in _records_of_bytes(stdout, tmp_path)]
    assert len(taken) == 600


def test_a_deleted_files_last_line_is_committed_once_and_its_late_rest_is_dropped(log, tmp_path):
    feed = feed_for(log.path)
    log(nano(1, 2.5) + b"iter 2: loss 2.4, time 10.00ms")  # a killed job's last line
    assert len(pump_all(feed)) == 1
    with open(log.path, "ab") as writer:  # a writer still holding the file
        os.unlink(log.path)
        updates = []
        while feed.pump(1 << 20):
            pass
        updates = feed.take_updates()
        assert [e.kind for u in updates for e in u.events] == ["deleted"]
        assert [r for u in updates if u.batch is not None for r in u.batch.records()] == [(2, 2.0, {"loss": 2.4})]
        # The same line goes on after all: no duplicate of step 2, no record made of its tail alone.
        writer.write(b", mfu 1.00%\n" + nano(3, 2.3))
        writer.flush()
        assert pump_all(feed) == [(3, 3.0, {"loss": 2.3, "mfu": 1.0})]
        assert feed.monitor.lines == 3
        feed.end()  # end of input later: nothing is parsed a second time
        assert pump_all(feed) == []


def test_new_progress_frames_after_a_commit_are_read_as_the_same_line(log):
    """A slow Hugging Face run: the tqdm bar waits without a newline, then tqdm.write prints the
    metrics dict after a \\r on the same line: the dict must not be lost with the bar's rest."""
    feed = feed_for(log.path)
    log(b"\r 10%|#         | 1/10 [00:05<00:45, 5.00s/it]")
    assert pump_all(feed) == []
    with open(log.path, "ab") as writer:
        os.unlink(log.path)
        assert pump_all(feed) == []  # committed: the bar's frame has no metrics
        writer.write(
            b"\r                                               \r{'loss': 2.3123, 'grad_norm': 3.4568, "
            b"'learning_rate': 4.95e-05, 'epoch': 0.01}\n"
            b"\r 20%|##        | 2/10 [00:10<00:40, 5.00s/it]"
        )  # fmt: skip
        writer.flush()
        records = pump_all(feed)
    assert [(line, metrics["loss"]) for line, _, metrics in records] == [(1, 2.3123)]
    assert feed.monitor.lines == 1


@pytest.mark.parametrize("blocks", [1, 2, 3])
def test_a_file_of_whole_write_blocks_without_a_final_newline_agrees_with_check_when_finished(log, tmp_path, blocks):
    """A size that is a multiple of 4 KiB once made the followers hold the last line forever,
    even after the file was finished (check read one record more)."""
    body = b"".join(nano(step, round(3 - step / 1000, 4)) for step in range(400 * blocks))
    last = b"iter 99999: loss 0.5, time 10.00ms, mfu 1.00%"
    data = body[: 4096 * blocks - len(last) - 1] + b"\n" + last
    data = data[data.index(b"\n") + 1 :]
    data = b"# " + b"#" * (4096 * blocks - len(data) - 2) + data  # first line: a comment of the right length
    assert len(data) % 4096 == 0 and not data.endswith(b"\n")
    expected = _records_of_bytes(data, tmp_path)
    feed = feed_for(log.path)
    log(data)
    followed = pump_all(feed)
    assert followed == expected[:-1]  # still followed: the last line may go on
    os.unlink(log.path)
    followed += pump_all(feed)
    assert followed == expected and expected[-1][1] == 99999.0


def test_bytes_that_make_no_record_still_report_how_far_the_file_is_read(log):
    feed = feed_for(log.path)
    log(b"\0" * (3 << 20))  # a sparse file's hole: skipped, nothing parsed
    while feed.pump(1 << 20):
        pass
    updates = feed.take_updates()
    assert updates and updates[-1].position == 3 << 20 and not any(u.records for u in updates)
    assert pump_all(feed) == []
    assert feed.take_updates() == []  # nothing new: no update


def test_a_rotated_files_last_unterminated_line_is_parsed_when_it_is_complete(log, tmp_path):
    feed = feed_for(log.path)
    log(nano(1, 2.5) + b"iter 2: loss 2.4, time 10.00ms")
    pump_all(feed)
    (tmp_path / "train.log").rename(tmp_path / "train.log.1")
    log(nano(1, 9.0))
    while feed.pump(1 << 20):
        pass
    updates = [([e.kind for e in u.events], [(r[1], r[2]["loss"]) for r in u.batch.records()]) for u in feed.take_updates()]
    assert updates == [([], [(2.0, 2.4)]), (["rotated"], [(1.0, 9.0)])]
    assert feed.monitor.segments == 1


def test_a_10mb_line_is_cut_without_being_held_whole(log):
    feed = feed_for(log.path)
    log(nano(1, 2.5))
    for _ in range(10):
        log(b"\xff\x00junk" * (1 << 17))  # 10 MB of binary, no newline yet
        pump_all(feed)
        assert feed.monitor.splitter.pending_bytes <= MAX_LINE_BYTES
    log(b"\n" + nano(3, 2.3))
    records = pump_all(feed)
    assert [(line, step) for line, step, _ in records] == [(3, 3.0)]
    assert feed.monitor.splitter.cut_lines == 1


def lightning_epoch(frames: int, seed: int) -> bytes:
    """One Lightning epoch as a file holds it: every progress-bar redraw a \\r frame, one line."""
    import random

    rng = random.Random(seed)
    loss = 3.0
    bar = []
    for i in range(1, frames + 1):
        loss *= 1 - rng.random() * 1e-3
        bar.append(
            f"Epoch 0: {100 * i // frames:3d}%|{'█' * (10 * i // frames):<10}| {i}/{frames} "
            f"[00:{i // 1000:02d}<00:10, {rng.uniform(100, 200):.2f}it/s, v_num=0, train_loss={loss:.4f}]"
        )
    return ("\r" + "\r".join(bar) + "\n").encode()


@pytest.mark.parametrize("seed", [1, 2])
def test_a_lightning_epoch_line_over_the_limit_keeps_every_frame_read_or_followed(log, tmp_path, seed):
    import random

    epoch = lightning_epoch(20_000, seed)
    assert len(epoch) > 1.5 * MAX_LINE_BYTES
    data = epoch + nano(1, 2.5)
    path = tmp_path / "whole.log"
    path.write_bytes(data)
    checked = check_file(str(path))
    assert checked.store["train_loss"].values.size == 20_000 and checked.splitter.cut_lines == 0
    rng = random.Random(seed)
    feed = feed_for(log.path)
    records = []
    position = 0
    while position < len(data):
        size = rng.choice([1, 4096, 65536, 700_000, 1 << 20])
        log(data[position : position + size])
        position += size
        while feed.pump(rng.choice([4096, 1 << 20])):
            pass
        records += [r for u in feed.take_updates() if u.batch is not None for r in u.batch.records()]
    losses = [metrics["train_loss"] for line, _, metrics in records if line == 1]
    assert losses == checked.store["train_loss"].values.tolist()
    assert [r for r in records if r[0] == 2] == [(2, 1.0, {"loss": 2.5, "mfu": 1.0})]


def test_a_cut_line_is_an_event_with_its_line_number(log):
    feed = feed_for(log.path)
    log(nano(1, 2.5) + b"x" * (MAX_LINE_BYTES + 10) + b"\n" + nano(3, 2.3))
    while feed.pump(1 << 20):
        pass
    events = [e for u in feed.take_updates() for e in u.events if e.kind == "cut"]
    assert [e.message for e in events] == [
        f"{log.path}: line 2 is over the 1 MiB line limit: cut, the rest of it is not read (1 cut so far)"
    ]


@pytest.mark.parametrize("hole", [0, 1, 4096, 3 * MAX_LINE_BYTES // 2, 3 * MAX_LINE_BYTES])
@pytest.mark.parametrize("lines", [0, 40])
def test_check_and_the_follower_agree_on_a_leading_hole_of_nuls(log, tmp_path, hole, lines):
    """A copytruncate's hole or a sparse file: over 1 MiB, check cut it with the first real line."""
    data = b"\0" * hole + b"".join(nano(step, round(3 * 0.99**step, 4)) for step in range(lines))
    path = tmp_path / "whole.log"
    path.write_bytes(data)
    checked = check_file(str(path))
    log(data)
    feed = feed_for(log.path)
    followed = pump_all(feed)
    feed.end()
    followed += pump_all(feed)
    assert len(followed) == checked.records == lines
    assert feed.monitor.lines == checked.lines and checked.splitter.cut_lines == 0


def test_records_glued_in_a_line_past_the_limit_are_read_alike_checked_or_followed(log, tmp_path):
    """A log without line ends (tests/corpus/chebnet-no-newlines-step-loss-average-glued:
    AlexPop104/RGCNN_git train.log @df1bd01, 53,766 bytes, 72 records "step N / M ... loss_average
    = ...") written 22 times, past the 1 MiB line limit: every record is read, by check and by
    the follower (watch, the app) however the writes and reads are cut, with nothing cut."""
    import random
    from pathlib import Path

    run = (Path(__file__).resolve().parents[1] / "corpus" / "chebnet-no-newlines-step-loss-average-glued" / "train.log").read_bytes()
    data = run * 22
    assert len(data) > MAX_LINE_BYTES and b"\n" not in data
    path = tmp_path / "whole.log"
    path.write_bytes(data)
    checked = check_file(str(path))
    assert checked.splitter.cut_lines == 0 and checked.lines == 1
    assert checked.store["loss_average"].values.size == 22 * 72 and checked.store["loss"].values.size == 22 * 64
    rng = random.Random(5)
    feed = feed_for(log.path)
    records, position = [], 0
    while position < len(data):
        size = rng.choice([4096, 65536, 700_000])
        log(data[position : position + size])
        position += size
        records += pump_all(feed)
        assert feed.monitor.splitter.pending_bytes <= MAX_LINE_BYTES
    feed.end()  # the writer is done: the last record, still without its line end, is read
    records += pump_all(feed)
    assert [metrics["loss_average"] for _, _, metrics in records] == checked.store["loss_average"].values.tolist()
    assert feed.monitor.splitter.cut_lines == 0


def test_a_log_that_never_writes_a_line_end_is_followed_record_by_record(log):
    """The same one-line log followed as it is written: each record is read once the next one
    starts (the one being written waits), not only when the file is finished."""
    from pathlib import Path

    run = (Path(__file__).resolve().parents[1] / "corpus" / "chebnet-no-newlines-step-loss-average-glued" / "train.log").read_bytes()
    checked = [float(v) for v in re.findall(rb"loss_average = (\d\.\d\de[-+]\d\d)", run)]
    feed = feed_for(log.path)
    records, position = [], 0
    for size in [5000, 300, 7000, 20000]:
        log(run[position : position + size])
        position += size
        records += pump_all(feed)
    assert position < len(run) and records  # read while the line is still being written
    log(run[position:])
    records += pump_all(feed)
    losses = [metrics["loss_average"] for _, _, metrics in records if "loss_average" in metrics]
    assert losses == checked[:-1]  # the last record has no line end nor a next head yet
    feed.end()
    records += pump_all(feed)
    assert [metrics["loss_average"] for _, _, metrics in records if "loss_average" in metrics] == checked
    assert {line for line, _, _ in records} == {1}


def test_a_json_document_without_a_final_newline_is_read_while_followed(log):
    # json.dump writes no newline after the closing brace (speech-nlp-loss-history-json-two-phases):
    # followed, the document is whole once that "}" is read; it must not wait for an end of input
    # a followed file never has, and end() later parses nothing twice.
    corpus = os.path.join(os.path.dirname(__file__), "..", "corpus", "speech-nlp-loss-history-json-two-phases")
    with open(os.path.join(corpus, "loss_history.json"), "rb") as f:
        data = f.read()
    assert data.endswith(b"}")
    feed = feed_for(log.path)
    log(data)
    records = pump_all(feed)
    assert len(records) == 20
    assert len(feed.monitor.store["train_total"]) == 20
    feed.end()
    assert pump_all(feed) == []
    assert len(feed.monitor.store["train_total"]) == 20


def test_a_json_document_on_one_line_without_a_newline_is_read_while_followed(log):
    # json.dump of a Keras history or a run's results writes the whole document on one line and no
    # newline after it (holdout27's seqMS dumps): followed, it is read once whole, not when the file
    # ends; a line that only looks like one until it closes waits
    history = b'{"loss": [0.69, 0.52, 0.44, 0.40], "val_loss": [0.61, 0.50, 0.48, 0.48]}'
    feed = feed_for(log.path)
    log(history[:40])
    assert pump_all(feed) == []
    log(history[40:])
    assert len(pump_all(feed)) == 4 and len(feed.monitor.store["val_loss"]) == 4
    feed.end()
    assert pump_all(feed) == [] and len(feed.monitor.store["loss"]) == 4
    # a JSON-lines record whose newline comes later is read once
    log.reset()
    feed = feed_for(log.path)
    log(b'{"step": 1, "loss": 2.5}')
    assert len(pump_all(feed)) == 1
    log(b'\n{"step": 2, "loss": 2.4}\n')
    assert len(pump_all(feed)) == 1 and feed.monitor.store["loss"].values.tolist() == [2.5, 2.4]
