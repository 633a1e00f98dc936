"""Metrics a script formats as strings before logging them. GeoLoc-CVCS's train.log
(tests/corpus/geoloc-multihead-train-log-many-runs-prefix) ends its later epoch lines with
"geo acc={'acc@1km': '0.51%', ...}": the quoted values were taken for settings ("'optimizer':
'adam'"), the line for a configuration dump, and 94 of its 233 epoch lines were not read. A quoted
number is a value printed with a format, not a setting."""

from parse_helpers import CORPUS, read

# (real lines of that log)
LINES = (
    "[15:50:23] INFO - Starting training baseline_multi_head_ISN for scene urban ...\n"
    "[15:51:14] INFO - Epoch 1/3 | train loss=7.3188 acc=0.95% | val loss=7.1564 acc=2.14% | geo acc={'acc@1km': '0.51%', 'acc@5km': '4.83%', 'acc@25km': '20.87%', 'acc@100km': '26.46%'} | time=50.4s\n"
    "[15:51:33] INFO - Epoch 2/3 | train loss=6.7475 acc=8.15% | val loss=7.0056 acc=4.35% | geo acc={'acc@1km': '1.27%', 'acc@5km': '9.10%', 'acc@25km': '25.25%', 'acc@100km': '32.25%'} | time=19.4s\n"
    "[15:51:53] INFO - Epoch 3/3 | train loss=6.3808 acc=19.40% | val loss=6.8949 acc=5.45% | geo acc={'acc@1km': '2.16%', 'acc@5km': '11.51%', 'acc@25km': '31.17%', 'acc@100km': '37.72%'} | time=19.6s\n"
    "[15:51:53] INFO - Training completed.\n"
)


def test_epoch_lines_with_quoted_percentages_are_records():
    monitor = read(LINES)
    assert monitor.store["train loss"].values.tolist() == [7.3188, 6.7475, 6.3808]
    assert monitor.store["val loss"].values.tolist() == [7.1564, 7.0056, 6.8949]
    assert monitor.store["acc@1km"].values.tolist() == [0.51, 1.27, 2.16]


def test_the_whole_log_reads_every_epoch_line():
    monitor = read((CORPUS / "geoloc-multihead-train-log-many-runs-prefix" / "train.log").read_bytes())
    assert len(monitor.store["train loss"]) == len(monitor.store["val loss"]) == 233

