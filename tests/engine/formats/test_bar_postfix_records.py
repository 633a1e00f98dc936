"""A tqdm bar's postfix (``... 3/3 [00:02<00:00,  1.21it/s, loss=0.6234, acc=91.67%]``) is a
running figure when the script also logs the same names on lines of its own: those lines are the
records, and the bar frames are not (issue 12; tests/corpus/README: "tqdm bar postfixes are NOT
records unless they are the only place the loss is logged"). When the bars are the only source,
they stay the records. Lines: a speaker-verification training README (``Epoch 1: 100%|...|
loss=0.6234, acc=91.67%]`` then ``Train - Loss: 0.6234, Acc: 91.67%, EER: 25.00%``), and
tests/corpus/minitorch-tqdm-postfix-only-loss-glued-timing (bars only, ``Training (epoch 0 /
20): 1%| | 1/157 [00:15<41:21, 15.91s/it, loss=9.42, lr=0.02, ...]``).
"""

import pytest
from parse_helpers import CORPUS, read

MINITORCH = CORPUS / "minitorch-tqdm-postfix-only-loss-glued-timing" / "nohup.out"


def lightning_bars_and_lines(epochs: int = 3, rate_first: bool = False) -> str:
    out = []
    for epoch in range(1, epochs + 1):
        loss, acc = 0.6234 / epoch, 91.67 + epoch
        out.append(f"Epoch {epoch}/20\n" + "-" * 70 + "\n")
        frames = [
            f"Epoch {epoch}:  {pct}%|████| {done}/3 [00:02<00:00,  1.21it/s, loss={loss + 0.01 * (3 - done):.4f}, acc={acc:.2f}%]"
            for pct, done in ((33, 1), (67, 2), (100, 3))
        ]
        out.append("\r".join(frames) + "\n\n")
        if rate_first:
            out.append("Learning Rate: 0.001000\n")
        out.append(f"Train - Loss: {loss:.4f}, Acc: {acc:.2f}%, EER: {25 - epoch:.2f}%\n")
        if not rate_first:
            out.append("Learning Rate: 0.001000\n\n")
    return "".join(out)


def generic_bars_and_lines(epochs: int = 3, between: str = "") -> str:
    out = []
    for epoch in range(epochs):
        frames = [
            f"Training (epoch {epoch} / 20):   {done}%|          | {done}/157 [00:15<41:21, 15.91s/it, loss={9.42 - epoch - done / 10:.2f}, lr=0.02]"
            for done in range(1, 5)
        ]
        out.append("\r".join(frames) + "\n")
        out.append(between.format(epoch=epoch))
        out.append(f"epoch {epoch} | loss {9.42 - epoch - 0.4:.4f} | lr 0.02\n")
    return "".join(out)


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_lightning_bars_are_no_records_when_lines_log_the_loss(chunk):
    monitor = read(lightning_bars_and_lines(), chunk=chunk)
    assert [round(float(v), 4) for v in monitor.store["Loss"].values] == [0.6234, 0.3117, 0.2078]
    assert "loss" not in monitor.store and "acc" not in monitor.store


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_generic_bar_postfixes_are_no_records_when_lines_log_the_loss(chunk):
    monitor = read(generic_bars_and_lines(), chunk=chunk)
    assert len(monitor.store["loss"]) == 3
    assert "Training" not in monitor.store  # the bar's percent is no metric


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_a_line_of_other_names_between_the_bars_and_their_line_settles_nothing(chunk):
    # (an evaluation's figure or the learning rate printed before the epoch's own line: the bars
    # wait for the line that logs their names, and are dropped then)
    between = "Validation accuracy: 0.8{epoch}\n"
    monitor = read(generic_bars_and_lines(between=between), chunk=chunk)
    assert monitor.store["loss"].values.tolist() == [9.02, 8.02, 7.02]
    assert monitor.store["Validation accuracy"].values.tolist() == [0.8, 0.81, 0.82]
    monitor = read(lightning_bars_and_lines(rate_first=True), chunk=chunk)
    assert [round(float(v), 4) for v in monitor.store["Loss"].values] == [0.6234, 0.3117, 0.2078]
    assert "loss" not in monitor.store and "acc" not in monitor.store


def test_bars_whose_names_no_line_logs_are_the_records_even_among_other_lines():
    between = "Validation accuracy: 0.8{epoch}\n"
    text = generic_bars_and_lines(between=between).replace("| loss", "| val_loss").replace(" | lr 0.02", "")
    monitor = read(text)
    assert len(monitor.store["loss"]) == 12
    assert monitor.store["val_loss"].values.tolist() == [9.02, 8.02, 7.02]


def test_lightning_bars_alone_are_the_records():
    text = "".join(
        "\r".join(
            f"Epoch {epoch}:  {done * 25}%|██  | {done}/4 [00:00<00:00, 96.78it/s, loss={3 - epoch - done / 10:.3f}, v_num=0]"
            for done in range(1, 5)
        ) + "\n"
        for epoch in range(3)
    )
    monitor = read(text)
    assert len(monitor.store["loss"]) == 12


def test_the_corpus_log_whose_only_loss_is_in_its_bars_keeps_them():
    monitor = read(MINITORCH.read_bytes())
    assert len(monitor.store["loss"]) == 20


# pilot-j/Gsoc_Deeplense logs/FT.md (holdout5b): the bar's postfix "loss=" is the running training
# loss, the epoch's line says "Train Loss", and a "Saving model ... Validation Accuracy" line of
# other names stands between them.
DEEPLENSE = (
    "Total number of train params, training full: 2395779\n"
    "Epoch 1/50 [FT]: 100%|██████████| 157/157 [13:51<00:00,  5.30s/it, loss=0.919]\n"
    "Epoch 1/50 [Validating]: 100%|██████████| 18/18 [01:32<00:00,  5.13s/it]\n"
    "\n"
    "Saving model at Epoch 1 with Validation Accuracy: 33.73%\n"
    "Epoch 1/50 - Train Loss: 0.9780, Train Accuracy: 50.15%, Validation Loss: 1.3758, Validation Accuracy: 33.73%\n"
    "Epoch 2/50 [FT]: 100%|██████████| 157/157 [02:45<00:00,  1.06s/it, loss=0.796]\n"
    "Epoch 2/50 [Validating]: 100%|██████████| 18/18 [00:10<00:00,  1.69it/s]\n"
    "\n"
    "Saving model at Epoch 2 with Validation Accuracy: 52.49%\n"
    "Epoch 2/50 - Train Loss: 0.8571, Train Accuracy: 59.49%, Validation Loss: 0.9801, Validation Accuracy: 52.49%\n"
    "Epoch 3/50 [FT]: 100%|██████████| 157/157 [01:58<00:00,  1.33it/s, loss=0.787]\n"
    "Epoch 3/50 [Validating]: 100%|██████████| 18/18 [00:12<00:00,  1.45it/s]\n"
    "Epoch 3/50 - Train Loss: 0.8012, Train Accuracy: 61.02%, Validation Loss: 0.9911, Validation Accuracy: 50.27%\n"
)


@pytest.mark.parametrize("chunk", (1 << 20, 61))
def test_a_bar_loss_is_the_running_figure_of_the_lines_train_loss(chunk):
    monitor = read(DEEPLENSE, chunk=chunk)
    assert "loss" not in monitor.store
    assert monitor.store["Train Loss"].values.tolist() == [0.9780, 0.8571, 0.8012]
    assert monitor.store.primary_train == "Train Loss"
    assert monitor.store.primary_val == "Validation Loss"


def test_bars_whose_names_no_line_logs_become_records_as_they_come():
    # A follower must not wait for the end of the input: after a few epochs in which only lines of
    # other names followed the bars, the bars are the records, each as it comes.
    from lossmon.engine.formats.auto import AutoParser
    from lossmon.engine.lines import LineSplitter
    from lossmon.engine.records import RecordBuilder

    text = generic_bars_and_lines(epochs=6, between="Validation accuracy: 0.8{epoch}\n")
    text = text.replace("| loss", "| val_loss").replace(" | lr 0.02", "")
    splitter, parser, out = LineSplitter(), AutoParser(), RecordBuilder()
    parser.parse_block(splitter.feed(text.encode()), out)  # no finish: the log goes on
    losses = [metrics["loss"] for _, _, metrics in out.build().records() if "loss" in metrics]
    assert len(losses) >= 4 * 4  # the bars of the first epochs at least, before any end
    parser.finish(out)
    losses += [metrics["loss"] for _, _, metrics in out.build().records() if "loss" in metrics]
    assert len(losses) == 6 * 4


def test_a_bar_loss_beside_a_held_out_loss_only_stays_the_record():
    """A line that logs only a held-out loss says nothing of the training loss in the bars."""
    text = "".join(
        f"Epoch {e}/5 [Train]: 100%|██████████| 10/10 [00:01<00:00,  8.1it/s, loss={1 - e / 10:.3f}]\n"
        f"Saving checkpoint at epoch {e}, accuracy: {50 + e}.0%\n"
        f"Epoch {e}/5 - Validation Loss: {1.2 - e / 10:.4f}\n"
        for e in range(1, 4)
    )
    monitor = read(text)
    assert len(monitor.store["loss"]) == 3
    assert len(monitor.store["Validation Loss"]) == 3


def test_bars_alone_wait_past_a_few_lines_without_a_loss():
    """Bars whose loss no line ever logs are the records, even with a note after each one."""
    text = "".join(
        f"Epoch {e}/9 [Train]: 100%|██████████| 10/10 [00:01<00:00,  8.1it/s, loss={1 - e / 10:.3f}]\n"
        f"Saving checkpoint at epoch {e}, accuracy: {50 + e}.0%\n"
        for e in range(1, 10)
    )
    monitor = read(text)
    assert len(monitor.store["loss"]) == 9


RLHF = CORPUS / "rlhf-hybrid-training-output-tqdm-cr-loss" / "training_output.txt"


@pytest.mark.parametrize("chunk", (1 << 20, 97))
def test_a_lone_value_in_a_sentence_does_not_settle_the_bars(chunk):
    # tests/corpus/rlhf-hybrid-training-output-tqdm-cr-loss (karthick-yes/rlhf-hybrid-capstone,
    # lines 152-158, CRLF): the ensemble's tqdm bar "Training:   3%|##4 | 1/30 [00:05<02:53,
    # 5.99s/epoch, loss=0.0001, patience=0/3]" in \r frames, then "   Early stopping at epoch
    # 4/30 (loss=0.0001)": a sentence, no record of its own (one number after prose), so the bars
    # are not its running figures: they are the only place the loss is logged.
    lines = RLHF.read_bytes().split(b"\n")
    assert lines[155].startswith(b"   Early stopping at epoch 4/30 (loss=0.0001)")
    monitor = read(b"\n".join(lines[151:158]) + b"\n", chunk=chunk)
    assert monitor.store.primary_train == "loss"
    assert len(monitor.store["loss"]) == 4
    assert monitor.store["patience"].values.tolist() == [0.0, 1.0, 2.0, 2.0]


def test_the_whole_rlhf_log():
    monitor = read(RLHF.read_bytes())
    assert (monitor.store.primary_train, len(monitor.store["loss"])) == ("loss", 4)


# holdout25b's mmamar seed_2.log: a bar over 400 epochs whose postfix is set each epoch. Epoch 18's
# figure is drawn at 18/400, carried by the draw of 19/400, then epoch 19 sets the same figure to
# the digits shown (loss=31.6) at 19/400.
MMAMAR_FRAMES = [
    "(T):   4%|▍         | 18/400 [00:07<01:55,  3.29it/s, loss=31.6, accuracy=0.817, nmi=0.53]",
    "(T):   5%|▍         | 19/400 [00:07<01:56,  3.27it/s, loss=31.6, accuracy=0.817, nmi=0.53]",
    "(T):   5%|▍         | 19/400 [00:07<01:56,  3.27it/s, loss=31.6, accuracy=0.817, nmi=0.53]",
    "(T):   5%|▍         | 20/400 [00:08<01:55,  3.30it/s, loss=31.6, accuracy=0.817, nmi=0.53]",
    "(T):   5%|▍         | 20/400 [00:08<01:55,  3.30it/s, loss=31.5, accuracy=0.818, nmi=0.529]",
]


@pytest.mark.parametrize("chunk", [1 << 20, 7])
def test_a_postfix_set_anew_where_the_bar_stands_is_a_record_though_it_reads_the_same(chunk):
    monitor = read("\r" + "\r".join(MMAMAR_FRAMES), chunk=chunk)
    assert monitor.store["loss"].values.tolist() == [31.6, 31.6, 31.5]
    # the whole log: 203 postfixes set, 7 of them the same as the one before to the digits shown
    log = CORPUS / "mmamar-dsf-unigssl-seed-2-log-tqdm-cr-frames-prefix" / "seed_2.log"
    assert len(read(log.read_bytes()).store["loss"]) == 203


def test_a_bar_redrawn_at_its_total_is_its_close_not_a_record():
    frames = [f"Epochs: {25 * k}%|██▌       | {k}/4 [00:0{k}<00:01,  1.0s/it, loss={loss}]"
              for k, loss in ((1, 0.9), (2, 0.7), (3, 0.6), (4, 0.512), (4, 0.512))]
    assert read("\r".join(frames) + "\n").store["loss"].values.tolist() == [0.9, 0.7, 0.6, 0.512]
