"""Values separated by an ellipsis (issue 12): DCCRN's train.txt prints ``Epoch: 1/1000... Loss:
-13.000004... Test Loss: -9.828203... time: 20.0min`` (tests/corpus/dccrn-output-train-txt-negative-loss).
Three periods (or more) and a blank end a value as two do (the Udacity course's ``0.512..``); read
as a number glued to more text, every value of the line was lost, and the log read as nothing."""

from parse_helpers import read

# (real lines of that log, with the learning-rate line the scheduler prints between two epochs)
DCCRN = """nohup: ignoring input
Total parameters:3671917
Epoch: 36/1000... Loss: -16.608002... Test Loss: -11.981525... time: 18.9min
Epoch: 37/1000... Loss: -16.594507... Test Loss: -12.045379... time: 18.9min
Epoch 00038: reducing learning rate of group 0 to 5.0000e-04.
Epoch: 38/1000... Loss: -16.682480... Test Loss: -11.891837... time: 18.9min
Epoch: 39/1000... Loss: -16.808763... Test Loss: -12.118334... time: 19.0min
Epoch: 40/1000... Loss: -16.835724... Test Loss: -12.144169... time: 19.0min
"""


def test_values_between_ellipses_are_read_negative_values_included():
    store = read(DCCRN).store
    assert (store.primary_train, store.primary_val) == ("Loss", "Test Loss")
    assert store["Loss"].values.tolist() == [-16.608002, -16.594507, -16.68248, -16.808763, -16.835724]
    assert store["Test Loss"].values.tolist() == [-11.981525, -12.045379, -11.891837, -12.118334, -12.144169]
    assert store["Loss"].steps.tolist() == [36, 37, 38, 39, 40]


def test_an_ellipsis_at_the_end_of_the_line_ends_the_value_too():
    text = "".join(f"Epoch: {e}/30... Training Loss: 0.{9 - e}12... Test Loss: 0.{9 - e}32...\n" for e in range(1, 5))
    store = read(text).store
    assert store["Training Loss"].values.tolist() == [0.812, 0.712, 0.612, 0.512]
    assert store["Test Loss"].values.tolist() == [0.832, 0.732, 0.632, 0.532]


def test_periods_glued_to_more_text_still_end_no_value():
    # a version or a path, not a value: "1.2...x" and "0.5....txt" give nothing
    store = read("".join(f"model: 1.{e}...x loader: 0.{e}....txt\n" for e in range(1, 5))).store
    assert "model" not in store and "loader" not in store
