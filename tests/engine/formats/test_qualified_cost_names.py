"""A cost named with its adjective (issue 12, class C): "Avg. cost", "mean cost", "total cost" keep
the adjective in the series' name, as "mean loss", "avg. loss", "total loss" and "Average loss" do
(the corpus labels name those series as printed), and each is the run's loss."""

from parse_helpers import CORPUS, read

from lossmon.engine import check_file
from lossmon.engine.naming import kind_of


def test_the_tensorflow_tutorials_avg_cost_is_the_loss():
    # golbin's TensorFlow-Tutorials print, 'Epoch:', '%04d' % (epoch + 1), 'Avg. cost =', ...,
    # copied into many Korean pages (here one rendered markdown page's indented output)
    page = (
        "    Epoch: 0001 Avg. cost = 0.340\n    Epoch: 0002 Avg. cost = 0.105\n"
        "    Epoch: 0003 Avg. cost = 0.074\n    Epoch: 0004 Avg. cost = 0.059\n"
        "    Epoch: 0005 Avg. cost = 0.048\n    Epoch: 0006 Avg. cost = 0.041\n"
    )
    store = read(page).store
    assert store.primary_train == "Avg. cost"
    assert store["Avg. cost"].values.tolist() == [0.34, 0.105, 0.074, 0.059, 0.048, 0.041]


def test_the_corpus_cell_reads_its_ten_epochs():
    monitor = check_file(str(CORPUS / "tf1-autoencoder-avg-cost-abbreviated-cell" / "cell-16-output.log"))
    assert monitor.store.primary_train == "Avg. cost"
    assert len(monitor.store["Avg. cost"]) == 10


def test_mean_cost_keeps_its_adjective_beside_the_batch_cost():
    # the print of a TF1 seq2seq script: '=> cosine cost {:3.5f}, mean cost: {:3.5f}' (the
    # running mean of the batch costs); the numbers are this test's
    text = "".join(f"=> cosine cost 0.{9 - n}1234, mean cost: 0.{9 - n}5678\n" for n in range(6))
    store = read(text).store
    assert "mean cost" in store and "cost" not in store
    assert store["mean cost"].values.tolist()[0] == 0.95678


def test_qualified_costs_are_losses():
    for name in ("Avg. cost", "avg. cost", "mean cost", "total cost", "average cost", "Mean Cost"):
        assert kind_of(name) == "loss", name
    for name in ("batch_cost", "reader_cost", "episode cost"):
        assert kind_of(name) != "loss", name
