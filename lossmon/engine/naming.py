"""What a metric name means: its split (train/val/test), its kind, whether it is a metric at all,
which values are placeholders, and which series are the primary training and validation losses.

Every answer depends on the name only, so each is computed once per name and cached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

SPLITS = ("train", "val", "test")
KINDS = ("loss", "metric", "lr", "grad_norm", "other")

_WORD = r"(?:^|(?<=[\s/_.\-(]))"
_END = r"(?=$|[\s/_.\-)@]|\d)"
# A split word may qualify a bracket ("Diff-Val(Test-Normal)"), or own its metric (LightGBM's
# "valid's binary_logloss").
_SPLIT_END = r"(?=$|[\s/_.\-()@']|\d)"
# Loss, validation and test words of other languages than English, for scripts that print their
# own labels: Romanian, Spanish, Portuguese, French, Italian, German, Dutch, Turkish, Russian,
# Chinese, Japanese, Korean ("pas 120 | pierdere 0.56", "-> validare 0.55", "训练损失: 0.42").
_LOSS_WORDS = r"pierdere|p[ée]rdida|perda|perte|perdita|verlust|verlies|kay[ıi]p|потер[иья]|损失|損失|손실"
_VAL_WORDS = (
    r"validare|validaci[óo]n|valida[çc][ãa]o|validierung|validazione|validatie|do[ğg]rulama|валидаци[яи]"
)
# "heldout=26.87", "held-out loss", "held_out_loss" (a language-model pretraining script's words)
_HELD_OUT_WORDS = r"held[-_ ]?out"
_HELD_OUT_VERBS = r"validat(?:e|ing)|evaluat(?:e|ing)"  # a pass's banner: "=====validate epoch 1====="
_VAL_CJK = r"验证|驗證|検証|검증"  # written without blanks between words: found anywhere
_TEST_WORDS = r"prueba|teste|testare|тест"
_TEST_CJK = r"测试|測試|テスト|테스트"
_VAL = re.compile(
    # ("va" alone is the validation pass cut short beside "tr": "tr_ssl=0.31  va_ssl=0.20", "va_loss")
    rf"{_WORD}(?:val|vali|valid|validation|eval|evaluation|dev|tel|va|{_HELD_OUT_WORDS}|{_HELD_OUT_VERBS}|{_VAL_WORDS})(?:-[\w-]+|\d+)?{_SPLIT_END}|{_VAL_CJK}"
    # Ultralytics writes its validation metrics as metrics/*(B); mmengine's evaluators as coco/*.
    # (A loss under "metrics/" is a JSON record's nested {"metrics": {"loss": ...}}: its split is
    # its own words, train when it has none.)
    r"|^metrics/(?![^/]*loss)|^(?:coco|pascal_voc|voc|cityscapes|lvis)/|hellaswag",
    re.I,
)
_TEST = re.compile(rf"{_WORD}(?:test|predict|testing|{_TEST_WORDS}){_SPLIT_END}|{_TEST_CJK}", re.I)
# A split word glued to the capitalised word after it: gbm's "ValidDeviance" (beside
# "TrainDeviance"), "ValLoss", "TestAcc", and in camelCase "validationLoss" (beside "trainLoss"),
# "testAcc". Case-sensitive: "Validity", "Deviance" and "value" are one word.
_CAMEL_VAL = re.compile(rf"{_WORD}(?:[Vv]al|[Vv]alid|[Vv]alidation|[Ee]val|[Ee]valuation|[Dd]ev)(?=[A-Z][a-z])")
_CAMEL_TEST = re.compile(rf"{_WORD}[Tt]est(?=[A-Z][a-z])")

_LR = re.compile(rf"{_WORD}(?:lr|learning[ _]rate|base_lr)(?:{_END}|/pg\d|$)", re.I)
_GRAD_NORM = re.compile(
    rf"{_WORD}(?:grad(?:ient)?s?[ _]?norm|gnorm|norm)(?:_(?:pre|post)_clip)?{_END}", re.I
)
_NOT_GRAD_NORM = re.compile(r"param|weight|embed", re.I)
# YOLO's console and results.txt name their loss components bare: box, obj, cls, dfl, total (GIoU,
# the box loss of Ultralytics' YOLOv3 and first YOLOv5).
# YOLOv10 trains two heads and names each term by head, one-to-many and one-to-one, also without
# the word loss: its results.csv's "train/box_om", "val/dfl_oo".
# Deviance (-2 log-likelihood) is what a GLM or gbm minimises: gbm's "TrainDeviance".
# A self-supervised run names its objective and its reconstruction term without the word loss:
# "tr_ssl=0.3058  tr_recon=0.2682  va_ssl=0.2041", a VAE's "recon: 0.12  kl: 0.03" (as the last word: "ssl_acc"
# is a metric). The training objective named so ("train_objective" beside "val_nll": what the training
# minimises, whatever its terms) is the train loss; an objective alone may be maximised (RL's surrogate).
_LOSS = re.compile(
    rf"loss|energy|deviance|{_LOSS_WORDS}|{_WORD}(?:trl|tel|nll|ce|xent|cross[_ -]entropy){_END}|{_WORD}(?:ssl|recon)$|^(?:box|obj|cls|dfl|total|giou)$"
    r"|(?:^|/)(?:box|cls|dfl)_o[mo]$|^train(?:ing)?+[_ /-]objective$"
    # MXNet's SSD and R-CNN examples name their box regression loss by its function alone
    # ("Train-SmoothL1=100.55", "Validation-SmoothL1=105.22")
    r"|smooth[_ -]?+l1",
    re.I,
)
# "cost" is the loss in TF1 tutorials ("Epoch: 0001 cost= 0.53") and the deeplearning.ai courses
# ("Cost after iteration 100: 0.69"), alone or qualified by a split or an average, maybe
# abbreviated ("Epoch: 0001 Avg. cost = 0.340", the TensorFlow-Tutorials print); PaddlePaddle's
# batch_cost and reader_cost are times, and an RL run's episode cost is a constraint, not a loss.
# A term of the objective names its cost too: a recurrent attention model's "class cost: 6.604,
# locs_cost: 0.933", a VAE's "recon_cost", "kl_cost", a detector's "reg_cost".
_COST_TERM = re.compile(r"[ _]cost$", re.I)  # a term named by its cost ("class cost", "locs_cost")
_COST = re.compile(
    r"^(?:(?:train|training|val|valid|validation|test|eval|dev|avg|average|mean|total)\.?+[ _])?+"
    r"(?:(?:class|classification|cls|locs?|location|recon|reconstruction|kl|reg|regression|bbox|box|xent)[ _])?+cost$",
    re.I,
)
# GAN scripts name their losses by network: G_GAN, G_L1, D_real, D_fake (pix2pix), G_A, D_B,
# cycle_A, idt_B (CycleGAN), G, D.
# The Keras GAN tutorials print them lower-case, by model and by half batch: g, d1, d2, dA, dB.
_GAN_LOSS = re.compile(r"^(?:[GD]|cycle|idt)(?:_\w+)?$|^[gd](?:[A-Z]|[12])?$")
# "L" alone is the symbol of the objective a run minimises, its terms printed beside it by their
# own letters: a learned image codec's "L=0.1200  D=0.1129  PSNR= 9.47  R=0.5510 bpp" is
# L = D + lambda * R (distortion D, rate R). It is the loss, and the one to follow.
_OBJECTIVE_SYMBOL = re.compile(r"^L$")
# A split's word alone names that split's objective: "train 3.45 val 3.43" (nanoGPT),
# build-nanogpt's log file "250 val 6.43", CatBoost's "learn: 2.42", "-> validare 0.56",
# "train=35.0026  heldout=26.8717".
# Left out: "eval" alone is a score (lm-eval), and "test" alone ("Train 0.98 | Test 0.97") is as
# often an accuracy: it is a loss only beside "learn" (CatBoost: the parser says so, see
# generic.KeyValueParser).
_BARE_SPLIT = re.compile(
    rf"^(?:train|training|learn|val|valid|validation|dev|{_HELD_OUT_WORDS}|{_VAL_WORDS}|{_VAL_CJK}"
    r"|antrenare|entrenamiento|treino|entra[îi]nement|обучение|训练|訓練)$",
    re.I,
)
_LOSS_SCALE = re.compile(r"loss[ _]?scal", re.I)  # mixed precision's loss scale: not a loss
_NOT_LOSS = re.compile(r"ppl|perplexity", re.I)
_METRIC = re.compile(
    rf"acc|recall|precision|f1|auc|map\d*|top[-_]?\d|wer|cer|bleu|rouge|iou|dice|ppl|perplexity|"
    rf"score|mse|mae|rmse|reward|hellaswag|{_WORD}eval{_END}",
    re.I,
)
# Metrics that are never negative: for them -1 is the "not available" placeholder
# (mmengine's coco/bbox_mAP_s: -1.0000 on a dataset without small objects).
_NON_NEGATIVE_METRIC = re.compile(
    r"acc|recall|precision|f1|auc|map|iou|dice|wer|cer|bleu|rouge|top[-_]?\d|ppl|perplexity", re.I
)
_MFU = re.compile(r"\bmfu\b|(?:^|_)mfu$", re.I)

# Numbers that are not training metrics: counters, clocks, durations, progress, ids, sizes.
_IGNORED = re.compile(
    r"^(?:step|steps|global_step|global step|iter|iters|iteration|iterations|it|current_steps|"
    r"total_steps|max_steps|num_updates|update|updates|_step|_timestamp|timestamp|v_num|eta|"
    r"total_flos|flos|percentage|progress|batch|batch_idx|batch_id|micro_step|micro step|"
    r"consumed samples|consumed tokens|consumed_samples|consumed_tokens|num_input_tokens_seen|"
    r"total_tokens|bsz|wpb|global batch size|global_batch_size|batch_size|world_size|"
    r"seed|rank|local_rank|pid|gpu|device|epochs|total|skipped|oom|"
    # a device's index ("device: cuda:0"), the devices and the data a run was given
    r"cuda|npu|xla|mps|hpu|xpu|n_gpu|n_gpus|num_gpus|num_rows|num_examples|num examples|"
    r"curriculum seqlen|seqlen|num_samples|samples|tokens|"
    # sizes of the model and of the input, constant through a run
    r"n_parameters|num_parameters|n_params|num_params|params|parameters|trainable params|all params|"
    r"size|img_size|imgsz|image_size|input_size|"
    # which item, fold, run or client a line is about, and how many there are ("for class 2
    # contains: 2148 samples", "[fold 0]", "over 5 runs", "Client 1/5", "(n=1,499)", "recommended
    # items : 11"): ids and counts, no curve
    r"class|category|fold|folds|run|runs|trial|trials|client|clients|item|items|id|idx|index|n|count)$"
    # counts of what a run has done so far, a step-like axis ("train/n_updates", "num_episodes",
    # "total timesteps"): climbing by construction, no curve to judge
    r"|^(?:n|num|nb|number[ _]of|total|cumulative)[ _]?(?:updates|steps|iters|iterations|timesteps|epochs|"
    r"episodes|batches|env_steps|grad_steps|gradient_steps)$"
    # a source location ("utils.py[151]:", "train.py:42"): a line number, not a value
    r"|\.(?:py|pyx|cc|cpp|cxx|cu|c|h|hpp|lua|js|ts|rs|go|java|jl|sh)$"
    r"|(?:^|[ _/])(?:time|times|runtime|wall|elapsed|remaining|eta|step_avg|train_wall|data_time|"
    r"timing|duration|walltime|clock)(?:$|[ _/(])"
    r"|_per_second$|per iteration|per_iteration|timestamp",
    re.I,
)


# The words that name a line's step, compared in any case ("STEP 100", "Steps: 3", "ITERATION 12",
# "EP 4"): "step" for a count of the run, "epoch" for a count of passes over the data, and "pass"
# for a unit of a pass that names no step of the run but a figure may summarise ("Average loss
# for this batch: 0.52"). Other languages' words name their run's step or epoch as the English
# ones do ("Época 100 | Pérdida: 0.25", "pas 120 | pierdere 0.56").
FOREIGN_STEP_WORDS = (
    "paso passo pas schritt шаг 步 步数 iteración iteracion iteração itération iterazione итерация 迭代"
).split()
FOREIGN_EPOCH_WORDS = "época epoca époque epoche epoka эпоха 轮 轮次 回合".split()
_STEP_WORD_UNITS = {
    **dict.fromkeys(
        "step steps global_step iter iters iteration iterations update updates num_updates".split()
        + FOREIGN_STEP_WORDS,
        "step",
    ),
    **dict.fromkeys(["epoch", "epochs", "ep", *FOREIGN_EPOCH_WORDS], "epoch"),
    **dict.fromkeys("batch batches round rounds".split(), "pass"),
}
STEP_WORDS = frozenset(_STEP_WORD_UNITS)  # every word that names a step, epoch or pass counter


@lru_cache(maxsize=4096)
def step_unit(name: str) -> str | None:
    """What a step word counts, in any case: "step", "epoch" or "pass" (see _STEP_WORD_UNITS);
    None for a name that is no step word."""
    return _STEP_WORD_UNITS.get(name.casefold()) if len(name) <= 16 else None


@lru_cache(maxsize=4096)
def is_step_word(name: str) -> bool:
    """True for a name that gives its line's step or epoch ("step", "Iter", "EPOCH", "Ep")."""
    return step_unit(name) in ("step", "epoch")


# "loss/total" (glue-factory's "loss {total 1.6, last 0.9}"): the total of a loss, not a count
_TOTAL_OF_LOSS = re.compile(r"loss(?:es)?/(?:total|sum)$", re.I)


@lru_cache(maxsize=8192)
def is_metric_name(name: str) -> bool:
    """False for counters, clocks and durations, which would only clutter the charts."""
    return _IGNORED.search(name) is None and (
        _IGNORED.search(name.rpartition("/")[2]) is None or _TOTAL_OF_LOSS.search(name) is not None
    )


@lru_cache(maxsize=8192)
def split_of(name: str) -> str:
    test = _TEST.search(name) or _CAMEL_TEST.search(name)
    val = (_VAL.search(name) or _CAMEL_VAL.search(name)) if test is None or test.start() else None
    # both: the first word qualifies the rest ("Diff-Val(Test-Normal)/loss" is a validation on
    # test-like data)
    if test is not None and (val is None or test.start() < val.start()):
        return "test"
    if val is not None:
        return "val"
    return "train"


@lru_cache(maxsize=8192)
def bare_split(name: str) -> bool:
    """True for a split's word alone ("Train", "Val"), which kind_of reads as that split's loss."""
    return _BARE_SPLIT.match(name) is not None


def kind_of(name: str) -> str:
    if _LR.search(name):
        return "lr"
    if _LOSS_SCALE.search(name):
        return "other"
    if _GRAD_NORM.search(name) and not _NOT_GRAD_NORM.search(name):
        return "grad_norm"
    if _LOSS.search(name) and not _NOT_LOSS.search(name):
        return "loss"
    if _GAN_LOSS.match(name) or _BARE_SPLIT.match(name) or _COST.match(name) or _OBJECTIVE_SYMBOL.match(name):
        return "loss"
    if _NEGATIVE_ELBO.search(name):
        return "loss"
    if _METRIC.search(name):
        return "metric"
    return "other"


@lru_cache(maxsize=8192)
def placeholder_of(name: str) -> float | None:
    """The value that means "not measured" for this name, if it has one: -1 for metrics that are
    never negative, -100 for nanoGPT's MFU before it is measured."""
    if _MFU.search(name):
        return -100.0
    if name == "ValidDeviance":
        return math.nan  # gbm prints nan in this column when no validation fraction was held out
    if kind_of(name) == "metric" and _NON_NEGATIVE_METRIC.search(name):
        return -1.0
    return None


def keep_value(name: str, value: float) -> bool:
    """False for a placeholder value (see :func:`placeholder_of`)."""
    placeholder = placeholder_of(name)
    if placeholder is not None and placeholder != placeholder:
        return value == value  # a NaN placeholder: NaN compares unequal to itself
    return placeholder is None or value != placeholder


# Preferred main losses, best first; names are compared lower-cased. Lightning logs one loss as
# two columns, per step and per epoch ("train_loss_step", "train_loss_epoch"): the more complete of
# the two is the curve (the step column where it is logged every few steps, the epoch column where
# an epoch is shorter than the logging interval). A validation loss's step column holds its
# batches, the model unchanged between them: its epoch column is the curve (_without_step_twins).
_PRIMARY_TRAIN = (
    "loss", "lm loss", "train_loss_step", "train/loss", "train_loss", "train loss", "trl",
    "reduced_train_loss", "total_loss", "train/total_loss", "loss_total", "train_inner/loss",
    "train_loss_epoch",
    # the split after the loss ("Loss_train: 0.5034 Loss_val: 0.1456", "loss/train")
    "loss_train", "loss/train", "loss-train",
    # A world-model RL agent's losses are the model's and the actor's and critic's, each a sum of
    # terms (DreamerV2's model_loss = kl_loss + image_loss + reward_loss + discount_loss): the
    # world model's is the one a user reads first.
    "model_loss", "train/model_loss", "world_model_loss", "train/world_model_loss", "wm_loss", "train/wm_loss",
)
_PRIMARY_VAL = (
    "val_loss", "eval_loss", "val/loss", "eval/loss", "valid/loss", "val loss", "valid loss", "tel",
    "validation lm loss", "validation loss", "val_loss_epoch", "valid_loss", "validation_loss",
    "validation/loss", "val_loss_step", "loss_val", "loss/val", "loss-val", "loss_valid", "loss/valid",
    "loss_validation", "loss/validation",
)
# The held-out loss under a test name (DETR and DeiT log test_loss once per epoch): the validation
# loss when the log has no val series.
_PRIMARY_TEST = (
    "test_loss", "test/loss", "test loss", "eval/test_loss", "test_loss_epoch", "test_mean loss", "loss_test", "loss/test",
)


# A term of the objective rather than the objective: a regularizer ("reg_loss", "l2_penalty",
# "weight_decay_loss"), an auxiliary head's loss, or one group's or class's share of it
# ("avg_loss_group:0"): among losses logged as often, the objective is the one that is none of these.
_TERM = re.compile(rf"{_WORD}(?:reg|regularization|regularizer|penalty|aux|auxiliary|wd|weight[_ ]decay){_END}|:\d+$", re.I)


def _term_of_the_loss(name: str) -> bool:
    return _TERM.search(name) is not None


def _primary_leaf_is_loss(name: str) -> bool:
    """True when a loss's own word says loss, not only the group it is printed under: the last word
    of a dotted or slashed name ("dir_rt" of "loss.dir_rt", "box_loss" of "train/box_loss")."""
    return kind_of(name.replace("/", ".").rpartition(".")[2] or name) == "loss"


_SPLIT_WORD = re.compile(r"(?i:train|training|trn|val|valid|validation|dev|eval|evaluation|test|testing|tst)")
_NAME_PARTS = re.compile(r"[^A-Za-z0-9]++")


def _without_split(name: str) -> str:
    """A loss's name without its split's word, lower-cased ("train_loss", "dev_loss": "loss")."""
    return " ".join(part for part in _NAME_PARTS.split(name.lower()) if part and not _SPLIT_WORD.fullmatch(part))


_HELD_OUT_ERROR = re.compile(r"(?i:(?:^|[\s_])error)$")
_ERROR_RATE = re.compile(r"(?i:class|top|cls|acc|rate|%|char|word|token)")
_AVERAGE = re.compile(rf"{_WORD}(?:average|avg|mean){_END}", re.I)
_TOTAL = re.compile(rf"{_WORD}(?:total|overall|sum){_END}", re.I)
# A variational model's free energy (the negative ELBO: reconstruction error + KL term) is the
# objective it minimises, as a total is: "epoch,free_energy,reconstruction_error,kl_loss".
# A VAE's negative evidence lower bound is the loss it minimises ("-ELBO/sample", "neg_elbo",
# "NELBO"); the ELBO itself is maximised, no loss. A name may start with the minus that says so:
# the readers of names put NAME_SIGN before their first letter.
NAME_SIGN = r"(?:-(?=(?i:elbo)\b))?+"
_NEGATIVE_ELBO = re.compile(r"(?:^-|(?<![a-z])neg(?:ative)?+[ _-]?+|(?<![a-z])n)elbo(?![a-z])", re.I)
_FREE_ENERGY = re.compile(rf"{_WORD}free[_ -]?energy{_END}", re.I)


_BATCH_WORD = re.compile(r"(?i:\bbatch(?:es)?+\b|(?<=_)batch\b|\bbatch(?=_))")
MIN_EPOCH_CURVE = 10  # points of a per-epoch loss that make a curve (the detectors speak from about 10)
_BATCHES_OVER_EPOCHS = 4  # how many more points the batches' loss has, at least


def _batch_of(name: str, loss: str) -> bool:
    """True when ``name`` is ``loss`` with a batch word ("batch loss", "batch_loss", "loss_batch")."""
    stripped = _BATCH_WORD.sub(" ", name).strip(" _-/.").lower()
    return stripped != name.lower() and stripped == loss.lower()


def _average_of(name: str, loss: str) -> bool:
    """True when ``name`` is ``loss`` with an average word ("Average loss", "avg_loss", "mean loss"),
    its split's word or not ("Avg Loss" of each 100 steps beside each epoch's "Train Loss")."""
    stripped = _AVERAGE.sub(" ", name).strip(" _-/.").lower()
    return stripped != name.lower() and (stripped == loss.lower() or _without_split(stripped) == _without_split(loss))


def names_the_overall_loss(name: str) -> bool:
    """True for a name that says it is the loss a run optimises, not one of its terms: a preferred
    main loss ("loss", "train_loss", "model_loss"), a total ("total loss", "loss_total") or the
    objective's symbol ("L")."""
    return (
        name.lower() in _PRIMARY_TRAIN or _TOTAL.search(name) is not None or _OBJECTIVE_SYMBOL.match(name) is not None
        or _FREE_ENERGY.search(name) is not None or _NEGATIVE_ELBO.search(name) is not None
    )


def choose_primary(
    series: list[tuple[str, str, str, int]], epochs_of: Callable[[str], int | None] | None = None,
) -> tuple[str | None, str | None]:
    """Pick (train, val) primary losses from (name, split, kind, count) tuples. ``epochs_of``, when
    given, says of a series whose records share their steps (batch lines under an epoch's step)
    how many distinct steps it covers (None for a series with one record per step)."""

    def pick(split: str, preferred: tuple[str, ...], twins: frozenset[str] = frozenset()) -> str | None:
        losses = [(name, count) for name, s, kind, count in series if s == split and kind == "loss"]
        if not losses:
            return None
        by_lower: dict[str, tuple[str, int]] = {}
        for name, count in losses:  # names alike but for case ("loss" x20 per epoch, "Loss" x2 printed after): the longer series
            if name.lower() not in by_lower or count > by_lower[name.lower()][1]:
                by_lower[name.lower()] = (name, count)
        # Several preferred names: the run logged twice ("Train Loss" in a 90-epoch table, "Loss"
        # in the 41 epochs of raw log lines quoted under it): the most complete wins; a tie goes
        # to the earlier preference.
        found = [by_lower[candidate] for candidate in preferred if candidate in by_lower]
        if split != "train":
            found = _without_step_twins(found)
        if len(found) > 1 and epochs_of is not None:
            found = [_per_epoch(name, count, epochs_of(name)) for name, count in found]
        if found:
            best = max(found, key=lambda item: item[1:])[0]
            # The same loss averaged over a pass, logged more often than the raw value ("Epoch 2
            # completed. Average loss: 4.6090" each epoch, "Step 50, Loss: 4.8445" twice in
            # the run): the more complete of the two is the curve
            count = by_lower[best.lower()][1]
            averaged = [item for item in losses if item[1] > count and _average_of(item[0], best)]
            if averaged:
                return max(averaged, key=lambda item: (item[1], -len(item[0])))[0]
            # Too few epochs for a curve ("Epoch:1/50 Loss is :7216.7" in a 2-epoch run) beside
            # the same loss of each batch ("batch loss is :8973.0" every 10 iterations): the batches'
            # are the curve
            batches = [item for item in losses if item[1] >= _BATCHES_OVER_EPOCHS * count and _batch_of(item[0], best)]
            if count < MIN_EPOCH_CURVE and batches:
                return max(batches, key=lambda item: (item[1], -len(item[0])))[0]
            return best
        # A total over components says so ("total loss", "Total_Loss", "loss_total", "total",
        # "overall loss", "sum_loss", a VAE's "free_energy" or "-ELBO"): it is the loss the run optimises.
        # (A total printed once after the run, "Total Training Loss: 0.2224" under ten epochs of
        # "Training Loss", is its summary, not the curve: a total logged less than half as often
        # as the most logged loss is none.)
        most = max(count for _, count in losses)
        totals = [
            item for item in losses
            if (_TOTAL.search(item[0]) or _OBJECTIVE_SYMBOL.match(item[0]) or _FREE_ENERGY.search(item[0])
                or _NEGATIVE_ELBO.search(item[0])) and 2 * item[1] >= most
        ]
        averages = [item for item in losses if _AVERAGE.search(item[0]) and not _TOTAL.search(item[0])]
        if totals and averages:
            # "Average Evaluation Loss: 9.81" beside "Total eval loss: 12101.89": the total sums the
            # batches, the average is the loss per example the user follows
            return max(averages, key=lambda item: (item[1], -len(item[0])))[0]
        if totals:
            return max(totals, key=lambda item: (item[1], -len(item[0])))[0]
        # A total loss is named without a component; otherwise take the most logged one. Among
        # equals, a twin (the same name but for its split): the training loss with a held-out twin
        # ("Avg Generator Loss" beside "Avg Validation Generator Loss", not the shorter "Avg
        # Content Loss" that has none), the held-out twin of the training loss chosen ("dev_loss"
        # beside "train_loss", not "dev_nll"); then one whose own word says loss: second.pytorch's
        # "loss.cls_loss=45.38, ..., loss.dir_rt=0.7028" groups every term under "loss.", but the
        # direction term is no loss of its own. Then one whose name says "loss" before one taken
        # for a loss by its letter: a GAN's "loss_D 1.2668 | loss_G 0.7779 | D(real) +0.051" (that
        # "D" is the discriminator's score on real samples).
        # Last, terms of one cost printed side by side ("class cost: 6.60, locs_cost: 0.93", a
        # recurrent attention model's classification and location terms): the first printed.
        order = {name: position for position, (name, _) in enumerate(losses)}
        costs = sum(1 for name, _ in losses if _COST_TERM.search(name))
        return max(losses, key=lambda item: (
            item[1], _without_split(item[0]) in twins, not _term_of_the_loss(item[0]), _primary_leaf_is_loss(item[0]),
            "loss" in item[0].lower(),
            (_COST_TERM.search(item[0]) is not None, -order[item[0]]) if costs > 1 else (False, -len(item[0])),
        ))[0]

    def held_out_error() -> str | None:
        # No held-out loss at all: a regression's held-out error is its loss on held-out data
        # (SimGNN's "Model test error: 0.61" after each "Training Loss: 0.13"); a classification
        # error rate ("test_class_error", "top1 error") is not.
        errors = [
            (name, count) for name, s, _, count in series
            if s in ("val", "test") and _HELD_OUT_ERROR.search(name) and not _ERROR_RATE.search(name)
        ]
        return max(errors, key=lambda item: (item[1], -len(item[0])))[0] if errors else None

    held_out = frozenset(_without_split(name) for name, split, kind, _ in series if split in ("val", "test") and kind == "loss")
    train = pick("train", _PRIMARY_TRAIN, held_out)
    twin = frozenset((_without_split(train),)) if train is not None else frozenset()
    val = pick("val", _PRIMARY_VAL, twin) or pick("test", _PRIMARY_TEST, twin)
    if val is None and train is not None and (twin := _abbreviated_twin(train, series)) is not None:
        val = twin
    if train is None and val is None:
        critic = _critic_loss(series)
        return (critic, None) if critic is not None else _objective_metrics(series)
    return train, val if val is not None or train is None else held_out_error()


# What a gradient-boosting library prints each round is its objective's error on each data set
# ("[0]\ttrain-rmse:21.6\tvalidation_0-rmse:17.1" (XGBoost), "[10]\ttraining's l2: 0.31"
# (LightGBM)): a log with no loss at all follows those as its losses.
_OBJECTIVE_METRIC = re.compile(rf"(?:^|[-_ ./'])(?:rmse|mse|mae|l1|l2|rmsle|mape|m?error|huber){_END}", re.I)


# Splits abbreviated to their first letter, in pairs: "Epoch 1, t-loss 0.1277, v-loss 0.0513". ("v_loss"
# alone is no split: an RL agent's value loss.)
_ABBREVIATED_TRAIN = re.compile(r"(?i:t)([-_ ])(.+)")


def _abbreviated_twin(train: str, series: list[tuple[str, str, str, int]]) -> str | None:
    """The held-out loss paired with a train loss named by the splits' first letters ("v-loss" beside
    "t-loss"), or None."""
    match = _ABBREVIATED_TRAIN.fullmatch(train)
    if match is None:
        return None
    wanted = {f"{v}{match.group(1)}{match.group(2)}" for v in "vV"}
    return next((name for name, _, kind, _ in series if kind == "loss" and name in wanted), None)


def _without_step_twins(found: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A held-out loss Lightning logs per step beside its epoch column ("val_loss_step",
    "val_loss_epoch") is the loss of each validation batch, the model unchanged between them: the
    epoch column is the held-out curve, however many more batches the step column has."""
    names = {name.lower() for name, _ in found}
    return [item for item in found if not (item[0].lower().endswith("_step") and item[0].lower()[:-5] + "_epoch" in names)]


def _per_epoch(name: str, count: int, epochs: int | None) -> tuple[str, int, bool]:
    """(name, completeness, True for a summary) of a preferred train loss. A loss printed on batch
    lines under the epoch's step ("Epoch 1, Batch 50, Loss: 13.1194", several records per step)
    samples one batch; the epoch's own line ("Epoch 1: Train Loss: 18.0524, Val Loss: 17.1897")
    holds the epoch mean, which is what a user follows (tests/corpus/README.md: "the epoch summary
    is the primary series"). Their completeness is compared in epochs, the batch lines' epoch under
    way not counted (its summary is not printed yet); a tie goes to the summary."""
    if epochs is None:
        return name, count, True
    return name, max(epochs - 1, 0), False


# An actor-critic agent's losses printed bare by network name, in a log that names no loss: SAC's
# "step=  1,000 | critic=31.6799 | actor=-4.7498 | alpha=0.7615", "[Step 5000] Critic: ... |
# Actor: ...", PPO's "Actor: ..., Critic: ..., Entropy: ..." or "policy ... value ...". The names
# come in pairs, a critic beside an actor (a "value" beside a "policy"): "critic" alone is a WGAN's
# or an LLM judge's, "value" alone an estimate. The critic's loss is the one to follow: a TD or
# value regression, never negative; the actor's is minus a Q value (plus an entropy term), of any
# sign, and climbs with the critic's estimates.
# (An AlphaZero-style self-play trainer abbreviates both: "pl=2.3430 vl=0.1917", the policy head's
# loss and the value head's.)
_CRITIC_NET = re.compile(r"(?i:(critic|value|vl)(?:[ _-]?+\d)?+)")
_ACTOR_NET = re.compile(r"(?i:(actor|policy|pl)(?:[ _-]?+\d)?+)")


def _critic_loss(series: list[tuple[str, str, str, int]]) -> str | None:
    """The most logged train series named by an actor-critic agent's critic, when its actor is
    logged too (see _CRITIC_NET), else None."""
    actors = set()
    critics = []
    for name, split, kind, count in series:
        if split != "train" or kind != "other":
            continue
        actor = _ACTOR_NET.fullmatch(name)
        if actor is not None:
            actors.add(actor.group(1).lower())
            continue
        critic = _CRITIC_NET.fullmatch(name)
        if critic is not None:
            critics.append((name, count, critic.group(1).lower()))
    paired = [
        (name, count) for name, count, word in critics
        if (word == "critic" and actors) or (word == "value" and "policy" in actors) or (word == "vl" and "pl" in actors)
    ]
    return max(paired, key=lambda item: (item[1], -len(item[0])))[0] if paired else None


def _objective_metrics(series: list[tuple[str, str, str, int]]) -> tuple[str | None, str | None]:
    """(train, held-out) of a log without a loss: its most logged training objective metric, and
    the held-out series of the same metric (the same name but for its split words). A training
    metric printed beside its held-out twin comes first: a booster's watchlist ("[0]\ttrain-rmse:1.81
    \tval-rmse:1.85") is the run's curve, a bare "RMSE=0.4596" printed more often by a sweep over
    separate fits is not."""
    objectives = [(name, split, count) for name, split, _, count in series if _OBJECTIVE_METRIC.search(name)]
    trained = [(name, count) for name, split, count in objectives if split == "train"]
    if not trained:
        return None, None
    twins = {_without_split(name).lower() for name, split, _ in objectives if split != "train"}
    train = max(trained, key=lambda item: (_without_split(item[0]).lower() in twins and item[0].lower() != _without_split(item[0]).lower(), item[1], -len(item[0])))[0]
    metric = _OBJECTIVE_METRIC.search(train).group(0).strip("-_ ./'").lower()
    held_out = [
        (name, count) for name, split, count in objectives
        if split != "train" and _OBJECTIVE_METRIC.search(name).group(0).strip("-_ ./'").lower() == metric
    ]
    return train, max(held_out, key=lambda item: (item[1], -len(item[0])))[0] if held_out else None


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def printable_name(name: str) -> str:
    """A series name safe to print on a terminal: names decoded from JSON (``"loss\\u001b[31m"``)
    may hold escape sequences and control characters, which a report must never pass on."""
    from lossmon.engine.lines import clean_text

    return _UNPRINTABLE.sub(" ", clean_text(name)).strip() or "?"
