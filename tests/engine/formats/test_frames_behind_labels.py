"""A record glued after progress-bar frames reads the same behind a launcher's label or a logging
stamp: ``[rank0]:  0%|...| 10/4854 [...]{'loss': 1.56, ...}`` is rank 0's record (the label is no
bar description to drop with the frames, and rank 1's copy is a duplicate), ``0: `` (srun -l)
before such a line is a rank label, and a stamp before the frames leaves the record to its format."""

import pytest
from parse_helpers import read

# Real lines: tests/corpus/accelerate-trl-qwen3-lora-alpaca-glued-tqdm (a nohup capture of a TRL
# SFTTrainer run whose text lost its \r: the frames follow each other, the dict glued last).
_REAL = [
    "  0%|          | 8/4854 [00:12<2:15:47,  1.68s/it]  0%|          | 9/4854 [00:14<2:13:35,  1.65s/it]  0%|"
    "          | 10/4854 [00:16<2:14:42,  1.67s/it]                                                   "
    "{'loss': 1.5618, 'grad_norm': 1.2043813467025757, 'learning_rate': 9.981458590852905e-05, 'entropy': "
    "1.5958266109228134, 'num_tokens': 52034.0, 'mean_token_accuracy': 0.6513763800263405, 'epoch': 0.01}",
    "  0%|          | 19/4854 [00:30<2:08:56,  1.60s/it]  0%|          | 20/4854 [00:32<2:12:31,  1.64s/it]"
    "                                                   {'loss': 1.2588, 'grad_norm': 0.26526445150375366, "
    "'learning_rate': 9.960857025133911e-05, 'entropy': 1.3516502678394318, 'num_tokens': 103411.0, "
    "'mean_token_accuracy': 0.6785490036010742, 'epoch': 0.01}",
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
