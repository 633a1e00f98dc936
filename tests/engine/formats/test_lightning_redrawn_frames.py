"""Lightning draws each training step twice (issue 12): the count moves on with the last step's
postfix, then the postfix is set to the new step's values. In a nohup capture of EAGNet
(tests/corpus/eagnet-lightning-nohup-tqdm-total-loss) every step of ``train_total_loss`` was read
twice (2449 points for 1225 steps), and every other point was the previous step's value again. A
frame at the same count as the one before it redraws that point: one record per count, with the
values the count ends on."""

from parse_helpers import read, steps

# (real frames of that log, one "\r" apart on one line, as the bar drew them)
_FRAMES = [
    "Epoch 0:   0%|          | 0/3999 [00:00<?, ?it/s] ",
    "Epoch 0:   0%|          | 1/3999 [00:06<6:48:39,  6.13s/it]",
    "Epoch 0:   0%|          | 1/3999 [00:06<6:48:42,  6.13s/it, v_num=29, train_intent_loss_step=2.110, train_total_loss=51.00]",
    "Epoch 0:   0%|          | 2/3999 [00:07<4:24:58,  3.98s/it, v_num=29, train_intent_loss_step=2.110, train_total_loss=51.00]",
    "Epoch 0:   0%|          | 2/3999 [00:07<4:25:00,  3.98s/it, v_num=29, train_intent_loss_step=1.940, train_total_loss=43.80]",
    "Epoch 0:   0%|          | 3/3999 [00:10<3:42:37,  3.34s/it, v_num=29, train_intent_loss_step=1.940, train_total_loss=43.80]",
    "Epoch 0:   0%|          | 3/3999 [00:10<3:42:38,  3.34s/it, v_num=29, train_intent_loss_step=1.870, train_total_loss=36.80]",
    "Epoch 0:   0%|          | 4/3999 [00:11<3:14:03,  2.91s/it, v_num=29, train_intent_loss_step=1.870, train_total_loss=36.80]",
    "Epoch 0:   0%|          | 4/3999 [00:11<3:14:04,  2.91s/it, v_num=29, train_intent_loss_step=1.830, train_total_loss=26.00]",
    "Epoch 0:  31%|███       | 1220/3999 [1:04:47<2:27:34,  3.19s/it, v_num=29, train_intent_loss_step=1.320, train_total_loss=2.590]",
    "Epoch 0:  31%|███       | 1221/3999 [1:05:18<2:28:35,  3.21s/it, v_num=29, train_intent_loss_step=1.320, train_total_loss=2.590]",
    "Epoch 0:  31%|███       | 1221/3999 [1:05:18<2:28:35,  3.21s/it, v_num=29, train_intent_loss_step=1.330, train_total_loss=3.120]",
    "Epoch 0:  31%|███       | 1222/3999 [1:05:55<2:29:48,  3.24s/it, v_num=29, train_intent_loss_step=1.330, train_total_loss=3.120]",
    "Epoch 0:  31%|███       | 1222/3999 [1:05:55<2:29:48,  3.24s/it, v_num=29, train_intent_loss_step=1.000, train_total_loss=-.229]",
    "Epoch 0:  31%|███       | 1223/3999 [1:06:28<2:30:53,  3.26s/it, v_num=29, train_intent_loss_step=1.000, train_total_loss=-.229]",
    "Epoch 0:  31%|███       | 1223/3999 [1:06:28<2:30:53,  3.26s/it, v_num=29, train_intent_loss_step=1.230, train_total_loss=1.700]",
]
HEADER = "GPU available: True (cuda), used: True\nLOCAL_RANK: 0 - CUDA_VISIBLE_DEVICES: [0,1,2,3,4]\n"


def test_each_count_is_one_record_with_the_values_it_ends_on():
    monitor = read(HEADER + "\r" + "\r".join(_FRAMES[:9]) + "\nTraceback (most recent call last):\n")
    store = monitor.store
    assert monitor.format_id == "lightning_bar"
    assert store["train_total_loss"].values.tolist() == [51.0, 43.8, 36.8, 26.0]
    assert steps(monitor, "train_total_loss") == [1, 2, 3, 4]
    assert store["train_intent_loss_step"].values.tolist() == [2.11, 1.94, 1.87, 1.83]


def test_later_in_the_epoch_and_with_negative_values():
    monitor = read(HEADER + "\r" + "\r".join(_FRAMES[9:]) + "\n")
    assert monitor.store["train_total_loss"].values.tolist() == [2.59, 3.12, -0.229, 1.7]
    assert steps(monitor, "train_total_loss") == [1220, 1221, 1222, 1223]


def test_frames_read_one_a_line_are_read_the_same():
    # the same frames with each \r turned into a line end (a text-mode copy of the capture)
    monitor = read(HEADER + "\n".join(_FRAMES) + "\n")
    assert monitor.store["train_total_loss"].values.tolist() == [51.0, 43.8, 36.8, 26.0, 2.59, 3.12, -0.229, 1.7]


def test_the_last_frame_is_a_record_at_the_end_of_the_input():
    # no line after the bar: the frame still held is read when the input ends
    monitor = read(HEADER + "\r" + "\r".join(_FRAMES[:5]))
    assert monitor.store["train_total_loss"].values.tolist() == [51.0, 43.8]


def test_counts_drawn_once_each_stay_one_record_each():
    # a bar that draws each count once (its postfix set before the count moves on): no frame is
    # dropped, even when a value does not change from one count to the next
    frames = [
        f"Epoch 2:  {k}0%|█         | {k}/5 [00:01<00:04,  1.02it/s, v_num=3, train_loss={value}]"
        for k, value in ((1, "0.520"), (2, "0.520"), (3, "0.480"), (4, "0.470"))
    ]
    monitor = read(HEADER + "\r" + "\r".join(frames) + "\n")
    assert monitor.store["train_loss"].values.tolist() == [0.52, 0.52, 0.48, 0.47]
    assert steps(monitor, "train_loss") == [11, 12, 13, 14]


def test_the_end_of_epoch_redraw_adds_the_validation_values_to_the_last_point():
    # Lightning redraws the last count after validation with the epoch's val_loss: the same training
    # point, now with its validation value, not a second training point
    frames = [
        "Epoch 0: 100%|██████████| 5/5 [00:01<00:00,  4.10it/s, v_num=1, train_loss=0.612]",
        "Epoch 0: 100%|██████████| 5/5 [00:02<00:00,  2.01it/s, v_num=1, train_loss=0.612, val_loss=0.655]",
        "Epoch 1: 100%|██████████| 5/5 [00:01<00:00,  4.12it/s, v_num=1, train_loss=0.401, val_loss=0.655]",
        "Epoch 1: 100%|██████████| 5/5 [00:02<00:00,  2.03it/s, v_num=1, train_loss=0.401, val_loss=0.598]",
    ]
    monitor = read(HEADER + "\r" + "\r".join(frames) + "\n")
    assert monitor.store["train_loss"].values.tolist() == [0.612, 0.401]
    assert monitor.store["val_loss"].values.tolist() == [0.655, 0.598]
    assert steps(monitor, "val_loss") == [5, 10]
