"""Seeded synthetic training runs with labelled pathologies and hard negatives.

A run is what a training log holds: a train loss at every logged point, and depending on the run
a learning rate, a grad norm, an epoch counter, an eval stream (val loss, recall). The healthy
curve follows the usual picture of training:

* loss = floor + A * (t + t0)^-beta (power law) or floor + A * exp(-t / T) (exponential), where
  t is the *optimizer progress* (the cumulative lr, so warm-up slows it and decay speeds up
  annealing), plus a term proportional to the lr (the noise floor that drops when the lr drops);
* lr schedules: warm-up then constant, cosine, step (x0.1 at 50% and 75%), WSD (decay over the
  last 20%), SGDR warm restarts;
* multiplicative noise: AR(1) in log space, phi in [0, 0.7], sigma in [1%, 10%], Gaussian or
  Student-t (3 degrees of freedom, shocks clipped at 5 standard deviations);
* one logged point every L in {1, 10, 50} steps; evals every 50 or 100 points with their own
  noise; grad norm log-normal around a slowly decaying level, high for the first points.

Windows (where an alarm counts as a detection) follow the field guide's section 7.3, with its
step counts read as *logged points* (the guide assumes one point per step), converted to steps
with each run's logging interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from lossmon.engine.detectors.stats.vector import ewm

PATHOLOGIES = (
    "exploding_loss", "nan_or_inf", "not_converging", "plateau", "overfitting",
    "contradictory_metrics", "stuck_periodic", "grad_explosion", "grad_vanishing",
)
HARD_NEGATIVES = (
    "plain", "warmup_rise", "lr_drops", "restarts", "rare_spikes", "staircase", "keras_running_average",
    "resumed", "wsd", "saturated", "restarts_noisy",
)


@dataclass
class Label:
    pathology: str
    start: float  # step
    lo: float  # detection window, in steps: an alarm here detects the event
    hi: float
    end: float | None = None  # the last step the pathology lasts (alarms until then are not false)

    @property
    def last(self) -> float:
        return self.hi if self.end is None else max(self.hi, self.end)


@dataclass
class Run:
    name: str
    group: str  # "healthy/<negative>" or the injected pathology
    interval: int  # steps per logged point
    steps: np.ndarray
    series: dict[str, np.ndarray]  # per train point: loss, lr, grad_norm, epoch (NaN: not logged)
    eval_steps: np.ndarray = field(default_factory=lambda: np.empty(0))
    evals: dict[str, np.ndarray] = field(default_factory=dict)  # per eval: val_loss, recall
    attrs: dict[str, dict] = field(default_factory=dict)
    labels: list[Label] = field(default_factory=list)

    @property
    def points(self) -> int:
        return len(self.steps)


# Healthy curves ------------------------------------------------------------------------------


def schedule(rng, n: int, kind: str) -> np.ndarray:
    """lr per point, peak 1 (scaled later), with a linear warm-up."""
    t = np.arange(n, dtype=np.float64)
    warm = max(1, int(n * rng.uniform(0.01, 0.05)))
    ramp = np.minimum(1.0, (t + 1) / warm)
    if kind == "constant":
        shape = np.ones(n)
    elif kind == "cosine":
        shape = 0.5 * (1 + np.cos(np.pi * np.clip((t - warm) / (n - warm), 0, 1))) * 0.95 + 0.05
    elif kind == "step":
        shape = np.where(t < 0.5 * n, 1.0, np.where(t < 0.75 * n, 0.1, 0.01))
    elif kind == "wsd":
        decay = 0.8 * n
        shape = np.where(t < decay, 1.0, np.maximum(0.01, 1 - (t - decay) / (n - decay)))
    elif kind == "restarts":
        cycle = n // rng.integers(3, 6)
        phase = (t % cycle) / cycle
        shape = 0.5 * (1 + np.cos(np.pi * phase)) * 0.9 + 0.1
        return shape  # warm restarts: the lr jumps back up at each cycle start
    else:
        raise ValueError(kind)
    return ramp * shape


def noise(rng, n: int, sigma: float, phi: float, heavy: bool) -> np.ndarray:
    """AR(1) noise with standard deviation ``sigma``: Gaussian or Student-t (3 dof) shocks."""
    # Student-t shocks are clipped at 5 standard deviations: a larger one is a spike by any
    # definition, and spikes are injected (and labelled) on purpose.
    shocks = np.clip(rng.standard_t(3, n) / math.sqrt(3.0), -5, 5) if heavy else rng.standard_normal(n)
    shocks *= sigma * math.sqrt(1 - phi**2)
    if phi < 1e-3:
        return shocks
    # x_t = phi x_{t-1} + e_t is an EWMA of e_t / (1 - phi) with weight phi.
    out, _ = ewm(shocks / (1.0 - phi), phi, 0.0)
    return out


def healthy(rng, name: str, group: str, n: int | None = None, sched: str | None = None, **opts) -> Run:
    n = n or int(rng.integers(2000, 6001))
    interval = int(opts.get("interval", rng.choice([1, 10, 50])))
    sched = sched or str(rng.choice(["constant", "cosine", "step", "wsd"]))
    lr = schedule(rng, n, sched)
    progress = np.cumsum(lr) / n * rng.uniform(200, 2000)  # optimizer progress
    floor = rng.uniform(0.05, 2.5)
    start = floor + rng.uniform(1.0, 10.0)
    if rng.random() < 0.5:
        beta, t0 = rng.uniform(0.3, 0.8), 1.0
        curve = floor + (start - floor) * (progress + t0) ** -beta
    else:
        scale = rng.uniform(5, 100)
        curve = floor + (start - floor) * np.exp(-progress / scale)
    curve = curve + floor * rng.uniform(0.0, 0.15) * lr  # lr-dependent noise floor
    sigma = float(opts.get("sigma", rng.uniform(0.01, 0.10)))
    log_noise = noise(rng, n, sigma, rng.uniform(0.0, 0.7), bool(opts.get("heavy", rng.random() < 0.5)))
    loss = curve * np.exp(log_noise)
    steps = (np.arange(n) + 1.0) * interval
    series = {"loss": loss}
    if opts.get("lr", rng.random() < 0.8):
        series["lr"] = lr * 10 ** rng.uniform(-4.5, -2.5)
    if opts.get("grad", rng.random() < 0.6):
        level = rng.uniform(0.2, 2.0) * (1 + 4 * np.exp(-np.arange(n) / (0.02 * n)))
        series["grad_norm"] = level * np.exp(noise(rng, n, rng.uniform(0.05, 0.25), rng.uniform(0, 0.5), False))
    epoch_points = int(rng.integers(150, 600))
    if opts.get("epoch", rng.random() < 0.6):
        series["epoch"] = np.arange(n, dtype=np.float64) / epoch_points
    run = Run(name, group, interval, steps, series)
    run.attrs["epoch_points"] = {"value": epoch_points}
    every = int(rng.choice([50, 100]))
    if opts.get("evals", rng.random() < 0.7):
        at = np.arange(every - 1, n, every)
        run.eval_steps = steps[at]
        gap = rng.uniform(1.0, 1.3)
        eval_noise = rng.uniform(0.003, 0.02)
        run.evals["val_loss"] = curve[at] * gap * np.exp(eval_noise * rng.standard_normal(len(at)))
        if opts.get("recall", rng.random() < 0.3):
            fraction = np.linspace(0, 1, len(at))
            recall = 0.2 + 0.7 * (1 - np.exp(-4 * fraction)) + 0.02 * rng.standard_normal(len(at))
            run.evals["recall"] = np.round(np.clip(recall, 0, 1), 4)
    return run


# Pathologies -----------------------------------------------------------------------------------


def _points_window(run: Run, start_index: int, pre: float, post: float, pathology: str, lasting: bool = True) -> Label:
    """A label whose window spans ``pre`` points before to ``post`` points after the start; a
    lasting pathology goes on to the end of the run."""
    start = float(run.steps[start_index])
    end = float(run.steps[-1]) if lasting else None
    return Label(pathology, start, start - pre * run.interval, start + post * run.interval, end)


def inject(rng, run: Run, pathology: str) -> Run:
    n = run.points
    loss = run.series["loss"]
    if pathology == "exploding_loss":
        t0 = int(rng.integers(int(0.2 * n), int(0.9 * n)))
        if rng.random() < 0.6:  # a spike, gone at once or over tens of points
            factor = math.exp(rng.uniform(math.log(3), math.log(30)))
            recovery = 0.0 if rng.random() < 0.4 else rng.uniform(3, 50)
            k = np.arange(n - t0)
            shape = np.exp(-k / recovery) if recovery else (k == 0).astype(float)
            loss[t0:] *= factor ** shape
            label = _points_window(run, t0, 10, 20, pathology, lasting=False)
            label.end = label.start + 5 * recovery * run.interval
            run.labels.append(label)
        else:  # divergence: the log-loss climbs linearly (0.2%..2% per point)
            rate = math.exp(rng.uniform(math.log(0.002), math.log(0.02)))
            loss[t0:] *= np.exp(rate * np.arange(n - t0))
            run.labels.append(_points_window(run, t0, 0, 500, pathology))
            _cut_evals(run, t0)
    elif pathology == "nan_or_inf":
        t0 = int(rng.integers(int(0.1 * n), n))
        kind = rng.choice(["nan", "inf", "hf_signature", "megatron_counter"])
        if kind == "hf_signature":  # HF filters the NaN out of the loss; the grad norm shows it
            run.series.setdefault("grad_norm", np.full(n, 0.5))
            loss[t0:] = 0.0
            run.series["grad_norm"][t0:] = np.nan
        elif kind == "megatron_counter":
            counter = np.zeros(n)
            counter[t0] = rng.integers(1, 5)
            run.series["number of nan iterations"] = counter
            run.labels.append(_points_window(run, t0, 0, 0, pathology, lasting=False))
            _cut_evals(run, t0)
            return run
        else:
            loss[t0:] = np.nan if kind == "nan" else np.inf
        run.labels.append(_points_window(run, t0, 0, 0, pathology))
        _cut_evals(run, t0)
    elif pathology == "not_converging":
        t0 = 0 if rng.random() < 0.5 else int(rng.integers(int(0.2 * n), int(0.6 * n)))
        level = math.log(loss[t0 - 1] if t0 else loss[: max(20, n // 100)].mean())
        swing = rng.uniform(0.4, 1.0)
        if rng.random() < 0.5:  # zig-zag: strongly negative lag-1 correlation
            bounce = noise(rng, n - t0, swing, 0.0, False) * np.where(np.arange(n - t0) % 2, 1, -1)
        else:  # slow, wide, irregular wandering around a level that does not fall
            bounce = noise(rng, n - t0, swing, rng.uniform(0.8, 0.95), False)
            bounce += noise(rng, n - t0, swing / 3, 0.0, False)
        loss[t0:] = np.exp(level + bounce)
        run.labels.append(_points_window(run, t0, 0, 1000, pathology))
        _cut_evals(run, t0)
    elif pathology == "plateau":
        k = int(rng.choice([2, 10, 100, 1000, 32000]))
        sigma = rng.uniform(0.005, 0.05)
        loss[:] = math.log(k) * np.exp(noise(rng, n, sigma, rng.uniform(0, 0.5), False))
        if "lr" in run.series and rng.random() < 0.5:
            run.series["lr"][:] = 0.0
        if "val_loss" in run.evals:
            run.evals["val_loss"] = math.log(k) * np.exp(0.005 * rng.standard_normal(len(run.eval_steps)))
        run.labels.append(_points_window(run, 0, 0, max(2000, 0.1 * n), pathology))
    elif pathology == "overfitting":
        if not len(run.eval_steps):
            _add_evals(rng, run)
        e = len(run.eval_steps)
        e0 = int(rng.integers(max(3, int(0.3 * e)), max(4, int(0.7 * e))))
        rise = rng.uniform(0.03, 0.10)
        val = run.evals["val_loss"]
        val[e0:] = val[e0 - 1] * np.exp(rise * np.arange(1, e - e0 + 1)) * np.exp(0.005 * rng.standard_normal(e - e0))
        # Meanwhile the train loss keeps falling (memorisation): 3% per eval interval.
        first = int(np.searchsorted(run.steps, run.eval_steps[e0 - 1]))
        per_point = 0.03 / (first / e0 if e0 else 100)
        loss[first:] *= np.exp(-per_point * np.arange(n - first))
        start = float(run.eval_steps[e0])
        every = float(run.eval_steps[1] - run.eval_steps[0])
        run.labels.append(Label(pathology, start, start - every, start + 3 * every, float(run.steps[-1])))
    elif pathology == "contradictory_metrics":
        if not len(run.eval_steps):
            _add_evals(rng, run)
        e = len(run.eval_steps)
        # The metric gets stuck where the loss still falls (>= 15% over the next 4 evals):
        # a frozen metric next to a frozen loss contradicts nothing.
        at = np.searchsorted(run.steps, run.eval_steps)
        level = np.array([loss[max(0, a - 20) : a + 1].mean() for a in at])
        falling = np.flatnonzero(level[4:] < 0.85 * level[:-4]) if e > 4 else np.empty(0, int)
        e0 = int(rng.choice(falling[falling >= 2])) if rng.random() < 0.4 and (falling >= 2).any() else 0
        recall = run.evals.get("recall")
        if recall is None:
            recall = run.evals["recall"] = np.round(np.linspace(0.1, 0.8, e), 4)
        kind = rng.choice(["zero", "frozen", "auc"], p=[0.6, 0.2, 0.2])
        if kind == "zero":  # recall falls to 0 (the model predicts the majority class only)
            recall[e0:] = 0.0
        elif kind == "frozen":  # an accuracy at the majority-class rate that never moves
            e0 = 0
            run.evals["accuracy"] = np.full(e, round(float(rng.uniform(0.5, 0.95)), 4))
            del run.evals["recall"]
        else:  # an AUC at 0.5: the scores rank like a coin
            auc = np.round(np.linspace(0.55, 0.9, e), 4)
            auc[e0:] = 0.5
            run.evals["val_auc"] = auc
            del run.evals["recall"]
        if e0 == 0 and kind == "zero":
            recall[:] = 0.0
        start = float(run.eval_steps[e0])
        every = float(run.eval_steps[1] - run.eval_steps[0])
        run.labels.append(Label(pathology, start, start, start + 5 * every, float(run.steps[-1])))
    elif pathology == "stuck_periodic":
        known = "epoch" in run.series
        period = int(run.attrs["epoch_points"]["value"]) if known else int(rng.integers(40, 160))
        if n < 8 * period:  # a pattern needs epochs to repeat in: at least 8
            run = healthy(rng, run.name, run.group, n=8 * period, evals=False)
            run.series["epoch"] = np.arange(8 * period, dtype=np.float64) / period if known else None
            if not known:
                run.series.pop("epoch")
            run.attrs["epoch_points"] = {"value": period}
            n, loss = run.points, run.series["loss"]
        sigma = float(np.median(np.abs(np.diff(np.log(loss[n // 2 :]))))) * 1.4826 / math.sqrt(2)
        amplitude = rng.uniform(1.0, 3.0) * max(sigma, 0.01)
        position = (np.arange(n) % period) / period
        if rng.random() < 0.5:  # class-sorted data: a level per class block
            classes = int(rng.integers(2, 6))
            offsets = rng.uniform(-1, 1, classes)
            offsets = (offsets - offsets.mean()) / (offsets.std() + 1e-9)
            pattern = offsets[np.minimum((position * classes).astype(int), classes - 1)]
        else:  # a smooth repeating bump
            pattern = np.sin(2 * np.pi * position + rng.uniform(0, 6)) * math.sqrt(2)
        loss *= np.exp(amplitude * pattern)
        post = 6 * period if known else 2000
        run.labels.append(_points_window(run, 0, 0, post, pathology))
    elif pathology == "grad_explosion":
        grad = run.series.setdefault("grad_norm", 0.5 * np.exp(0.1 * rng.standard_normal(n)))
        t0 = int(rng.integers(int(0.2 * n), int(0.9 * n)))
        growth = math.exp(rng.uniform(math.log(20), math.log(1000)))
        ramp = int(rng.integers(1, 6))
        k = np.arange(n - t0)
        stays = rng.random() < 0.5
        shape = np.minimum(1.0, (k + 1) / ramp) if stays else np.where(k < ramp, (k + 1) / ramp, np.exp(-(k - ramp) / 5.0))
        grad[t0:] *= growth**shape
        run.labels.append(_points_window(run, t0, 0, 20, pathology, lasting=stays))
    elif pathology == "grad_vanishing":
        grad = run.series.setdefault("grad_norm", 0.5 * np.exp(0.1 * rng.standard_normal(n)))
        t0 = int(rng.integers(int(0.2 * n), int(0.7 * n)))
        depth = math.exp(rng.uniform(math.log(1e3), math.log(1e6)))
        k = np.arange(n - t0)
        grad[t0:] *= depth ** -np.minimum(1.0, k / rng.uniform(20, 100))
        run.labels.append(_points_window(run, t0, 0, 1000, pathology))
    else:
        raise ValueError(pathology)
    return run


def _cut_evals(run: Run, t0: int) -> None:
    """Evals after a blow-up would blow up too: keep the eval stream out of it."""
    if len(run.eval_steps):
        keep = run.eval_steps < run.steps[t0]
        run.eval_steps = run.eval_steps[keep]
        run.evals = {name: values[keep] for name, values in run.evals.items()}


def _add_evals(rng, run: Run) -> None:
    n, every = run.points, 100
    at = np.arange(every - 1, n, every)
    run.eval_steps = run.steps[at]
    trend = np.exp(np.convolve(np.log(run.series["loss"]), np.ones(50) / 50, mode="same"))
    run.evals["val_loss"] = trend[at] * 1.1 * np.exp(0.01 * rng.standard_normal(len(at)))


# Hard negatives --------------------------------------------------------------------------------


def negative(rng, name: str, kind: str) -> Run:
    group = f"healthy/{kind}"
    if kind == "plain":
        return healthy(rng, name, group)
    if kind == "wsd":
        return healthy(rng, name, group, sched="wsd")
    if kind == "lr_drops":
        return healthy(rng, name, group, sched="step")
    if kind == "restarts":  # SGDR: the loss rises after each restart (the lr is logged)
        return healthy(rng, name, group, sched="restarts", lr=True)
    if kind == "restarts_noisy":  # SGDR on a per-batch log whose loss scatters 5-25% per batch
        # (Gaussian: with heavy tails at this noise, single batches 3-4x up are spikes by any rule)
        return healthy(rng, name, group, sched="restarts", lr=True, interval=1, sigma=rng.uniform(0.05, 0.25), heavy=False)
    if kind == "saturated":  # a metric that rises, then stops at a good value while the loss creeps down
        run = healthy(rng, name, group, evals=True, recall=False)
        e = len(run.eval_steps)
        top1 = rng.random() < 0.5
        ceiling = 87.5 if top1 else 0.9
        rise = np.minimum(1.0, np.arange(1, e + 1) / max(2, int(e * rng.uniform(0.2, 0.5))))
        values = np.round(ceiling * (0.5 + 0.5 * rise), 4)
        run.evals["eval_top1" if top1 else "val_accuracy"] = values
        return run
    run = healthy(rng, name, group)
    loss, n = run.series["loss"], run.points
    if kind == "warmup_rise":  # the loss rises 10-30% while the lr warms up, then falls
        bump_end = max(10, int(n * rng.uniform(0.01, 0.04)))
        k = np.arange(n)
        loss *= 1 + rng.uniform(0.1, 0.3) * np.where(k < bump_end, k / bump_end, np.exp(-(k - bump_end) / bump_end))
    elif kind == "rare_spikes":  # single points 1.3-1.6x, about one per 2000 points
        at = rng.choice(n, size=max(1, n // 2000), replace=False)
        loss[at] *= rng.uniform(1.3, 1.6, len(at))
    elif kind == "staircase":  # multi-epoch memorisation: flat within an epoch, a drop at each boundary
        period = int(run.attrs["epoch_points"]["value"])
        run.series["epoch"] = np.arange(n, dtype=np.float64) / period
        epochs = np.arange(n) // period
        log_loss = np.log(loss)
        epoch_means = np.array([log_loss[epochs == e].mean() for e in range(epochs.max() + 1)])
        drop = rng.uniform(0.05, 0.3)
        run.series["loss"] = np.exp(epoch_means[epochs] - drop * epochs + (log_loss - np.repeat(epoch_means, period)[:n]))
    elif kind == "keras_running_average":  # running mean of the epoch so far: a sawtooth
        period = int(run.attrs["epoch_points"]["value"])
        epochs = np.arange(n) // period
        out = np.empty(n)
        for e in range(epochs.max() + 1):
            part = loss[epochs == e]
            out[epochs == e] = np.cumsum(part) / np.arange(1, len(part) + 1)
        run.series["loss"] = out
        run.attrs["loss"] = {"epoch_running_average": True}
        run.series.pop("epoch", None)
    elif kind == "resumed":  # resumed from a checkpoint: the steps go back and the curve repeats
        cut = int(n * rng.uniform(0.4, 0.7))
        back = int(cut * rng.uniform(0.5, 0.9))
        order = np.concatenate((np.arange(cut), np.arange(back, n)))
        run.steps = run.steps[order]
        run.series = {name: values[order] for name, values in run.series.items()}
        replay = noise(rng, len(order), 0.02, 0.0, False)
        run.series["loss"] = run.series["loss"] * np.exp(np.where(np.arange(len(order)) >= cut, replay, 0.0))
        run.eval_steps = np.empty(0)
        run.evals = {}
    else:
        raise ValueError(kind)
    return run


def warmup_blowup(rng, name: str) -> Run:
    """A language model's loss that blows up while the lr still warms up: it starts at its chance
    level ln(V) and jumps to 2.2-4x that level within the first 30 points (Megatron lm loss 12.1 ->
    26.5 at iteration 30), then comes back down."""
    vocab = int(rng.choice([32000, 50257, 128256]))
    run = healthy(rng, name, "exploding_loss/warmup", lr=True, sched="cosine", interval=int(rng.choice([1, 10])))
    n = run.points
    warm = int(np.argmax(run.series["lr"] >= run.series["lr"].max() * 0.999))
    run.series["lr"][: max(warm, 40)] = np.linspace(1e-7, run.series["lr"][max(warm, 40)], max(warm, 40))
    chance = math.log(vocab)
    loss = run.series["loss"]
    loss *= chance / loss[:3].mean()  # starts at the chance level
    t0 = int(rng.integers(2, 30))
    k = np.arange(n - t0)
    loss[t0:] *= np.exp(math.log(rng.uniform(2.2, 4.0)) * np.exp(-k / rng.uniform(1, 10)))
    run.labels.append(_points_window(run, t0, 0, 20, "exploding_loss", lasting=False))
    _cut_evals(run, 0)
    return run


def suite(seed: int = 0, per_pathology: int = 40, per_negative: int = 20) -> list[Run]:
    """The labelled suite: ``per_pathology`` runs per pathology (plus ``per_negative`` warm-up
    blow-ups above chance level), ``per_negative`` per hard negative."""
    rng = np.random.default_rng(seed)
    runs = []
    for pathology in PATHOLOGIES:
        for i in range(per_pathology):
            base = healthy(rng, f"{pathology}-{i}", pathology)
            runs.append(inject(rng, base, pathology))
    for i in range(per_negative):
        runs.append(warmup_blowup(rng, f"warmup-blowup-{i}"))
    for kind in HARD_NEGATIVES:
        for i in range(per_negative):
            runs.append(negative(rng, f"{kind}-{i}", kind))
    return runs
