"""A record glued after progress-bar frames reads the same behind a launcher's label or a logging
stamp: ``[rank0]:  0%|...| 10/4854 [...]{'loss': 1.56, ...}`` is rank 0's record (the label is no
bar description to drop with the frames, and rank 1's copy is a duplicate), ``0: `` (srun -l)
before such a line is a rank label, and a stamp before the frames leaves the record to its format."""

import pytest
from parse_helpers import GLUED_TQDM_RECORDS, read

# Real lines: tests/corpus/accelerate-trl-qwen3-lora-alpaca-glued-tqdm (a nohup capture of a TRL
# SFTTrainer run whose text lost its \r: the frames follow each other, the dict glued last).
_REAL = [
    *GLUED_TQDM_RECORDS,
    "  1%|          | 29/4854 [00:47<2:07:01,  1.58s/it]  1%|          | 30/4854 [00:48<2:07:47,  1.59s/it]"
    "                                                   {'loss': 1.233, 'grad_norm': 0.2424, 'learning_rate': "
    "9.940255459415e-05, 'entropy': 1.29, 'num_tokens': 155000.0, 'mean_token_accuracy': 0.69, 'epoch': 0.02}",
]


def _loss(lines: list[str]) -> tuple[list, list]:
    series = read("\n".join(lines) + "\n").store["loss"]
    return series.steps.tolist(), series.values.tolist()


CLEAN = ([1.0, 2.0, 3.0], [1.5618, 1.2588, 1.233])


def test_clean():
    assert _loss(_REAL) == CLEAN


def test_two_ranks_behind_their_labels_count_once():
    assert _loss([f"[rank{r}]:{line}" for line in _REAL for r in (0, 1)]) == CLEAN


@pytest.mark.parametrize("label", ["0: ", "[rank0]:", "[default0]:"])
def test_a_launcher_label_before_the_frames(label):
    assert _loss([label + line for line in _REAL]) == CLEAN


@pytest.mark.parametrize("stamp", ["2024-05-01 12:00:00,123 - INFO - ", "2024-05-01 12:00:00.123 | INFO     | train:main:42 - "])
def test_a_logging_stamp_before_the_frames(stamp):
    assert _loss([stamp + line for line in _REAL]) == CLEAN
