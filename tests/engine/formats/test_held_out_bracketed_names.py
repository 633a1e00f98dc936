"""A held-out loss printed once after training, its name qualified by a bracket that says how it
was measured ("Test Loss (Normalized): 0.0117", "Test Loss (MSE): 0.0117", a common print after
model.evaluate() or a test loop): the held-out loss of the run, as "Test Loss: 0.0117" is. A
bracket that calls the value the best so far recaps an earlier one: no held-out series.

Real lines: tests/corpus/water2-epoch-loss-chinese-print/training_log.txt (1807676448/Water_2,
a PyTorch script's print capture).
"""

import pytest
from parse_helpers import CORPUS, read

WATER2 = CORPUS / "water2-epoch-loss-chinese-print" / "training_log.txt"

# training_log.txt lines 5-21
LINES = """\
开始训练模型...
Epoch [100/1000], Loss: 0.0043
Epoch [200/1000], Loss: 0.0026
Epoch [300/1000], Loss: 0.0019
Epoch [400/1000], Loss: 0.0014
Epoch [500/1000], Loss: 0.0011
Epoch [600/1000], Loss: 0.0008
Epoch [700/1000], Loss: 0.0006
Epoch [800/1000], Loss: 0.0006
Epoch [900/1000], Loss: 0.0004
Epoch [1000/1000], Loss: 0.0004

---------------- 测试集结果对比 ----------------
Test Loss (Normalized): 0.0117
真实值 (COD, UV254)  vs  预测值 (COD, UV254)
真实: [15.85, 1.7321] | 预测: [16.86, 1.4499]
"""


def test_a_bracket_qualified_test_loss_is_the_held_out_loss():
    store = read(LINES).store
    assert (store.primary_train, store.primary_val) == ("Loss", "Test Loss (Normalized)")
    assert store["Test Loss (Normalized)"].values.tolist() == [0.0117]
    assert store["Test Loss (Normalized)"].split == "test"
    assert len(store["Loss"]) == 10


def test_the_whole_log_has_its_test_loss():
    store = read(WATER2.read_bytes()).store
    assert store.primary_val == "Test Loss (Normalized)"
    assert store["Test Loss (Normalized)"].values.tolist() == [0.0117]


@pytest.mark.parametrize("qualifier", ("best", "min"))
def test_the_best_held_out_loss_so_far_is_no_held_out_series(qualifier):
    text = LINES.replace("Test Loss (Normalized)", f"Val Loss ({qualifier})")
    assert read(text).store.primary_val is None
