"""A line that is one name, its value and then a bare integer (holdout11x): ``print(tag, value,
step)``, the argument order of SummaryWriter.add_scalar, printed beside it, here with a torch
scalar printed whole. The integer is the line's step (the line was dropped as one number in a
sentence). Only the value's repr and blanks may stand between."""

from parse_helpers import CORPUS, read

# tests/corpus/artery-calcification-tensor-total-loss/results.txt, its first two epochs
ARTERY = (
    "Training/CE_Loss tensor(0.2296, device='cuda:0', grad_fn=<DivBackward0>) 1\n"
    "Training/Dice_Loss tensor(0.0673, device='cuda:0') 1\n"
    "Training/Total_Loss tensor(0.2969, device='cuda:0', grad_fn=<DivBackward0>) 1\n"
    "Training/CE_Loss tensor(0.2187, device='cuda:0', grad_fn=<DivBackward0>) 2\n"
    "Training/Dice_Loss tensor(0.0633, device='cuda:0') 2\n"
    "Training/Total_Loss tensor(0.2820, device='cuda:0', grad_fn=<DivBackward0>) 2\n"
)


def test_a_tagged_tensor_line_is_stepped_by_its_trailing_integer():
    store = read(ARTERY).store
    assert store["Training/Total_Loss"].steps.tolist() == [1.0, 2.0]
    assert store["Training/Total_Loss"].values.tolist() == [0.2969, 0.2820]
    assert store["Training/Dice_Loss"].values.tolist() == [0.0673, 0.0633]
    assert "cuda" not in {series.name for series in store}


def test_the_artery_log_reads_its_total_loss_per_epoch():
    text = (CORPUS / "artery-calcification-tensor-total-loss" / "results.txt").read_text()
    store = read(text).store
    assert store.primary_train == "Training/Total_Loss"
    assert store["Training/Total_Loss"].steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]


def test_a_plain_value_then_an_integer_is_stepped_too():
    text = "".join(f"loss 0.{9 - n}1 {n * 5}\n" for n in range(1, 6))
    assert read(text).store["loss"].steps.tolist() == [5.0, 10.0, 15.0, 20.0, 25.0]


def test_words_after_the_integer_make_a_sentence():
    text = "".join(f"loss 0.{9 - n}1 {n} samples left\n" for n in range(1, 6))
    assert "loss" not in {series.name for series in read(text).store}


def test_a_classification_report_row_is_no_stepped_line():
    # tests/corpus/gender-bias-classifier-kfold-training-log: sklearn's report, the integer is the support
    text = "".join(f"    accuracy                           0.9{n}      1670\n" for n in range(1, 6))
    text += "".join(f"accuracy 0.9{n}      1670\n" for n in range(1, 6))
    assert "accuracy" not in {series.name for series in read(text).store}
