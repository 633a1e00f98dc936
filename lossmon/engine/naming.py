"""What a metric name means: its split (train/val/test), its kind, whether it is a metric at all,
and which series are the primary training and validation losses."""

from __future__ import annotations

import re

SPLITS = ("train", "val", "test")
KINDS = ("loss", "metric", "lr", "grad_norm", "other")

_WORD = r"(?:^|(?<=[\s/_.\-(]))"
_END = r"(?=$|[\s/_.\-)])"
_VAL = re.compile(rf"{_WORD}(?:val|valid|validation|eval|evaluation|dev|tel)(?:-[\w-]+)?{_END}", re.I)
_TEST = re.compile(rf"{_WORD}(?:test|predict|testing){_END}", re.I)

_LR = re.compile(rf"{_WORD}(?:lr|learning[ _]rate|base_lr)(?:{_END}|/pg\d)", re.I)
_GRAD_NORM = re.compile(
    rf"{_WORD}(?:grad(?:ient)?[ _]?norm|gnorm|norm)(?:_(?:pre|post)_clip)?{_END}", re.I
)
_NOT_GRAD_NORM = re.compile(r"param|weight|embed", re.I)
_LOSS = re.compile(rf"loss|{_WORD}(?:trl|tel|nll|ce|xent|cross_entropy){_END}", re.I)
_LOSS_SCALE = re.compile(r"loss[ _]scal", re.I)
_METRIC = re.compile(
    r"acc|recall|precision|f1|auc|map|top[-_]?\d|wer|cer|bleu|rouge|iou|dice|ppl|perplexity|"
    r"score|mse|mae|rmse|{_WORD}eval{_END}".replace("{_WORD}", _WORD).replace("{_END}", _END),
    re.I,
)

# Numbers that are not training metrics: counters, clocks, durations, progress, ids.
_IGNORED = re.compile(
    r"^(?:step|steps|global_step|iter|iters|iteration|current_steps|total_steps|num_updates|"
    r"update|_step|_timestamp|timestamp|v_num|eta|total_flos|percentage|progress|batch|"
    r"consumed samples|consumed tokens|consumed_samples|num_input_tokens_seen|bsz|wpb|"
    r"global batch size|global_batch_size|world_size)$"
    r"|(?:^|[ _/])(?:time|runtime|wall|elapsed|remaining|eta|step_avg|train_wall|data_time)"
    r"(?:$|[ _/(])"
    r"|_per_second$|per iteration|timing",
    re.I,
)


def is_metric_name(name: str) -> bool:
    """False for counters, clocks and durations, which would only clutter the charts."""
    return _IGNORED.search(name) is None


def split_of(name: str) -> str:
    if _TEST.search(name):
        return "test"
    if _VAL.search(name):
        return "val"
    return "train"


def kind_of(name: str) -> str:
    if _LR.search(name):
        return "lr"
    if _LOSS_SCALE.search(name):
        return "other"
    if _GRAD_NORM.search(name) and not _NOT_GRAD_NORM.search(name):
        return "grad_norm"
    if _LOSS.search(name) and not re.search(r"ppl|perplexity", name, re.I):
        return "loss"
    if _METRIC.search(name):
        return "metric"
    return "other"


# Preferred main losses, best first; names are compared lower-cased.
_PRIMARY_TRAIN = (
    "loss", "lm loss", "train_loss_step", "train/loss", "train_loss", "train loss", "trl",
    "reduced_train_loss", "total_loss", "train/total_loss", "loss_total",
)
_PRIMARY_VAL = (
    "val_loss", "eval_loss", "val/loss", "eval/loss", "valid/loss", "val loss", "tel",
    "validation lm loss", "validation loss", "val_loss_epoch", "valid_loss", "validation_loss",
)


def choose_primary(series: list[tuple[str, str, str, int]]) -> tuple[str | None, str | None]:
    """Pick (train, val) primary losses from (name, split, kind, count) tuples."""

    def pick(split: str, preferred: tuple[str, ...]) -> str | None:
        losses = [(name, count) for name, s, kind, count in series if s == split and kind == "loss"]
        if not losses:
            return None
        by_lower = {name.lower(): name for name, _ in losses}
        for candidate in preferred:
            if candidate in by_lower:
                return by_lower[candidate]
        # A total loss is named without a component; otherwise take the most logged one.
        return max(losses, key=lambda item: (item[1], -len(item[0])))[0]

    return pick("train", _PRIMARY_TRAIN), pick("val", _PRIMARY_VAL)
