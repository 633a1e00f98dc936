"""timestamps: the time at the start of real log lines, and a clock that wraps at midnight."""

from datetime import datetime

import pytest

from lossmon.engine.timestamps import DAY, YEAR, LineClock, stamp


def _day_seconds(text: str, form: str) -> float:
    moment = datetime.strptime(text, form)
    return moment.hour * 3600 + moment.minute * 60 + moment.second + moment.microsecond / 1e6


@pytest.mark.parametrize(
    "line, time_of_day, period",
    [
        # loguru (torchrl), Python logging (equicat), hydra (fairseq), DeepSpeed, Megatron (leading space)
        ("2025-11-06 17:39:09.918 | INFO     | __main__:_log_metrics:8 - iter=0000 reward=-217.7891", "17:39:09.918", 0),
        ("2024-08-13 11:14:16,295 - INFO - Epoch [1/10], Batch [1], Loss: 0.032279", "11:14:16.295", 0),
        ("[2022-04-08 18:48:05,372][train_inner][INFO] - {\"epoch\": 1, \"update\": 0.416}", "18:48:05.372", 0),
        ("[2025-08-14 11:10:53,893] [INFO] [real_accelerator.py:254:get_accelerator] Setting", "11:10:53.893", 0),
        (" [2025-01-02 03:04:05.678901] iteration      100/  500000 | consumed samples:        51200 |", "03:04:05.678901", 0),
        ("2023/06/14 06:55:19 - mmengine - INFO - Iter(train) [  8/400]  lr: 3.0000e-08", "06:55:19", 0),
        ("2025-12-12 11:03:40.016\tquick-rain-shines-fin-03:0\ttrain:98\tINFO\tTrainConfig(", "11:03:40.016", 0),
        ("[20251202 06:56:28][rank-7/8][INFO ] [training.py:123] iteration 4408/ 5000", "06:56:28", 0),  # Primus
        ("[03.24.23|09:56:11] Parameters:", "09:56:11", 0),  # st-gcn
        ("[rank0]:2024-05-01 12:00:01,500 INFO step 3 loss 2.1", "12:00:01.500", 0),
        ("W0530 14:48:26.433000 2622492 site-packages/torch/_dynamo/convert_frame.py:1233] WON'T", "14:48:26.433", YEAR),
        ("07/03 13:04:17 - mmengine - INFO - Epoch(train) [1][ 10/196]  lr: 1.0000e-01", "13:04:17", YEAR),
        ("[12:34:56] step 100 loss 2.5", "12:34:56", DAY),
    ],
)
def test_stamps_of_real_formats(line, time_of_day, period):
    seconds, wrap = stamp(line)
    form = "%H:%M:%S.%f" if "." in time_of_day else "%H:%M:%S"
    assert seconds % DAY == pytest.approx(_day_seconds(time_of_day, form))
    assert wrap == period


@pytest.mark.parametrize(
    "line",
    [
        "step:2280/20000 train_loss:1.746651e+00 train_time:10103801ms step_avg:4431.49ms",
        "s:0 tel:10.968871",
        "{'loss': 2.3123, 'grad_norm': 3.45, 'learning_rate': 4.95e-05, 'epoch': 0.01}",
        "iter 10: loss 9.8940, time 561.12ms",
        "2023-13-45 12:00:00 not a date",
        "25:61:00 not a time",
    ],
)
def test_lines_without_a_stamp(line):
    assert stamp(line) is None


def test_dates_count_whole_days():
    a, _ = stamp("2024-02-28 23:59:59 x")
    b, _ = stamp("2024-03-01 00:00:01 x")
    assert b - a == DAY + 2  # 2024 is a leap year


def test_a_time_of_day_wraps_at_midnight_and_never_goes_back():
    clock = LineClock()
    times = [clock.time(line) for line in (
        "[23:59:58] step 1", "[23:59:59.500] step 2", "[23:59:59.400] rank 1 a bit late",
        "[00:00:01] step 3", "no stamp here",
    )]
    start = 23 * 3600 + 59 * 60 + 58
    assert times == [start, start + 1.5, start + 1.5, start + 3, None]
