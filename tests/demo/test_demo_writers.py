"""Writers emit the framework byte patterns from the field guide."""

import io
import re
import sys
from datetime import datetime

import pytest

from lossmon.demo import writers as w
from tests.conftest import ManualClock


def test_lightning_csv_is_sorted_sparse_crlf_and_rewrites_on_new_column():
    logger = w.LightningCSVLogger(flush_logs_every_n_steps=2)
    assert logger.log_metrics({"train_loss_step": 2.5, "epoch": 0}, 0) == ""
    first = logger.log_metrics({"train_loss_step": 2.25, "epoch": 0}, 1)
    assert first == "epoch,step,train_loss_step\r\n0,0,2.5\r\n0,1,2.25\r\n"
    second = logger.log_metrics({"val_loss": 2.0, "epoch": 0}, 1)
    assert isinstance(second, w.Rewrite)
    assert second == ("epoch,step,train_loss_step,val_loss\r\n0,0,2.5,\r\n0,1,2.25,\r\n0,1,,2.0\r\n")


def test_committed_lightning_csv_bytes(rendered):
    data = rendered["overfitting"]
    header, first_row = data.split(b"\r\n")[:2]
    assert header == b"epoch,step,train_loss_epoch,train_loss_step,val_acc,val_loss"
    assert re.fullmatch(rb"0,0,,\d\.\d+,,", first_row)
    assert data.count(b"\n") == data.count(b"\r\n")


def test_keras2_frames_backspace_the_previous_width_then_carriage_return():
    bar = w.Keras2Progbar(313, now=0.0)
    first = bar.update(1, [("loss", 0.5), ("accuracy", 0.25)], now=1.0)
    assert first == "\r  1/313 [..............................] - ETA: 5:12 - loss: 0.5000 - accuracy: 0.2500"
    assert bar.update(2, [("loss", 0.4), ("accuracy", 0.3)], now=1.01) == ""  # throttled (0.05 s)
    second = bar.update(100, [("loss", 0.2901), ("accuracy", 0.901)], now=1.3)
    assert second.startswith("\b" * len(first[1:]) + "\r100/313 [========>.....................] - ETA: 0s")
    final = bar.update(313, [("loss", 0.0004), ("accuracy", 0.9), ("val_loss", 0.3)], now=2.0, finalize=True)
    assert final.endswith("\r313/313 [==============================] - 2s 3ms/step - loss: 4.0000e-04"
                          " - accuracy: 0.9000 - val_loss: 0.3000\n")


def test_keras3_verbose2_uses_scientific_notation_at_or_below_1e_3_without_abs():
    logs = w.keras3_logs({"recall": 0.0, "loss": 0.1234, "precision": -0.5}, {"recall": 0.002, "loss": 0.2})
    line = w.keras3_verbose2_line(40, 0.2, logs)
    assert line == ("40/40 - 0s - 5ms/step - loss: 0.1234 - precision: -5.0000e-01 - recall: 0.0000e+00"
                    " - val_loss: 0.2000 - val_recall: 0.0020\n")


def test_hf_log_clears_the_bar_with_spaces_and_rounds_epoch():
    console = w.HuggingFaceConsole(30, now=0.0)
    assert console.opening_text == "\r  0%|          | 0/30 [00:00<?, ?it/s]"
    frame = console.step_end(now=0.102)
    assert frame == "\r  3%|▎         | 1/30 [00:00<00:02,  9.80it/s]"
    out = console.log({"loss": 2.3123, "learning_rate": 4.9500000000000004e-05, "epoch": 0.0333, "total_flos": 1.0}, 0.2)
    assert out == ("\r" + " " * (len(frame) - 1) + "\r"
                   + "{'loss': 2.3123, 'learning_rate': 4.9500000000000004e-05, 'epoch': 0.03}\n" + frame)


def test_tqdm_emulation_matches_real_tqdm_byte_for_byte(monkeypatch):
    tqdm_std = pytest.importorskip("tqdm.std")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    clock = ManualClock(100.0)
    monkeypatch.setattr(tqdm_std, "time", clock)
    monkeypatch.setattr(tqdm_std.tqdm, "monitor_interval", 0)
    stream = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="", write_through=True)
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setattr(sys, "stderr", stream)
    durations = [0.03, 0.2, 0.07, 0.11, 12.0, 0.05, 0.09] * 30
    real_bar = tqdm_std.tqdm(total=len(durations), dynamic_ncols=True)
    console = w.HuggingFaceConsole(len(durations), clock.now)
    ours = [console.opening_text]
    for step, duration in enumerate(durations, start=1):
        clock.advance(duration)
        real_bar.update(1)
        ours.append(console.step_end(clock.now))
        if step % 20 == 0:
            logs = {"loss": step / 1000, "epoch": step / 70}
            tqdm_std.tqdm.write(str({**logs, "epoch": round(logs["epoch"], 2)}))
            ours.append(console.log(logs, clock.now))
        if step == 100:  # a nested evaluation bar, created after the first eval batch as HF does
            for batch in range(25):
                clock.advance(0.03)
                if batch == 0:
                    eval_bar = tqdm_std.tqdm(total=25, leave=False, dynamic_ncols=True)
                eval_bar.update(1)
                ours.append(console.prediction_step(clock.now, 25))
            eval_bar.close()
            ours.append(console.evaluation_end(clock.now))
    real_bar.close()
    ours.append(console.train_end(clock.now))
    assert stream.buffer.getvalue().decode("utf-8") == "".join(ours)


def test_nested_eval_bar_moves_down_a_line_and_back_up(rendered):
    log = rendered["healthy"].decode("utf-8")
    assert "\n\r  0%|          | 0/63 [00:00<?, ?it/s]\x1b[A" in log
    # tqdm.write clears both bars (the nested one on the next line) before printing the dict
    assert re.search(r"\r +\r\n\r +\r\x1b\[A\{'eval_loss': ", log)


def test_nanogpt_lines():
    assert w.nanogpt_iter_line(3, 2.34567, 0.0123, -1.0) == "iter 3: loss 2.3457, time 12.30ms, mfu -100.00%\n"
    assert w.nanogpt_eval_line(250, 2.3456, 2.4012) == "step 250: train loss 2.3456, val loss 2.4012\n"


def test_python_logging_line_truncates_milliseconds_after_a_comma():
    when = datetime(2024, 5, 1, 12, 0, 0, 123999)
    assert (w.python_logging_line(when, "__main__", "INFO", "step=100 loss=2.3100")
            == "2024-05-01 12:00:00,123 - __main__ - INFO - step=100 loss=2.3100\n")


def test_json_line_uses_python_json_dumps():
    assert w.json_line({"step": 10, "epoch": 0, "loss": 1.2345, "lr": 0.01}) == \
        '{"step": 10, "epoch": 0, "loss": 1.2345, "lr": 0.01}\n'


def test_megatron_training_line_and_framed_validation_block():
    line = w.megatron_training_line(datetime(2025, 1, 2, 3, 4, 5, 678901), 100, 500000, 51200, 1234.5, 0.0, 512,
                                    {"lm loss": 2.302585}, 1.0, 0.0)
    assert line == (" [2025-01-02 03:04:05.678901] iteration      100/  500000 | consumed samples:        51200 |"
                    " elapsed time per iteration (ms): 1234.5 | learning rate: 0.000000E+00 | global batch size:"
                    "   512 | lm loss: 2.302585E+00 | loss scale: 1.0 | grad norm: 0.000 |"
                    " number of skipped iterations:   0 | number of nan iterations:   0 |\n")
    rule, body, rule2, end = w.megatron_validation_block("iteration 1000", {"lm loss": 5.123456}).split("\n")
    assert body == " validation loss at iteration 1000 | lm loss value: 5.123456E+00 | lm loss PPL: 1.679147E+02 | "
    assert rule == rule2 == "-" * (len(body) + 1) and end == ""
