"""A record a log printed twice, by two statements, is one record (lossmon.engine.echoes).
Lines are from real logs of the corpus (tests/corpus: cfm-rich-console-wrapped-dup,
wgan-anime-avatars-chinese-dup-records, trl-sft-qwen3-..., ravdess-..., llamafactory-sft-two-ranks-...)."""

from lossmon.engine.monitor import Monitor


def _series(text: str, name: str, chunk: int | None = None) -> list[tuple[float, float]]:
    monitor = Monitor()
    data = text.encode()
    step = chunk or len(data)
    for start in range(0, len(data), step):
        monitor.feed(data[start : start + step])
    monitor.finish()
    series = monitor.store[name]
    return list(zip(series.steps.tolist(), series.values.tolist()))


RICH_ECHO = """\
2026-01-14 09:24:27,736 INFO train_cfm: train step=20/6000 loss=11.2183 addr=10.6184 gen=0.5874 contrast=0.0125 step_s=0.242 avg_s=0.242
step 20/6000 loss=11.2183 addr=10.6184 gen=0.5874
contrast=0.0125
2026-01-14 09:24:29,541 INFO train_cfm: train step=40/6000 loss=6.7465 addr=6.6748 gen=0.0717 contrast=0.0000 step_s=0.090 avg_s=0.166
step 40/6000 loss=6.7465 addr=6.6748 gen=0.0717 
contrast=0.0000
2026-01-14 09:24:31,326 INFO train_cfm: train step=60/6000 loss=6.6148 addr=6.5729 gen=0.0294 contrast=0.0125 step_s=0.090 avg_s=0.140
step 60/6000 loss=6.6148 addr=6.5729 gen=0.0294 
contrast=0.0125
2026-01-14 09:24:33,126 INFO train_cfm: train step=80/6000 loss=5.5353 addr=5.5147 gen=0.0206 contrast=0.0000 step_s=0.090 avg_s=0.128
step 80/6000 loss=5.5353 addr=5.5147 gen=0.0206 
contrast=0.0000
"""


def test_a_console_echo_of_a_logging_line_is_one_record():
    expected = [(20.0, 11.2183), (40.0, 6.7465), (60.0, 6.6148), (80.0, 5.5353)]
    assert _series(RICH_ECHO, "loss") == expected
    assert _series(RICH_ECHO, "loss", chunk=97) == expected  # however the input is cut


TWO_STATEMENTS = """\
2025-09-21 20:32:14,710 - INFO - 当前搜集到的指标 - Epoch [2/50] Batch [123/199] D_loss: -47.6200, G_loss: -44.3874
2025-09-21 20:33:21,103 - INFO - 当前搜集到的指标 - Epoch [3/50] Batch [0/199] D_loss: -29.5363, G_loss: -24.3967
2025-09-21 20:33:21,103 - INFO - Epoch [3/50] Batch [0/199] D_loss: -29.5363 G_loss: -24.3967
2025-09-21 20:34:21,353 - INFO - 当前搜集到的指标 - Epoch [3/50] Batch [80/199] D_loss: -45.3087, G_loss: -3.9533
2025-09-21 20:34:36,422 - INFO - Epoch [3/50] Batch [100/199] D_loss: -45.7798 G_loss: 3.0088
"""


def test_the_same_record_from_two_statements_is_one_record():
    assert [v for _, v in _series(TWO_STATEMENTS, "G_loss")] == [-44.3874, -24.3967, -3.9533, 3.0088]


ROUNDED_DICT = """\
step=10 | loss=2.601831 | lr=9.473684e-06
{'loss': '2.602', 'grad_norm': '0.2167', 'learning_rate': '9.474e-06', 'epoch': '0.01632'}
step=20 | loss=2.469097 | lr=2.000000e-05
{'loss': '2.469', 'grad_norm': '0.1909', 'learning_rate': '2e-05', 'epoch': '0.03263'}
step=30 | loss=2.204801 | lr=1.998602e-05
{'loss': '2.205', 'grad_norm': '0.1599', 'learning_rate': '1.999e-05', 'epoch': '0.04895'}
"""


def test_a_rounded_copy_of_a_value_is_an_echo_and_the_rest_of_its_record_stays():
    assert _series(ROUNDED_DICT, "loss") == [(10.0, 2.601831), (20.0, 2.469097), (30.0, 2.204801)]
    assert len(_series(ROUNDED_DICT, "grad_norm")) == 3


AVERAGE_METER = """\
Loss: 2.058387279510498
Prec@1: 18.75, Prec@5: 68.75
Epoch: [1][0/480]\t lr: 0.04000\tTime 1.242 (1.242)\tData 0.554 (0.554)\tLoss 2.0584 (2.0584)\tPrec@1 18.75000 (18.75000)\tPrec@5 68.75000 (68.75000)
Loss: 2.3354454040527344
Prec@1: 0.0, Prec@5: 31.25
Loss: 3.251339912414551
Prec@1: 0.0, Prec@5: 75.0
Epoch: [1][10/480]\t lr: 0.04000\tTime 0.512 (0.595)\tData 0.011 (0.076)\tLoss 3.2513 (2.5342)\tPrec@1 0.00000 (17.04546)\tPrec@5 75.00000 (65.90910)
Loss: 1.9706692695617676
Prec@1: 18.75, Prec@5: 75.0
Loss: 3.173487663269043
Prec@1: 18.75, Prec@5: 50.0
"""


def test_an_average_meter_line_repeating_the_last_batch_loss_adds_no_point():
    # (the first bare "Loss:" comes before any step: it is held until its shape repeats, then
    # kept, and the AverageMeter line that echoes it rounded adds nothing)
    assert [v for _, v in _series(AVERAGE_METER, "Loss")] == [
        2.058387279510498, 2.3354454040527344, 3.251339912414551, 1.9706692695617676, 3.173487663269043
    ]


TWO_RANKS = """\
{"current_steps": 100, "total_steps": 6566, "loss": 0.6613, "lr": 9.994391752362486e-06, "epoch": 0.10666666666666667, "percentage": 1.52, "elapsed_time": "0:25:06", "remaining_time": "1 day, 3:03:50"}
{"current_steps": 100, "total_steps": 6566, "loss": 0.6613, "lr": 9.994391752362486e-06, "epoch": 0.10666666666666667, "percentage": 1.52, "elapsed_time": "0:25:11", "remaining_time": "1 day, 3:09:15"}
{"current_steps": 110, "total_steps": 6566, "loss": 0.6759, "lr": 9.993201821637418e-06, "epoch": 0.11733333333333333, "percentage": 1.68, "elapsed_time": "0:27:40", "remaining_time": "1 day, 3:04:32"}
{"current_steps": 110, "total_steps": 6566, "loss": 0.676, "lr": 9.993201821637418e-06, "epoch": 0.11733333333333333, "percentage": 1.68, "elapsed_time": "0:27:45", "remaining_time": "1 day, 3:09:27"}
"""


def test_one_statement_printed_by_two_ranks_keeps_both_records():
    assert [v for _, v in _series(TWO_RANKS, "loss")] == [0.6613, 0.6613, 0.6759, 0.676]


STUCK = """\
2025-09-21 20:33:21,103 - INFO - Epoch [3/50] Batch [0/199] D_loss: -29.5363 G_loss: -24.3967
2025-09-21 20:34:36,422 - INFO - Epoch [3/50] Batch [100/199] D_loss: -0.6931 G_loss: 0.6931
2025-09-21 20:35:36,422 - INFO - Epoch [3/50] Batch [150/199] D_loss: -0.6931 G_loss: 0.6931
2025-09-21 20:36:36,422 - INFO - Epoch [3/50] Batch [199/199] D_loss: -0.6931 G_loss: 0.6931
"""


def test_a_stuck_value_on_lines_of_one_shape_keeps_every_point():
    assert [v for _, v in _series(STUCK, "G_loss")] == [-24.3967, 0.6931, 0.6931, 0.6931]


# A course homework's stdout, as pasted in a public repository's notes: the log block prints each
# best Valid line again with " -> best" (no step is printed: the echo would get a step of its own).
HOMEWORK = """\
One ./food11/training sample ./food11/training/0_0.jpg
[ Train | 001/005 ] loss = 1.95937, acc = 0.31425
[ Valid | 001/005 ] loss = 3.20382, acc = 0.17568
[ Valid | 001/005 ] loss = 3.20382, acc = 0.17568 -> best
Best model found at epoch 0, saving model
[ Train | 002/005 ] loss = 1.58656, acc = 0.45393
[ Valid | 002/005 ] loss = 1.62730, acc = 0.43092
[ Valid | 002/005 ] loss = 1.62730, acc = 0.43092 -> best
Best model found at epoch 1, saving model
"""


def test_a_best_line_printed_again_with_a_mark_is_one_record():
    # "[ Valid | 001/005 ]" tags its line: the valid records are a series of their own, the
    # fraction their epoch
    assert _series(HOMEWORK, "Valid/acc") == [(1, 0.17568), (2, 0.43092)]
    assert _series(HOMEWORK, "acc") == [(1, 0.31425), (2, 0.45393)]


# The Trainer's console: an eval dict at epoch 99.5, then the next train dict at 99.51. The eval's
# epoch reads as a rounded 99.51, but a counter printed by two statements is no echo.
TRAINER = """\
{'loss': 2.7669, 'grad_norm': 1.060258435310712, 'learning_rate': 4.9875835402743286e-05, 'epoch': 99.49}
{'loss': 2.7183, 'grad_norm': 1.166578889872167, 'learning_rate': 4.9875002083298614e-05, 'epoch': 99.5}
{'eval_loss': 2.9306, 'eval_accuracy': 0.5040, 'eval_runtime': 1.5, 'epoch': 99.5}
{'loss': 2.7002, 'grad_norm': 1.1, 'learning_rate': 4.98741687638539e-05, 'epoch': 99.51}
"""


def test_an_epoch_counter_after_an_eval_dict_is_no_rounded_copy():
    assert [v for _, v in _series(TRAINER, "epoch")] == [99.49, 99.5, 99.5, 99.51]


# tests/corpus/stock-prediction-julia-dataframe-in-csv-gan-frozen (lines 3-16): a Julia DataFrame
# of a frozen GAN; rows 9 and 10 print the same values, and row 10 stands a blank nearer its row
# number (right-aligned): padding is no other shape, so row 10 is a record, not an echo of row 9.
FROZEN_TABLE = """\
 Row │ epoch  discriminator_loss  generator_loss  fixed_discriminator_loss
     │ Int64  Float64             Float64         Float64
─────┼─────────────────────────────────────────────────────────────────────
   1 │     1           0.0281722      -0.0159363                 0.015914
   2 │     2           0.0283445      -0.0159006                 0.0159006
   3 │     3           0.0283408      -0.0159017                 0.0159024
   4 │     4           0.0283413      -0.0159029                 0.0159031
   5 │     5           0.0283414      -0.0159032                 0.0159032
   6 │     6           0.0283414      -0.0159032                 0.0159032
   7 │     7           0.0283414      -0.0159032                 0.0159032
   8 │     8           0.0283414      -0.0159031                 0.0159031
   9 │     9           0.0283414      -0.0159031                 0.0159031
  10 │    10           0.0283414      -0.0159031                 0.0159031
  11 │    11           0.0283414      -0.0159031                 0.0159031
"""


def test_a_padded_row_repeating_the_previous_is_no_echo():
    assert [step for step, _ in _series(FROZEN_TABLE, "generator_loss")] == [float(n) for n in range(1, 12)]


# Undefeated-man/RetrofittingLLM gpt2.log (holdout23b): the script prints each log dict the HF
# trainer hands its callback, next to the trainer's own print: every dict twice, byte for byte.
DICT_TWICE = """\
{'loss': 6.8605, 'learning_rate': 0.0003333333333333333, 'epoch': 0.01, 'train_perplexity': 953.8438702156772}
{'loss': 6.8605, 'learning_rate': 0.0003333333333333333, 'epoch': 0.01, 'train_perplexity': 953.8438702156772}
Error: 'loss'
{'eval_loss': 5.662881851196289, 'eval_runtime': 13.4461, 'eval_samples_per_second': 74.371, 'eval_steps_per_second': 1.859, 'epoch': 0.01, 'eval_perplexity': 287.97735575563695}
{'eval_loss': 5.662881851196289, 'eval_runtime': 13.4461, 'eval_samples_per_second': 74.371, 'eval_steps_per_second': 1.859, 'epoch': 0.01, 'eval_perplexity': 287.97735575563695}
{'loss': 5.4412, 'learning_rate': 0.0004666666666666667, 'epoch': 0.02, 'train_perplexity': 230.7420104432151}
{'loss': 5.4412, 'learning_rate': 0.0004666666666666667, 'epoch': 0.02, 'train_perplexity': 230.7420104432151}
"""


def test_a_record_printed_twice_in_a_row_with_its_epoch_is_one_record():
    assert [v for _, v in _series(DICT_TWICE, "loss")] == [6.8605, 5.4412]
    assert [v for _, v in _series(DICT_TWICE, "eval_loss")] == [5.662881851196289]
    assert [v for _, v in _series(DICT_TWICE, "loss", chunk=97)] == [6.8605, 5.4412]
