"""Runs appended under one CSV header that log fewer columns than it names. Clinical-Sequence-
Modeling-with-Transformers' logs/train_log.csv (tests/corpus/clinical-seq-transformer-train-log-
csv-appended) has the header "step,loss,lr,grad_norm,logits_max,has_nan,has_inf,time_sec" and 10
appended runs; the last four write 4 cells a row (step, loss, grad_norm, logits_max), and every
one of those 120 rows was skipped (loss read 151 times of 271). A row shorter than its header is
judged by its own cells; a short row's break between pieces costs less; and a row's first cell,
under a step column, is its step even where a new run starts it again."""

from parse_helpers import CORPUS, read

from lossmon.engine.formats.column_drift import align

LOG = (CORPUS / "clinical-seq-transformer-train-log-csv-appended" / "train_log.csv").read_text()
LINES = LOG.splitlines()  # (the real lines; CRLF in the file)


def test_rows_of_a_run_that_logs_four_of_eight_columns_are_read_under_their_names():
    # the last row of a run of 8 cells, then the first rows of the next run, of 4
    monitor = read("\n".join([LINES[0], LINES[151], LINES[152], LINES[153], LINES[154]]) + "\n")
    store = monitor.store
    assert LINES[152] == "0,10.987444877624512,1.947708724585698,2.7910189628601074"
    assert store["loss"].values.tolist() == [10.22677230834961, 10.987444877624512, 10.975387573242188, 10.953899383544922]
    assert store["loss"].steps.tolist() == [300, 0, 10, 20]
    assert store["grad_norm"].values.tolist()[1:] == [1.947708724585698, 1.984564883888238, 1.7758241363210765]
    assert store["logits_max"].values.tolist()[1:] == [2.7910189628601074, 3.1199588775634766, 3.1613550186157227]
    assert len(store["lr"]) == len(store["has_nan"]) == 1  # not in the short rows: not read from them


def test_the_whole_file_reads_every_row_of_the_ten_runs():
    monitor = read(LOG)
    assert len(monitor.store["loss"]) == 271
    assert len(monitor.store["lr"]) == 151


def test_align_places_a_short_row_in_two_pieces():
    last = [0.0, 10.2, 0.0003, 2.57, 5.66, 0.0, 0.0, 288.4]  # step restarted: its last is the row's own
    assert align([0.0, 10.98, 1.94, 2.79], last) == [0, 1, 3, 4]
