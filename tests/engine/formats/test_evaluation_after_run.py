"""A held-out loss printed alone after a run, under an "Evaluating ..." heading, is the trained
model's evaluation, not a new point of the run's curve. DL-F-Mini-Project's training_output.txt
(tests/corpus/ik-robot-utf16-training-output-five-runs) prints "Test Loss" on every 20th epoch
line and again alone after four of its five runs: read as records at the run's last epoch, the
series had 27 points for 23 epoch lines. Such a line names only held-out losses the run's stepped
lines print, and prints no step: at the step the run ended on it adds no point."""

from parse_helpers import CORPUS, read

# (real lines of that log, decoded from its UTF-16LE)
LINES = (
    "4. Training DeepFC3DOF for DLS-level accuracy (1e-6 rad precision)\n"
    "  Epoch  20 | Train Loss: 0.040548 | Test Loss: 0.015986 | Test Acc: 0.00%\n"
    "  Epoch  40 | Train Loss: 0.034372 | Test Loss: 0.012766 | Test Acc: 0.00%\n"
    "  Epoch  60 | Train Loss: 0.033192 | Test Loss: 0.017945 | Test Acc: 0.00%\n"
    "  Early stopping at epoch 60\n"
    "  Training statistics saved to logs/rrr_deep.csv\n"
    "Model saved: models/rrr_deep.pth\n"
    "\n"
    "4b. Evaluating DeepFC3DOF at 1e-6 rad precision\n"
    "  Test Loss: 0.017945\n"
    "  Accuracy (1.00e-06 rad): 0.00%\n"
    "\n"
    "1. Training Simple4Layer6DOF on CONSISTENT dataset (0.5 rad precision)\n"
    "  Epoch  20 | Train Loss: 0.179645 | Test Loss: 0.182417 | Test Acc: 43.72%\n"
    "  Epoch  40 | Train Loss: 0.160640 | Test Loss: 0.171702 | Test Acc: 45.40%\n"
)


def test_the_evaluation_after_a_run_adds_no_point():
    monitor = read(LINES)
    assert monitor.store["Test Loss"].values.tolist() == [0.015986, 0.012766, 0.017945, 0.182417, 0.171702]
    assert monitor.store["Test Loss"].steps.tolist() == [20, 40, 60, 20, 40]
    assert len(monitor.store["Train Loss"]) == 5


def test_the_whole_log_reads_the_epoch_lines_only():
    monitor = read((CORPUS / "ik-robot-utf16-training-output-five-runs" / "training_output.txt").read_bytes())
    assert len(monitor.store["Test Loss"]) == len(monitor.store["Train Loss"]) == 23
