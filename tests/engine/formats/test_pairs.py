import pytest

from parse_helpers import read

from lossmon.engine.formats.pairs import message_pairs


def names_values(text):
    return [(pair.name, pair.value, text[pair.start : pair.end]) for pair in message_pairs(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("step 10 loss=0.5 lr=1e-4", [("step", 10.0, "10"), ("loss", 0.5, "0.5"), ("lr", 1e-4, "1e-4")]),
        ("train loss 2.3 val loss 2.4", [("train loss", 2.3, "2.3"), ("val loss", 2.4, "2.4")]),
        # "Epoch 1/10" is read as epoch 1 (progress N/M under its name), since free-form text is
        # read segment by segment (formats.freeform).
        ("Epoch 1/10 - loss: 0.5 - val_loss: 0.4", [("Epoch", 1.0, "1"), ("loss", 0.5, "0.5"), ("val_loss", 0.4, "0.4")]),
        ("mode: train step: 10", [("step", 10.0, "10")]),
        ("tps: 12,346  tflops: 1,234.57", [("tps", 12346.0, "12,346"), ("tflops", 1234.57, "1,234.57")]),
        ("bsz=128, num_updates=100", [("bsz", 128.0, "128"), ("num_updates", 100.0, "100")]),
        ("lr=[2.9999999999999997e-05], mom=[(0.9, 0.999)]", [("lr", 2.9999999999999997e-05, "2.9999999999999997e-05")]),
        ("Loaded 5 files in 3.2 seconds", []),
        ("version 1.2.3 x=1.2.3", []),
        ("loss: 0.5 loss: 0.7", [("loss", 0.5, "0.5")]),
        # three words before the noun, split and averaging and all (holdout18h notebooks:
        # Abanoub1111/Deep_project translation.ipynb, AananthV/Pytorch-Transformer's tqdm description)
        (
            " Epoch 0 | Train Cross Entropy Loss:  7.435049949141292",
            [("Epoch", 0.0, "0"), ("Train Cross Entropy Loss", 7.435049949141292, "7.435049949141292")],
        ),
        (
            "Epoch: 1 Average Val Batch Loss: 0.1205718625099101: 100%",
            [("Epoch", 1.0, "1"), ("Average Val Batch Loss", 0.1205718625099101, "0.1205718625099101")],
        ),
        # a dash glued to the name, then blanks (holdout19l's D1ff1cult11 pytorch_cnn.ipynb:
        # print('epoch- ', epoch, 'loss- ', loss)); a dash before digits stays the value's sign
        ("epoch-  0 loss-  2.299079834652679", [("epoch", 0.0, "0"), ("loss", 2.299079834652679, "2.299079834652679")]),
        ("loss -0.5", [("loss", -0.5, "-0.5")]),
    ],
)
def test_pairs_and_their_spans(text, expected):
    assert names_values(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # PaddlePaddle PredNet train.log (IcarusWizard/prednet-paddle): names of several words
        # before "is", and a sentence-final period after the number
        (
            "Epoch 0, Step 25, total used time 7.178124904632568 (s), avg loss so far is 0.10979227721691132",
            [("Epoch", 0.0, "0"), ("Step", 25.0, "25"), ("avg loss so far", 0.10979227721691132, "0.10979227721691132")],
        ),
        (
            "Epoch 0, val loss is 0.0477195605635643, val mse is 0.024224352091550827.",
            [("Epoch", 0.0, "0"), ("val loss", 0.0477195605635643, "0.0477195605635643"),
             ("val mse", 0.024224352091550827, "0.024224352091550827")],
        ),
        ("Starting epoch 0 current lr is 0.001", [("epoch", 0.0, "0"), ("current lr", 0.001, "0.001")]),
        # a colon after the verb (a Resnet3D train_0.log's logging line); "is" names nothing
        (
            "2025-03-24 16:55:50 - INFO - epoch:0/100 iteration:10/121 batch loss is :1.8290",
            [("epoch", 0.0, "0"), ("iteration", 10.0, "10"), ("batch loss", 1.829, "1.8290")],
        ),
        ("val loss is: 0.0477", [("val loss", 0.0477, "0.0477")]),
        ("Epoch 3, best val loss was 0.0352.", [("Epoch", 3.0, "3"), ("best val loss", 0.0352, "0.0352")]),
        ("avg loss so far = 0.5, lr = 0.1", [("avg loss so far", 0.5, "0.5"), ("lr", 0.1, "0.1")]),
        ("val loss: 0.0477.", [("val loss", 0.0477, "0.0477")]),
        # an article starts the sentence (chinese-relation-extraction's exp.log, after each epoch)
        (
            "End of epoch1,Use time:271.88597679138184,the accuracy is 0.5273910249544822",
            [("epoch", 1.0, "1"), ("time", 271.88597679138184, "271.88597679138184"),
             ("accuracy", 0.5273910249544822, "0.5273910249544822")],
        ),
        ("The validation loss is 0.4817", [("validation loss", 0.4817, "0.4817")]),
        # prose: a function word in the name, no metric word, or a sentence before the name
        ("We trained for 10 epochs and the loss was 0.5", []),
        ("the answer is 42", []),
        ("we think that the model loss is 3.5", []),
        ("the version is 1.2.3", []),
    ],
)
def test_name_is_value_pairs(text, expected):
    assert names_values(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # the PredNet validation line without its "is" (free-form "name value" pairs): the
        # sentence-final period still ends the number, and never makes a version number a value
        ("Epoch 0, val loss 0.0477, val mse 0.0242.", [("Epoch", 0.0, "0"), ("val loss", 0.0477, "0.0477"), ("val mse", 0.0242, "0.0242")]),
        ("epoch 3 loss 0.5.", [("epoch", 3.0, "3"), ("loss", 0.5, "0.5")]),
        ("version 1.2.3 x 1.2.", []),
    ],
)
def test_a_sentence_final_period_after_a_free_form_value(text, expected):
    assert names_values(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # tests/corpus/deepspeed-zero2-offload-llama7b-step-loss: a unit in brackets after the name
        (
            "[Step 10/100] Loss: 0.0019 | Tokens/s: 41.54 | GPU Mem (GB): 12.81",
            [("Step", 10.0), ("Loss", 0.0019), ("Tokens/s", 41.54), ("GPU Mem (GB)", 12.81)],
        ),
        ("Loss (avg): 0.3 lr: 0.1", [("Loss (avg)", 0.3), ("lr", 0.1)]),
        ("memory (MB)=1234 loss=0.5", [("memory (MB)", 1234.0), ("loss", 0.5)]),
        # a bracket with no name before it names nothing
        ("(GB): 12.81", []),
    ],
)
def test_a_bracketed_qualifier_belongs_to_the_name_before_it(text, expected):
    found = message_pairs(text)
    assert [(pair.name, pair.value) for pair in found] == expected
    for pair in found:
        assert text.startswith(pair.name.split(" ")[0], pair.at)  # the pair starts at its name


# BrendenLatham/vae_em @596ba2c outputs/run.log (its first VAE epochs): the negative ELBO per sample is the
# loss the VAE minimises; its reconstruction and KL are its terms.
VAE_NEG_ELBO = '2026-05-10 20:13:31 [INFO] src.training: Training VAE (ELBO)...\n2026-05-10 20:13:32 [INFO] src.training:   ep   1/30 | -ELBO/sample -912.022 | recon -915.100 | KL 3.077\n2026-05-10 20:13:36 [INFO] src.training:   ep   5/30 | -ELBO/sample -1425.691 | recon -1441.722 | KL 16.030\n2026-05-10 20:13:42 [INFO] src.training:   ep  10/30 | -ELBO/sample -1610.131 | recon -1630.217 | KL 20.087\n'


def test_a_negative_elbo_is_the_loss_its_terms_add_up_to():
    monitor = read(VAE_NEG_ELBO)
    assert monitor.store.primary_train == "-ELBO/sample"
    assert list(monitor.store["-ELBO/sample"].values) == [-912.022, -1425.691, -1610.131]
    assert list(monitor.store["recon"].values)[0] == -915.100


def test_names_glued_to_their_values():
    # holdout20f's image-captioning log.txt: print("Epoch" + ..., "loss" + str(loss), ...)
    text = "".join(
        f"Epoch0/5 loss{loss} perplexity{ppl}\n"
        for loss, ppl in ((9.202370643615723, 9920.619457241384), (5.855001449584961, 348.97540592311896),
                          (5.553442001342773, 258.1244934630893), (5.00098991394043, 148.56014809894052))
    )
    monitor = read(text)
    assert monitor.store.primary_train == "loss"
    assert list(monitor.store["loss"].values) == [9.202370643615723, 5.855001449584961, 5.553442001342773, 5.00098991394043]
    # every token must be such a pair of a metric (or a step's count): no names made of words and numbers
    assert names_values("conv1 layer2 loss3") == []
    assert names_values("resnet50 loss0.52 top5") == []


def test_a_score_noun_ends_a_name_of_several_words():
    # buted/SSJDN seed42.log (holdout23a): an event-detection model's two F1 scores per split; the
    # qualifier is part of each name, so the two are two series (not "f1" and a repeat of it)
    pairs = message_pairs("dev ed f1:  0.01634877384196185  dev ae f1:  0")
    assert [(p.name, p.value) for p in pairs] == [("dev ed f1", 0.01634877384196185), ("dev ae f1", 0.0)]
    # tests/corpus/viceroy-vfl-log3-train-loss-test-auc-prefix: the held-out AUC beside the train loss
    pairs = message_pairs("epoch: 3, train loss: 0.17684988677501678, test auc: 0.8772550151537019")
    assert [p.name for p in pairs] == ["epoch", "train loss", "test auc"]
