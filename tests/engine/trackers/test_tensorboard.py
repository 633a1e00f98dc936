"""TensorBoard event files written by a real writer (tensorboardX), read back by lossmon: both
scalar encodings, in full and while the writer appends, and damaged files."""

import math
import random
import sys

import numpy as np
import pytest

from tensorboardX import SummaryWriter  # noqa: E402 (the dev extra installs the tensorboard extra)
from tensorboardX.event_file_writer import EventsWriter  # noqa: E402
from tensorboardX.proto.event_pb2 import Event  # noqa: E402
from tensorboardX.proto.summary_pb2 import Summary, SummaryMetadata  # noqa: E402
from tensorboardX.proto.tensor_pb2 import TensorProto  # noqa: E402

from lossmon.engine import Monitor, check_file  # noqa: E402
from lossmon.engine.follower import Follower  # noqa: E402
from lossmon.engine.trackers import record_decoder  # noqa: E402

from tests.engine.test_follower import Collector  # noqa: E402


def curve(step: int) -> float:
    """A loss that falls, then blows up from step 150 on (an exploding run)."""
    return 4.0 * math.exp(-step / 40) + 0.3 if step < 150 else 0.3 * 3.0 ** (step - 149)


def write_simple(directory, steps=range(170)):
    writer = SummaryWriter(str(directory))
    for step in steps:
        writer.add_scalar("train/loss", curve(step), step)
        if step % 10 == 0:
            writer.add_scalar("eval/loss", curve(step) + 0.1, step)
    writer.close()
    return next(directory.glob("events.out.tfevents.*"))


def tensor_scalar(tag: str, value: float, dtype: str) -> Summary:
    """TF2's encoding: a 0-d tensor under the scalars plugin (float_val or tensor_content)."""
    metadata = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(plugin_name="scalars"))
    if dtype == "float":
        tensor = TensorProto(dtype=1, float_val=[value])
    else:
        tensor = TensorProto(dtype=2, tensor_content=np.array([value], "<f8").tobytes())
    return Summary(value=[Summary.Value(tag=tag, tensor=tensor, metadata=metadata)])


def flip_in_payload(data: bytes, record: int) -> bytes:
    """The file with one byte of record ``record``'s payload flipped (the framing stays valid)."""
    position = 0
    for _ in range(record):
        position += 12 + int.from_bytes(data[position : position + 8], "little") + 4
    damaged = bytearray(data)
    damaged[position + 12 + 2] ^= 0xFF
    return bytes(damaged)


def test_simple_values_read_back_in_full(tmp_path):
    path = write_simple(tmp_path)
    monitor = check_file(str(path))
    assert monitor.format_id == "tensorboard" and not monitor.problems
    train, val = monitor.store["train/loss"], monitor.store["eval/loss"]
    assert list(train.steps) == list(range(170))
    assert np.allclose(train.values, [curve(s) for s in range(170)], rtol=1e-6)  # float32 on disk
    assert len(val) == 17
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/loss", "eval/loss")


@pytest.mark.parametrize("dtype", ["float", "double"])
def test_tensor_scalars_read_back(tmp_path, dtype):
    writer = SummaryWriter(str(tmp_path))
    for step in range(30):
        writer._get_file_writer().add_summary(tensor_scalar("epoch_loss", 1.0 / (step + 1), dtype), step)
    writer.close()
    monitor = check_file(str(next(tmp_path.glob("events.out.tfevents.*"))))
    series = monitor.store["epoch_loss"]
    assert list(series.steps) == list(range(30))
    assert np.allclose(series.values, [1.0 / (s + 1) for s in range(30)], rtol=1e-6)


def test_findings_match_the_same_curve_as_a_text_log(tmp_path):
    events = write_simple(tmp_path)
    text = tmp_path / "train.log"
    text.write_text("".join(f"step={s} train/loss={float(np.float32(curve(s)))!r}\n" for s in range(170)))
    from_events = [(f.pathology, f.severity, f.step) for f in check_file(str(events)).findings if f.series == "train/loss"]
    from_text = [(f.pathology, f.severity, f.step) for f in check_file(str(text)).findings if f.series == "train/loss"]
    assert from_events and from_events == from_text
    assert any(p == "exploding_loss" and s == "alert" for p, s, _ in from_events)


def test_records_do_not_depend_on_how_the_bytes_arrive(tmp_path):
    data = write_simple(tmp_path).read_bytes()
    whole = Monitor("events.out.tfevents.1")
    whole.feed(data)
    whole.finish()
    rng = random.Random(3)
    for _ in range(5):
        monitor, position = Monitor("events.out.tfevents.1"), 0
        while position < len(data):
            size = rng.randint(1, 300)  # most records are cut somewhere
            monitor.feed(data[position : position + size])
            position += size
        monitor.finish()
        assert not monitor.problems
        for series in whole.store:
            assert np.array_equal(monitor.store[series.name].values, series.values)


def test_a_record_cut_short_waits_until_the_file_is_finished(tmp_path):
    data = write_simple(tmp_path, range(20)).read_bytes()
    monitor = Monitor("events.out.tfevents.1")
    monitor.feed(data[:-7])  # the writer's last record is not all there yet
    assert len(monitor.store["train/loss"]) == 19 and not monitor.problems
    monitor.feed(data[-7:])
    monitor.finish()
    assert len(monitor.store["train/loss"]) == 20 and not monitor.problems


def test_followed_while_the_writer_appends(tmp_path):
    # tensorboardX's synchronous writer (SummaryWriter's queue thread decides when bytes land)
    writer = EventsWriter(str(tmp_path / "events"))

    def add(step):
        writer.write_event(Event(wall_time=1e9 + step, step=step, summary=Summary(value=[
            Summary.Value(tag="loss", simple_value=curve(step))
        ])))

    for step in range(10):
        add(step)
    writer.flush()
    path = str(next(tmp_path.glob("events.out.tfevents.*")))
    with Follower([path]) as session:
        seen = Collector(session).until(lambda c: len(c.records()) == 10)
        for step in range(10, 25):
            add(step)
        writer.flush()
        seen.until(lambda c: len(c.records()) == 25)
        assert seen.steps() == list(range(25))
    writer.close()


def _check(capsys, *paths):
    from lossmon.cli import main

    code = main(["check", "--json", *map(str, paths)])
    captured = capsys.readouterr()
    return code, captured


def test_truncated_and_corrupt_files_are_one_line_each_and_the_rest_is_reported(tmp_path, capsys):
    good = write_simple(tmp_path / "good")
    data = good.read_bytes()
    (tmp_path / "cut").mkdir()
    cut = tmp_path / "cut" / good.name
    cut.write_bytes(data[:-5])
    (tmp_path / "flipped").mkdir()
    flipped = tmp_path / "flipped" / good.name
    flipped.write_bytes(flip_in_payload(data, 40))
    code, captured = _check(capsys, good, cut, flipped)
    assert code == 2
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert "ends in the middle of a record" in errors[0] and "truncated" in errors[0]
    assert "fails its checksum: skipped" in errors[1]
    import json

    files = json.loads(captured.out)["files"]
    assert [len(files), files[1]["records"]] == [3, 186]  # the cut file keeps all but its last record


def test_a_text_file_named_like_an_event_file(tmp_path, capsys):
    fake = tmp_path / "events.out.tfevents.123.host"
    fake.write_text("step 1 loss 0.5\n" * 10)
    code, captured = _check(capsys, fake)
    assert code == 2 and "not a TensorBoard event file" in captured.err and captured.err.count("\n") == 1


def test_a_missing_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "tensorboardX.proto", None)  # import fails as if not installed
    decoder = record_decoder("runs/x/events.out.tfevents.1")
    assert decoder.problems == [
        "runs/x/events.out.tfevents.1: reading TensorBoard event files needs the tensorboard extra: "
        "pip install 'lossmon[tensorboard]'"
    ]


def test_check_a_directory_mixing_text_logs_and_event_files(tmp_path, capsys, real_logs):
    write_simple(tmp_path / "runs" / "tb")
    (tmp_path / "runs" / "nano").mkdir()
    (tmp_path / "runs" / "nano" / "train.log").write_bytes((real_logs / "llmc-main.log").read_bytes())
    (tmp_path / "runs" / "hf").mkdir()
    (tmp_path / "runs" / "hf" / "trainer_state.json").write_bytes((real_logs / "whisper-trainer_state.json").read_bytes())
    (tmp_path / "runs" / "hf" / "checkpoint-500").mkdir()  # a checkpoint's copy is not a run
    (tmp_path / "runs" / "hf" / "checkpoint-500" / "trainer_state.json").write_text("{}")
    import json

    code, captured = _check(capsys, tmp_path / "runs")
    formats = {f["path"].split("/runs/")[1]: f["format"] for f in json.loads(captured.out)["files"]}
    assert formats.pop("hf/trainer_state.json") == "hf_trainer_state"
    assert formats.pop("nano/train.log") == "llmc_main_log"
    assert list(formats.values()) == ["tensorboard"]


def test_watch_reports_a_damaged_record_and_goes_on(tmp_path):
    data = write_simple(tmp_path / "w", range(30)).read_bytes()
    path = tmp_path / "events.out.tfevents.9.host"
    path.write_bytes(flip_in_payload(data, 10))
    with Follower([str(path)]) as session:
        seen = Collector(session).until(lambda c: any(kind == "error" for _, kind in c.events()))
        seen.until(lambda c: len(c.records()) == 32)  # 30 train and 3 eval events, one damaged
        assert [kind for _, kind in seen.events()].count("error") == 1


def test_a_broken_length_ends_the_file_and_keeps_what_came_before(tmp_path):
    data = bytearray(write_simple(tmp_path, range(30)).read_bytes())
    position = 0
    for _ in range(20):  # the header of the 21st record
        position += 12 + int.from_bytes(data[position : position + 8], "little") + 4
    data[position + 9] ^= 0xFF  # its length checksum
    monitor = Monitor("events.out.tfevents.1")
    monitor.feed(bytes(data))
    monitor.finish()
    assert len(monitor.problems) == 1 and "corrupt record header" in monitor.problems[0]
    assert monitor.records == 19  # the 20 events before it, less the file-version event


def keras_run(logs, epochs=range(30)):
    """Keras' TensorBoard callback: logs/train and logs/validation, epoch_loss in each."""
    for split, offset in (("train", 0.0), ("validation", 1.0)):
        writer = SummaryWriter(str(logs / split))
        for epoch in epochs:
            # train falls; validation falls, then rises from epoch 12 (overfitting)
            loss = 2.0 * math.exp(-epoch / 6) + 0.05 + (offset * 0.2 + offset * max(0, epoch - 12) * 0.05)
            writer.add_scalar("epoch_loss", loss, epoch)
        writer.close()


def test_a_directory_of_event_files_is_one_run_with_its_split_subfolders(tmp_path):
    keras_run(tmp_path / "logs")
    monitor = check_file(str(tmp_path / "logs"))
    assert monitor.format_id == "tensorboard" and not monitor.problems
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train/epoch_loss", "validation/epoch_loss")
    assert len(monitor.store["validation/epoch_loss"]) == 30
    assert any(f.pathology == "overfitting" for f in monitor.findings)


def test_a_restarted_writer_is_merged_in_step_order(tmp_path):
    write_simple(tmp_path / "run", range(100))
    later = SummaryWriter(str(tmp_path / "run"), filename_suffix=".resumed")
    for step in range(100, 150):
        later.add_scalar("train/loss", curve(step), step)
    later.close()
    monitor = check_file(str(tmp_path / "run"))
    assert list(monitor.store["train/loss"].steps) == list(range(150))


def test_a_run_directory_followed_while_a_split_appears(tmp_path):
    keras_run(tmp_path / "logs", range(10))
    with Follower([str(tmp_path)]) as session:
        seen = Collector(session).until(lambda c: len(c.records()) == 20)
        (tmp_path / "logs" / "eval").mkdir()
        writer = EventsWriter(str(tmp_path / "logs" / "eval" / "events"))
        writer.write_event(Event(wall_time=1e9, step=10, summary=Summary(value=[Summary.Value(tag="loss", simple_value=0.5)])))
        writer.flush()
        seen.until(lambda c: any("eval/loss" in metrics for _, _, metrics in c.records()))
        assert {u.path for u in seen.updates} == {str(tmp_path / "logs")}
        writer.close()


def test_a_missing_extra_is_one_line_for_a_run_directory_too(tmp_path, capsys, monkeypatch):
    keras_run(tmp_path / "logs", range(3))
    monkeypatch.setitem(sys.modules, "tensorboardX.proto", None)
    code, captured = _check(capsys, tmp_path / "logs")
    assert code == 2
    assert captured.err == (
        f"lossmon: {tmp_path / 'logs'}: reading TensorBoard event files needs the tensorboard extra: "
        "pip install 'lossmon[tensorboard]'\n"
    )
