"""A log that holds a single record: a run that crashed after its first eval, a GAN log cut after
its first print. One line that prints its step and two losses is a record; a configuration line
(no step, or loss weights) is not. Lines from tests/corpus (nanogpt-bpc-step0-then-cuda-oom,
pix2pix-xray-windows-options-header)."""

from parse_helpers import CORPUS, read

NANOGPT_CRASH = """\

step 0: train loss 12.6510 BPC, val loss 12.6486 BPC
Traceback (most recent call last):
  File "/root/Jack/nano-gpt/train.py", line 299, in <module>
    logits, loss = model(X, Y)
torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 3.07 GiB. GPU 0 has a total capacity of 23.65 GiB
"""

PIX2PIX_FIRST_PRINT = """\
----------------- Options ---------------
               batch_size: 1                             
                    beta1: 0.5                           
                crop_size: 1024                          \t[default: 256]
                lambda_L1: 100.0                         
                       lr: 0.0002                        
----------------- End -------------------
learning rate 0.0002000 -> 0.0002000
(epoch: 1, iters: 20, time: 14.365, data: 0.063) G_GAN: 2.283 G_L1: 33.917 D_real: 0.315 D_fake: 0.227 
"""

CONFIG_ONLY = """\
model: loss_weight: 1.0, aux_loss_weight: 0.4
epoch: 12, cls_loss_weight: 1.0, box_loss_weight: 5.0
"""


def test_a_crash_after_the_first_eval_keeps_its_one_record():
    monitor = read(NANOGPT_CRASH)
    assert (monitor.store.primary_train, monitor.store.primary_val) == ("train loss", "val loss")
    assert monitor.store["train loss"].values.tolist() == [12.651]
    assert monitor.store["val loss"].steps.tolist() == [0.0]


def test_a_gan_log_cut_after_its_first_print():
    monitor = read(PIX2PIX_FIRST_PRINT)
    assert monitor.store.primary_train in ("G_GAN", "G_L1", "D_real", "D_fake")
    assert monitor.store["G_GAN"].values.tolist() == [2.283]
    assert monitor.store["D_fake"].steps.tolist() == [1.0]
    assert "lambda_L1" not in monitor.store


def test_loss_weights_in_a_configuration_are_no_record():
    monitor = read(CONFIG_ONLY)
    assert monitor.store.primary_train is None


# tests/corpus/progress-bar-frames-classifier-train-txt, the lines after its first epoch's bars
# (a run stopped after one epoch; the bars are left out here).
FIRST_EPOCH = """\
[*]! model load time is10.086245775222778
[*] train start !!!!!!!!!!!
[*] epoch:0 - train loss: 2.929
[*] epoch:0 - test acc: 0.086 - best acc: 0_0.08594164456233422
[*]! badcase recall is : 0.2288888888888889
"""

SETTINGS_ABOUT_THE_TRAINING_LOSS = """\
epoch: 0, train_loss_weight: 1.0
train_loss_every: 250
"""


def test_a_run_stopped_after_its_first_epoch_keeps_its_training_loss():
    monitor = read(FIRST_EPOCH)
    assert monitor.store.primary_train == "train loss"
    assert monitor.store["train loss"].values.tolist() == [2.929]
    assert monitor.store["train loss"].steps.tolist() == [0.0]


def test_a_setting_about_the_training_loss_is_no_record():
    assert read(SETTINGS_ABOUT_THE_TRAINING_LOSS).store.primary_train is None


def test_the_whole_first_epoch_with_its_backspaced_bars_is_one_record():
    monitor = read((CORPUS / "progress-bar-frames-classifier-train-txt" / "train.txt").read_bytes())
    assert monitor.store.primary_train == "train loss"
    assert [s.name for s in monitor.store if s.kind == "loss"] == ["train loss"]
    assert len(monitor.store["train loss"]) == 1
