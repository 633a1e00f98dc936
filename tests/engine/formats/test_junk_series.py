"""Numbers that are no metrics, whatever their line looks like, make no series (issue 12, class
7: junk series). Each class is read from real lines of corpus logs: a printed torch module
(detectron2's model dump, tests/corpus/detectron2-nyu-faster-rcnn-log-txt-loss-spike; an LSTM in
tests/corpus/simple-nmt-mybk-rl-screen-output-md), pix2pix/CycleGAN's options table with its
defaults (tests/corpus/pix2pix-xray-windows-options-header), a sentence with a comma taken for a
CSV header (tests/corpus/llamafactory-deepseek-lora-running-log), a source location in the
logging prefix (tests/corpus/iddpm-diffusion-file-line-prefix-epoch-bracket-steps), and the
model's parameter count in every epoch's JSON line (tests/corpus/convnext-sparsity-log-txt).
"""

import pytest
from parse_helpers import CORPUS, read

from lossmon.engine.formats.pairs import message_pairs

DETECTRON2 = (
    "[11/16 02:58:20] d2.engine.defaults INFO: Model:\n"
    "GeneralizedRCNN(\n"
    "  (backbone): FPN(\n"
    "    (bottom_up): ResNet(\n"
    "      (stem): BasicStem(\n"
    "        (conv1): Conv2d(\n"
    "          3, 64, kernel_size=(7, 7), stride=(2, 2), padding=(3, 3), bias=False\n"
    "          (norm): FrozenBatchNorm2d(num_features=64, eps=1e-05)\n"
    "        )\n"
    "      )\n"
    "          (norm): FrozenBatchNorm2d(num_features=256, eps=1e-05)\n"
    "          (norm): FrozenBatchNorm2d(num_features=64, eps=1e-05)\n"
    "          (norm): FrozenBatchNorm2d(num_features=512, eps=1e-05)\n"
    "          (norm): FrozenBatchNorm2d(num_features=128, eps=1e-05)\n"
    "      (level_poolers): ModuleList(\n"
    "        (0): ROIAlign(output_size=(7, 7), spatial_scale=0.25, sampling_ratio=0, aligned=True)\n"
    "        (1): ROIAlign(output_size=(7, 7), spatial_scale=0.125, sampling_ratio=0, aligned=True)\n"
    "        (2): ROIAlign(output_size=(7, 7), spatial_scale=0.0625, sampling_ratio=0, aligned=True)\n"
    "        (3): ROIAlign(output_size=(7, 7), spatial_scale=0.03125, sampling_ratio=0, aligned=True)\n"
    "      (cls_score): Linear(in_features=1024, out_features=18, bias=True)\n"
    "      (bbox_pred): Linear(in_features=1024, out_features=68, bias=True)\n"
    "    (rnn): LSTM(128, 64, num_layers=4, batch_first=True, dropout=0.2, bidirectional=True)\n"
    "    (rnn): LSTM(256, 128, num_layers=2, batch_first=True, dropout=0.3)\n"
    "    (rnn): LSTM(256, 128, num_layers=3, batch_first=True, dropout=0.1)\n"
    "[11/16 02:58:32] d2.utils.events INFO:  eta: 3:30:43  iter: 19  total_loss: 156.1  loss_cls: 144.7  "
    "loss_box_reg: 1.449  loss_rpn_cls: 4.129  loss_rpn_loc: 3.169  time: 0.6774  data_time: 0.3745  lr: 2.5373e-05  max_mem: 11810M\n"
    "[11/16 02:58:46] d2.utils.events INFO:  eta: 3:32:07  iter: 39  total_loss: 11.32  loss_cls: 9.551  "
    "loss_box_reg: 0.5674  loss_rpn_cls: 0.3497  loss_rpn_loc: 0.3362  time: 0.6859  data_time: 0.0725  lr: 5.2039e-05  max_mem: 11810M\n"
    "[11/16 02:59:00] d2.utils.events INFO:  eta: 3:34:00  iter: 59  total_loss: 1.473  loss_cls: 1.115  "
    "loss_box_reg: 0.1275  loss_rpn_cls: 0.1956  loss_rpn_loc: 0.1091  time: 0.6921  data_time: 0.0718  lr: 7.8706e-05  max_mem: 11811M\n"
)

PIX2PIX = (
    "----------------- Options ---------------\n"
    "               batch_size: 1                             \n"
    "                crop_size: 1024                          \t[default: 256]\n"
    "             display_freq: 2                             \t[default: 400]\n"
    "               display_id: 0                             \t[default: 1]\n"
    "                  gpu_ids: -1                            \t[default: 0]\n"
    "                load_iter: 0                             \t[default: 0]\n"
    "                load_size: 1024                          \t[default: 286]\n"
    "                 n_epochs: 1                             \t[default: 100]\n"
    "              num_threads: 0                             \t[default: 4]\n"
    "               print_freq: 2                             \t[default: 100]\n"
    "----------------- End -------------------\n"
    "(epoch: 1, iters: 20, time: 14.365, data: 0.063) G_GAN: 2.283 G_L1: 33.917 D_real: 0.315 D_fake: 0.227 \n"
    "(epoch: 1, iters: 40, time: 14.102, data: 0.061) G_GAN: 2.113 G_L1: 30.121 D_real: 0.295 D_fake: 0.247 \n"
    "(epoch: 1, iters: 60, time: 14.255, data: 0.060) G_GAN: 1.983 G_L1: 28.717 D_real: 0.301 D_fake: 0.239 \n"
)

LLAMAFACTORY = (
    "[INFO|2024-11-26 22:07:13] modeling_utils.py:4808 >> All the weights of LlamaForCausalLM were initialized "
    "from the model checkpoint at /root/autodl-tmp/deepseek-llm-7b-chat.\n"
    "If your task is similar to the task the model of the checkpoint was trained on, you can already use "
    "LlamaForCausalLM for predictions without further training.\n"
    "\n"
    "[INFO|2024-11-26 22:07:15] trainer.py:2314 >>   Num examples = 2,182\n"
    "\n"
    "[INFO|2024-11-26 22:07:15] trainer.py:2315 >>   Num Epochs = 1,000\n"
    "\n"
    "[INFO|2024-11-26 22:07:15] trainer.py:2321 >>   Total optimization steps = 17,000\n"
    "\n"
    "[INFO|2024-11-26 22:09:01] logging.py:157 >> {'loss': 2.2818, 'learning_rate': 2.5000e-06, 'epoch': 0.29}\n"
    "\n"
    "[INFO|2024-11-26 22:10:54] logging.py:157 >> {'loss': 2.2647, 'learning_rate': 5.0000e-06, 'epoch': 0.59}\n"
)

IDDPM = (
    "10-03 15:41:47: iddpm_main.py[118]: Number of params: 13,161,926\n"
    "10-03 15:41:55: iddpm_main.py[280]: [Epoch 1/500][   0:391]  Loss: 6.7464 CE: 0.0000 Dif: 6.7464 Top-1: 0.000  LR: 0.000100\n"
    "10-03 15:42:33: iddpm_main.py[280]: [Epoch 1/500][ 100:391]  Loss: 1.0350 CE: 0.0000 Dif: 1.0350 Top-1: 0.000  LR: 0.000100\n"
    "10-03 15:43:12: iddpm_main.py[280]: [Epoch 1/500][ 200:391]  Loss: 0.6229 CE: 0.0000 Dif: 0.6229 Top-1: 0.000  LR: 0.000100\n"
    "10-03 16:07:23: utils.py[151]: Epoch 5  IS, FID: 1.666, 341.353\n"
    "10-03 16:37:23: utils.py[151]: Epoch 10  IS, FID: 1.766, 301.353\n"
    "10-03 17:07:23: utils.py[151]: Epoch 15  IS, FID: 1.866, 281.353\n"
)

CONVNEXT = "".join(
    f'{{"train_lr": 9.8e-05, "train_loss": {loss}, "train_weight_decay": 0.05, "epoch": {epoch}, "n_parameters": 27844618}}\n'
    for epoch, loss in enumerate((3.6350613678655317, 2.433940526342392, 2.1120091))
)


@pytest.mark.parametrize("chunk", (1 << 20, 97))
def test_a_printed_module_makes_no_series(chunk):
    monitor = read(DETECTRON2, chunk=chunk)
    assert monitor.store["total_loss"].values.tolist() == [156.1, 11.32, 1.473]
    names = {series.name for series in monitor.store}
    assert not names & {"spatial_scale", "sampling_ratio", "out_features", "num_layers", "dropout", "eps"}
    assert not any("(" in name for name in names)


def test_an_options_table_with_its_defaults_makes_no_series():
    monitor = read(PIX2PIX)
    assert monitor.store["G_L1"].values.tolist() == [33.917, 30.121, 28.717]
    names = {series.name for series in monitor.store}
    assert not names & {"default", "crop_size", "load_iter", "display_freq", "print_freq", "n_epochs", "batch_size"}


def test_a_sentence_with_a_comma_is_no_table_header():
    monitor = read(LLAMAFACTORY)
    assert monitor.store["loss"].values.tolist() == [2.2818, 2.2647]
    assert all(len(series.name) < 40 for series in monitor.store)


def test_a_source_location_is_no_metric():
    monitor = read(IDDPM)
    assert monitor.store["Loss"].values.tolist() == [6.7464, 1.0350, 0.6229]
    assert not any(series.name.endswith(".py") for series in monitor.store)


def test_the_parameter_count_is_no_series():
    monitor = read(CONVNEXT)
    assert len(monitor.store["train_loss"]) == 3
    assert "n_parameters" not in {series.name for series in monitor.store}


# simple-nmt (tests/corpus/simple-nmt-mybk-rl-screen-output-md): each run prints its optimizer,
# then one line per epoch; the runs follow one another in the capture.
SIMPLE_NMT_RUN = (
    "NLLLoss()\n"
    "Adam (\n"
    "Parameter Group 0\n"
    "    amsgrad: False\n"
    "    betas: (0.9, 0.999)\n"
    "    eps: 1e-08\n"
    "    lr: 0.001\n"
    "    weight_decay: 0\n"
    ")\n"
    "Epoch 1 - |param|=6.01e+02 |g_param|=3.32e+05 loss=4.9263e+00 ppl=137.87\n"
    "Validation - loss=4.0864e+00 ppl=59.52 best_loss=inf best_ppl=inf\n"
    "Epoch 2 - |param|=6.01e+02 |g_param|=3.77e+05 loss=4.4177e+00 ppl=82.91\n"
    "Validation - loss=3.9483e+00 ppl=51.84 best_loss=4.0864e+00 best_ppl=59.52\n"
    "Epoch 3 - |param|=6.01e+02 |g_param|=3.40e+05 loss=4.3770e+00 ppl=79.60\n"
    "Validation - loss=3.8406e+00 ppl=46.55 best_loss=3.9483e+00 best_ppl=51.84\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 77))
def test_a_printed_optimizer_makes_no_series_even_after_a_restart(chunk):
    monitor = read(SIMPLE_NMT_RUN * 4, chunk=chunk)
    names = {series.name for series in monitor.store}
    assert not names & {"eps", "lr", "weight_decay", "amsgrad", "betas"}
    assert len(monitor.store["loss"]) == 12


def test_a_line_after_an_optimizer_cut_short_is_read():
    text = "Adam (\nParameter Group 0\n    eps: 1e-08\n" + "".join(
        f"step {s} | loss {1 / s:.4f} | lr 0.001\n" for s in range(1, 5)
    )
    assert len(read(text).store["loss"]) == 4


def test_an_echoed_signature_with_defaults_is_no_record():
    # tests/corpus/resnet34-quickdraw-blog-post-output (holdout5b): a blog post prints its code
    code = (
        "    def __init__(self, in_channels: int, out_channels: int, kernel_size: int = 3, stride: int = 1, padding: int = 1, activation: bool = True):\n"
        "    def __init__(self, in_channels, out_channels, kernel_size=3, stride=1, padding=1):\n"
        "class ResBlock(nn.Module):\n"
    )
    lines = "".join(f"step={s} loss={1 / s:.4f} padding=1\n" for s in range(1, 5))
    monitor = read(code * 3 + lines)
    assert list(monitor.store["loss"].steps) == [1, 2, 3, 4]
    assert "kernel_size" not in {series.name for series in monitor.store}
    assert len(monitor.store["padding"]) == 4


# tests/corpus/step-loss-equals-indented-val-frame-error: after each epoch's validation, the
# trackers with the largest error, one item per tracker: "<id>:<count> (err=<error>)".
TRACKERS = (
    "Epoch 1/25 (device=cuda)\n"
    "  step 00020: loss=0.7674\n"
    "  step 00040: loss=0.5123\n"
    "  Val | mean=13.03 median=1.00 ±1=75.86% ±2=86.21% ±3=89.66%\n"
    "  Bad trackers (>3.0): video_148:1 (err=143.00), video_221:1 (err=108.00), video_254:1 (err=107.00)\n"
    "Epoch 2/25 (device=cuda)\n"
    "  step 00020: loss=0.0817\n"
    "  step 00040: loss=0.1720\n"
    "  Val | mean=5.24 median=0.00 ±1=96.55% ±2=96.55% ±3=96.55%\n"
    "  Bad trackers (>3.0): video_148:2 (err=143.00), video_221:1 (err=0.00), video_254:1 (err=0.00)\n"
    "Epoch 3/25 (device=cuda)\n"
    "  step 00020: loss=0.0791\n"
    "  step 00040: loss=0.3257\n"
    "  Val | mean=8.66 median=1.00 ±1=89.66% ±2=89.66% ±3=89.66%\n"
    "  Bad trackers (>3.0): video_148:3 (err=0.00), video_221:2 (err=108.00), video_118:1 (err=36.00), video_227:1 (err=93.00), video_254:1 (err=1.00)\n"
    "Epoch 4/25 (device=cuda)\n"
    "  step 00020: loss=0.0676\n"
    "  Val | mean=0.21 median=0.00 ±1=100.00% ±2=100.00% ±3=100.00%\n"
    "  Bad trackers (>3.0): video_148:3 (err=0.00), video_221:3 (err=0.00), video_093:1 (err=0.00), video_118:1 (err=0.00), video_227:1 (err=0.00)\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_a_list_of_items_that_repeats_a_name_makes_no_series(chunk):
    # each item prints "err" again: the list is no record of one "err", nor a series per id
    monitor = read(TRACKERS, chunk=chunk)
    names = {series.name for series in monitor.store}
    assert names == {"loss", "Val/mean", "Val/median"}
    assert monitor.store["Val/mean"].values.tolist() == [13.03, 5.24, 8.66, 0.21]
    assert len(monitor.store["loss"]) == 7


def test_a_list_after_the_values_of_the_line_keeps_them():
    text = "".join(
        f"step {s}: loss={1 / s:.4f}, worst: img_{s}7:2 (err={s}.5), img_{s}3:1 (err={s}.1)\n" for s in range(1, 5)
    )
    monitor = read(text)
    assert {series.name for series in monitor.store} == {"loss"}
    assert len(monitor.store["loss"]) == 4


def test_one_name_for_two_passes_is_no_list():
    # "Train: ... | Val: ...": the split word between them tells two passes apart, not items
    text = "".join(f"Epoch {e} | Train: loss={1 / e:.3f} | Val: loss={1.2 / e:.3f}\n" for e in range(1, 5))
    assert len(read(text).store["loss"]) == 4


# tests/corpus/hgnn-paper-retrieval-train-loss-eq-mrr: a note pasted between two runs names the
# values it is about; it is prose, not a record at "epoch 12".
HGNN = (
    "Epoch  11 | train_loss=0.5153  Precomputing corpus paper embeddings ...   \n"
    " | R@1=0.2615 R@5=0.4210 R@10=0.5050 MRR=0.3343 nDCG@10=0.4187 (n=1,499)   \n"
    "Epoch  12 | train_loss=nan  Precomputing corpus paper embeddings ...   \n"
    " | R@1=0.0414 R@5=0.0981 R@10=0.1487 MRR=0.0786 nDCG@10=0.1455 (n=1,499)   \n"
    "Epoch  13 | train_loss=nan  Precomputing corpus paper embeddings ...   \n"
    " | R@1=1.0000 R@5=1.0000 R@10=1.0000 MRR=1.0000 nDCG@10=1.0000 (n=1,499)   \n"
    "problem:\n"
    "train_loss=nan starting epoch 12 \u2014 this is the root cause. The loss exploded to NaN, which corrupted the "
    "model weights. Everything after epoch 12 is meaningless, including the fake MRR=1.0000 at epoch 17 (that's the "
    "model outputting identical embeddings for everything \u2014 a collapsed state).\n"
    "Epoch   1 | train_loss=2.2291  Precomputing corpus paper embeddings ...   \n"
    " | R@1=0.1101 R@5=0.1800 R@10=0.2300 MRR=0.1520 nDCG@10=0.2801 (n=1,499)   \n"
)


def test_a_note_that_names_values_in_sentences_is_no_record():
    monitor = read(HGNN)
    loss = monitor.store["train_loss"]
    assert len(loss) == 4  # epochs 11, 12, 13 of the first run, epoch 1 of the second
    assert loss.values[-1] == 2.2291


# tests/corpus/resnet34-quickdraw-blog-post-output: a blog post shows its model's code between its
# outputs; tests/corpus/icelandman-resnet18-numbers-md prints its accuracy as a tensor.
ECHOED_CALLS = (
    "        layers.append(nn.Conv2d(out_channels, out_channels, kernel_size=3,stride=1, padding=1, bias=False))\n"
    "        self.enc = ConvBlock(in_channels, nker, kernel_size=7, stride=2, padding=1)\n"
    "        self.max_pool = nn.MaxPool2d(kernel_size=3, stride=2, padding=1)\n"
    "        self.layer1 = self.make_layer(ResBlock,64,nblk[0],stride = 1)\n"
    "        self.layer2 = self.make_layer(ResBlock,128,nblk[1],stride = 2)\n"
    "        self.layer3 = self.make_layer(ResBlock,256,nblk[2],stride = 2)\n"
    "train loss: 1.93706483326, acc: tensor(0.3262, device='cuda:0', dtype=torch.float64)<br>\n"
    "val loss: 1.12561304604, acc: tensor(0.6223, device='cuda:0', dtype=torch.float64)<br>\n"
    "train loss: 1.36363145651, acc: tensor(0.5644, device='cuda:0', dtype=torch.float64)<br>\n"
    "val loss: 1.17917729983, acc: tensor(0.6126, device='cuda:0', dtype=torch.float64)<br>\n"
    "train loss: 1.22724211711, acc: tensor(0.5907, device='cuda:0', dtype=torch.float64)<br>\n"
    "val loss: 1.10145300236, acc: tensor(0.6301, device='cuda:0', dtype=torch.float64)<br>\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 89))
def test_the_keyword_arguments_of_a_call_are_no_metrics(chunk):
    monitor = read(ECHOED_CALLS, chunk=chunk)
    names = {series.name for series in monitor.store}
    assert not names & {"kernel_size", "stride", "padding", "nblk", "cuda"}
    assert not any("(" in name for name in names)
    assert monitor.store["train loss"].values.tolist() == [1.93706483326, 1.36363145651, 1.22724211711]
    assert monitor.store["acc"].values.tolist()[:2] == [0.3262, 0.6223]


# tests/corpus/detectron2-nyu-faster-rcnn-log-txt-loss-spike: detectron2 prints its yacs config
# (lines 45-322) before training; its keys come back under other sections with other values.
YACS = (
    "  MASK_ON: False\n"
    "  ROI_HEADS:\n"
    "    NUM_CLASSES: 100\n"
    "    NUM_CLASSES: 80\n"
    "    NUM_CONVS: 4\n"
    "    NUM_CONV: 0\n"
    "    POOLER_RESOLUTION: 7\n"
    "    BATCH_SIZE_PER_IMAGE: 512\n"
    "    POSITIVE_FRACTION: 0.25\n"
    "    POOLER_RESOLUTION: 14\n"
    "    NUM_CONV: 4\n"
    "    POOLER_RESOLUTION: 14\n"
    "    BATCH_SIZE_PER_IMAGE: 256\n"
    "    POSITIVE_FRACTION: 0.5\n"
    "    NUM_CLASSES: 2\n"
    "    BG_IOU_THRESHOLD: 0.5\n"
    "    BG_IOU_THRESHOLD: 0.4\n"
    "    BG_IOU_THRESHOLD: 0.3\n"
) + "".join(DETECTRON2.splitlines(keepends=True)[-3:])  # its first three iterations


def test_a_yacs_config_dump_makes_no_series():
    monitor = read(YACS)
    names = {series.name for series in monitor.store}
    assert not any(name.isupper() for name in names), names
    assert monitor.store["total_loss"].values.tolist() == [156.1, 11.32, 1.473]


def test_a_constant_case_loss_alone_on_its_line_is_still_read():
    text = "".join(f"  TRAIN_LOSS: {2 - step / 10}\n" for step in range(5))
    assert len(read(text).store["TRAIN_LOSS"]) == 5


def test_a_sentences_preposition_before_a_colon_is_no_series():
    # lucas-santana's LeNet5 logs (holdout27b/28c): "Validation loss decreased from : inf ----> 542.41"
    # read a series "Validation/from"; an acronym that spells a word ("OR", overall recall) stays,
    # and "is" stands for the words before it ("Epoch is: 1, Training Loss is: 0.0054")
    lines = (
        "2023-09-01 17:48:27,817 - root - INFO - Validation loss decreased from : inf ----> 542.4094467490213 ----> Saving Model.......\n"
        "2023-09-01 17:54:07,918 - root - INFO - Validation loss decreased from : 542.4094467490213 ----> 474.8032394142938 ----> Saving Model.......\n"
    )
    assert not [name for name in read(lines).store.series if "from" in name.lower()]
    log = CORPUS / "lucas-santana-trabalho2-visao-exp-2-log-lenet5-appended-runs-prefix" / "exp_2.log"
    store = read(log.read_bytes()).store
    assert not [name for name in store.series if "from" in name.lower()] and len(store["val_loss"]) == 30
    assert [pair.name for pair in message_pairs("mAP: 0.61 CP: 0.7 OR: 0.52 OF1: 0.6")] == ["mAP", "CP", "OR", "OF1"]
