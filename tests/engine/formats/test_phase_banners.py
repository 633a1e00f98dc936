"""Phase banners give identical lines their pass (issue 12, holdout6c): the training and the
validation pass print the very same line, "Epoch 0 | avg_loss = 0.540", and only the banner above
it ("=====training epoch 1=====" / "=====validate epoch 1=====") tells which pass it is."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.pairs import message_pairs

# Chengyanhong929/SVM_SMO_0413 @2498a32 checkpoints/log.txt (tests/corpus/svm-smo-checkpoints-log)
_LOG = (CORPUS / "svm-smo-checkpoints-log" / "log.txt").read_text()
_FIRST_EPOCHS = _LOG[: _LOG.index("======================training epoch 3")]


def test_a_banner_closed_by_its_rule_is_a_header():
    assert [(p.name, p.value) for p in message_pairs("======================validate epoch 1======================")] == [("epoch", 1.0)]


def test_the_banner_names_the_pass_of_the_identical_lines_under_it():
    store = read(_FIRST_EPOCHS).store
    assert (store.primary_train, store.primary_val) == ("avg_loss", "validate/avg_loss")
    assert store["avg_loss"].values.tolist() == [0.54, 0.33] and store["validate/avg_loss"].values.tolist() == [0.355, 0.317]
    assert store["validate/avg_loss"].split == "val"


def test_every_record_of_the_whole_log_lands_in_its_pass_however_it_is_chunked():
    expected_train = [float(line.split("= ")[1]) for block in _LOG.split("training epoch")[1:]
                      for line in block.split("validate epoch")[0].splitlines() if "avg_loss" in line]
    for chunk in (1 << 20, 4096, 333):
        store = read(_LOG, chunk=chunk).store
        assert len(store["avg_loss"]) == len(store["validate/avg_loss"]) == 152
        assert store["avg_loss"].values.tolist() == expected_train
