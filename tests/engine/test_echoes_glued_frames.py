"""A record that repeats the previous one's values (a plateau printed to 3 digits) is a record,
not an echo, when a progress-bar frame happens to be glued before one line and another frame
before the next: the frames' glyphs and rates are not the lines' shape."""

from lossmon.engine import Monitor

# Real lines: tests/corpus/ranzcr-reid-baseline-logger-iteration-loss (a reid-strong-baseline
# logger). Iterations 1250/1300 and 1400/1450 print the same loss, accuracy and lr.
_LINES = [
    "2021-02-09 10:45:27,140 baseline.train INFO: Epoch[1] Iteration[1200/3385] Loss: 0.251, Acc: 0.897, Base Lr: 3.82e-05",
    "2021-02-09 10:47:39,337 baseline.train INFO: Epoch[1] Iteration[1250/3385] Loss: 0.250, Acc: 0.897, Base Lr: 3.82e-05",
    "2021-02-09 10:49:49,670 baseline.train INFO: Epoch[1] Iteration[1300/3385] Loss: 0.250, Acc: 0.897, Base Lr: 3.82e-05",
    "2021-02-09 10:52:04,411 baseline.train INFO: Epoch[1] Iteration[1350/3385] Loss: 0.249, Acc: 0.897, Base Lr: 3.82e-05",
    "2021-02-09 10:54:16,161 baseline.train INFO: Epoch[1] Iteration[1400/3385] Loss: 0.248, Acc: 0.898, Base Lr: 3.82e-05",
    "2021-02-09 10:56:29,506 baseline.train INFO: Epoch[1] Iteration[1450/3385] Loss: 0.248, Acc: 0.898, Base Lr: 3.82e-05",
]
# tqdm 4.x frames (tqdm.format_meter's layout) as a block-buffered stdout leaves them before a line.
_FRAMES = [
    "\r 26%|██▌       | 26/100 [00:12<00:34,  2.17it/s]",
    "\r 27%|██▋       | 27/100 [00:12<00:32,  2.25it/s]",
    "\r 28%|██▊       | 28/100 [00:12<00:30,  2.33it/s]",
    "\r  9%|▉         | 9/100 [00:10<01:41,  1.11s/it]",
    "\r 30%|███       | 30/100 [00:13<00:30,  2.31it/s]",
    "\r 31%|███       | 31/100 [00:13<00:29,  2.38it/s]",
]


def _loss(lines: list[str]) -> tuple[list, list]:
    monitor = Monitor("test.log")
    monitor.feed(("\n".join(lines) + "\n").encode())
    monitor.finish()
    return monitor.store["Loss"].steps.tolist(), monitor.store["Loss"].values.tolist()


def test_repeated_records_behind_frames_are_kept():
    glued = [frame + line for frame, line in zip(_FRAMES, _LINES)]
    assert _loss(glued) == _loss(_LINES)
    assert _loss(glued)[1] == [0.251, 0.25, 0.25, 0.249, 0.248, 0.248]


def test_a_record_printed_again_by_another_statement_is_still_an_echo():
    # the echo the filter is for: the same values on the next line, in another shape
    lines = [_LINES[0], "Loss 0.251 (0.251)", _LINES[3]]
    assert _loss(lines)[1] == [0.251, 0.249]
