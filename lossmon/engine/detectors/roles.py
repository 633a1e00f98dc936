"""Which series play which role for the detectors."""

from __future__ import annotations

import re

from lossmon.engine.detectors.stats.returns import RETURN_NAME
from lossmon.engine.detectors.stats.task_score import task_score_names
from lossmon.engine.store import SeriesStore

# A counter of iterations skipped for NaNs (Megatron's "number of nan iterations"): a count, never
# itself a non-finite value, and no schedule.
NAN_COUNTER = re.compile(r"nan iterations|nan_iterations|num_nan", re.I)
# Classification and detection metrics, and the overlap scores of generated text (BLEU, also as
# "BLUE", its common misspelling in hand-written logs; ROUGE, METEOR, chrF, CIDEr, exact match): a
# translation model whose BLEU reads 0 at every evaluation while its loss falls 5.6 -> 1.0 learns
# nothing it is scored on. Speech recognition's word and character error rates too (WER, CER:
# lower is better, as whole words only: never "power" or "lower").
_CLASSIFICATION_METRIC = re.compile(
    r"recall|precision|f1|acc|auc|map|iou|dice|top|bleu|blue|rouge|meteor|chrf|cider|exact[-_ ]?match"
    r"|(?<![a-z])[wc]er(?![a-z])", re.I
)
_PREFERRED_GRAD_NORM = ("grad_norm", "grad norm", "gnorm", "norm", "train/grad_norm")
_EPOCH = ("epoch", "train/epoch")
# YOLO's first parameter group holds the biases, whose lr is warmed *down* from warmup_bias_lr
# (0.1) while the weights' groups warm up from 0: the schedule is the next group's (YOLOv5's
# x/lr0 -> x/lr1, Ultralytics' lr/pg0 -> lr/pg1).
_BIAS_GROUP_LR = re.compile(r"(x/lr|lr/pg)0")
# Piecewise-constant series that are no schedule: some change *because* of an instability (the
# fp16 loss scale halves on an overflow, skipped-iteration counters count them), others measure
# the run (memory, time) or count its progress (epochs, steps).
_NOT_SCHEDULE = re.compile(r"scale|skipped|nan|overflow|inf|mem|time|epoch|^ep$|step|iter", re.I)


def _weights_lr(chosen: list[str], names: list[str]) -> list[str]:
    """The lr that shows the schedule: YOLO's weights' group rather than its biases' (see _BIAS_GROUP_LR)."""
    bias = _BIAS_GROUP_LR.fullmatch(chosen[0]) if chosen else None
    if bias is not None and f"{bias.group(1)}1" in names:
        return [f"{bias.group(1)}1"]
    return chosen


def resolve_roles(store: SeriesStore) -> dict[str, list[str]]:
    """role → the names of the series that play it."""
    by_kind: dict[str, list[str]] = {}
    for series in store:
        by_kind.setdefault(series.kind, []).append(series.name)

    def first(kind: str, preferred: tuple[str, ...]) -> list[str]:
        names = by_kind.get(kind, [])
        lowered = {name.lower(): name for name in names}
        for candidate in preferred:
            if candidate in lowered:
                return [lowered[candidate]]
        return names[:1]

    return {
        "train_loss": [store.primary_train] if store.primary_train else [],
        "val_loss": [store.primary_val] if store.primary_val else [],
        "grad_norm": first("grad_norm", _PREFERRED_GRAD_NORM),
        "lr": _weights_lr(first("lr", ("lr", "learning_rate", "learning rate")), by_kind.get("lr", [])),
        "epoch": [name for name in store.series if name.lower() in _EPOCH][:1],
        # Every loss and grad norm, plus counters of NaN iterations (Megatron).
        "monitored": [
            s.name for s in store if s.kind in ("loss", "grad_norm") or NAN_COUNTER.search(s.name)
        ],
        # Series a trainer may step as a schedule or curriculum (K = 1 -> 7, a stage, a sequence
        # length, a batch size): any other train series but the epoch; only a value held for
        # several points and then changed counts (context HELD_BEFORE_CHANGE), which a counter or
        # a measurement that moves every point never is.
        "schedule": [
            s.name for s in store
            if s.kind == "other" and s.split == "train" and s.name.lower() not in _EPOCH
            and not NAN_COUNTER.search(s.name) and not _NOT_SCHEDULE.search(s.name)
        ],
        # An RL run's episode return (the first one logged): how the run is doing.
        "reward": [s.name for s in store if s.kind in ("other", "metric") and RETURN_NAME.search(s.name)][:1],
        "classification_metric": [
            s.name for s in store if s.kind == "metric" and _CLASSIFICATION_METRIC.search(s.name)
        ],
        # The held-out score the run is for (mAP, accuracy, ...): what an overfitting alert asks.
        "task_score": task_score_names([(s.name, s.split) for s in store if s.kind == "metric"]),
    }


SIBLING_SCORE = "sibling_score"  # a context role played, for each score, by its sibling (score_siblings)
# A score whose 0 means nothing predicted (see contradictory_metrics), as a name's last word.
_ZERO_SCORE_WORD = re.compile(r"(?i:f1|recall|precision|iou|miou|dice|jaccard)")
_WORDS = re.compile(r"[ _/.-]+")


def score_siblings(store: SeriesStore) -> dict[str, str]:
    """classification metric → another score of the same kind on the same split whose name differs
    from it by one qualifier ("training ae f1" beside "training ed f1"; "f1_class3" beside
    "f1_class0"): a head, task or class scored alike. The first such series, by name."""
    groups: dict[tuple[str, str, int, int], list[tuple[str, list[str]]]] = {}
    for series in store:
        if series.kind != "metric":
            continue
        words = [word for word in _WORDS.split(series.name.lower()) if word]
        scored = [k for k, word in enumerate(words) if _ZERO_SCORE_WORD.fullmatch(word)]
        if len(scored) != 1 or len(words) < 2:
            continue
        key = (series.split, words[scored[0]], scored[0], len(words))
        groups.setdefault(key, []).append((series.name, words))
    siblings = {}
    for members in groups.values():
        # names one word apart share that name with the word left out: linear in the group's size
        # (a per-class report may log a thousand "f1_class<k>"), not a comparison of every pair
        left_out: dict[tuple[int, tuple[str, ...]], list[str]] = {}  # → its two first names
        for name, words in members:
            for k in range(len(words)):
                first = left_out.setdefault((k, (*words[:k], *words[k + 1 :])), [])
                first[:] = sorted((*first, name))[:2]
        for name, words in members:
            others = [
                other for k in range(len(words))
                for other in left_out[(k, (*words[:k], *words[k + 1 :]))] if other != name
            ]
            if others:
                siblings[name] = min(others)
    return siblings
