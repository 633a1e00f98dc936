"""The eight demo training runs: one real run per pathology, each logged in a different
framework's format.

A scenario is a generator of ``Chunk(step, text)``: the text the run prints right
after training step ``step``. ``render`` concatenates a whole run; ``stream`` writes
it progressively to a file for a live follower. Everything is seeded, and all
times come from a ``FakeClock``, so a run is byte-identical every time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import numpy as np

from lossmon.demo import writers as w
from lossmon.demo.clock import FakeClock
from lossmon.demo.data import (
    SensorStream,
    gaussian_mixture,
    imbalanced_binary,
    minibatches,
    random_batch,
    sort_by_class,
    teacher_labels,
)
from lossmon.demo.models import (
    MLP,
    SGD,
    AdamW,
    LogisticRegression,
    accuracy,
    binary_confusion,
    clip_grad_norm,
    linear_warmup_decay,
    ratio_or_zero,
    softmax_cross_entropy,
    warmup_cosine,
)


class Chunk(NamedTuple):
    step: int  # the training step this output follows (paces a live stream)
    text: str  # appended to the log, or a writers.Rewrite that replaces the whole file


def f32(x) -> float:
    """A value as a float32 tensor's .item() returns it (what frameworks log)."""
    return float(np.float32(x))


def standardize(X: np.ndarray) -> np.ndarray:
    return (X - X.mean(axis=0)) / X.std(axis=0)


# --------------------------------------------------------------------------------------
# healthy: Hugging Face Trainer console (tqdm frames + log dicts), good settings.

def healthy() -> Iterator[Chunk]:
    """AdamW with warm-up and linear decay on shuffled, plentiful data; eval every 250 steps."""
    rng = np.random.default_rng(101)
    clock = FakeClock(datetime(2024, 5, 1, 9, 30), seed=1101)
    X, y = gaussian_mixture(rng, 44_000, 16, 10, clusters_per_class=2, spread=1.6)
    X = standardize(X)
    X_train, y_train, X_val, y_val = X[:40_000], y[:40_000], X[40_000:], y[40_000:]
    model = MLP(16, 64, 10, rng, output_init_std=0.02)
    optimizer = AdamW(model.n_params, weight_decay=0.01)
    batch, epochs, logging_steps, eval_steps, save_steps = 128, 10, 2, 250, 500
    steps_per_epoch = math.ceil(len(y_train) / batch)
    max_steps = steps_per_epoch * epochs

    def lr_at(step):
        return linear_warmup_decay(step, 2e-3, 150, max_steps)

    console = w.HuggingFaceConsole(max_steps, clock.now)
    yield Chunk(0, console.opening_text)
    train_start = clock.now
    step, tr_loss, total_loss, last_logged = 0, 0.0, 0.0, 0
    for epoch in range(epochs):
        for i, (xb, yb) in enumerate(minibatches(rng, X_train, y_train, batch)):
            losses, grad = model.loss_and_grad(xb, yb)
            grad_norm = clip_grad_norm(grad, 1.0)
            optimizer.step(model.params.vector, grad, lr_at(step))
            step += 1
            clock.advance(0.11, jitter=0.15)
            tr_loss += f32(losses.mean())
            text = console.step_end(clock.now)
            if step % logging_steps == 0:
                logs = {"loss": round(tr_loss / (step - last_logged), 4), "grad_norm": f32(grad_norm),
                        "learning_rate": lr_at(step), "epoch": epoch + (i + 1) / steps_per_epoch}
                total_loss, tr_loss, last_logged = total_loss + tr_loss, 0.0, step
                text += console.log(logs, clock.now)
            if step % eval_steps == 0:
                text += _hf_evaluate(console, clock, model, X_val, y_val, epoch + (i + 1) / steps_per_epoch)
            if step % save_steps == 0:
                clock.advance(0.9, jitter=0.2)  # checkpoint save: silent at default verbosity
            yield Chunk(step, text)
    total_loss += tr_loss
    metrics = w.hf_speed_metrics("train", clock.now - train_start, epochs * len(y_train), max_steps)
    metrics.update(total_flos=float(6 * model.n_params * epochs * len(y_train)),
                   train_loss=total_loss / step, epoch=float(epochs))
    yield Chunk(step, console.log(metrics, clock.now) + console.train_end(clock.now))


def _hf_evaluate(console, clock, model, X_val, y_val, epoch: float, batch: int = 64) -> str:
    """Trainer.evaluate: a nested tqdm bar over the eval batches, then the eval_* dict."""
    start, text, losses, correct = clock.now, "", [], 0
    n_batches = math.ceil(len(y_val) / batch)
    for first in range(0, len(y_val), batch):
        xb, yb = X_val[first:first + batch], y_val[first:first + batch]
        proba = model.predict_proba(xb)
        losses.append(model.losses(xb, yb).astype(np.float32))
        correct += int(np.sum(np.argmax(proba, axis=1) == yb))
        clock.advance(0.011, jitter=0.2)
        text += console.prediction_step(clock.now, n_batches)
    metrics = {"eval_loss": float(np.concatenate(losses).mean()), "eval_accuracy": correct / len(y_val)}
    metrics.update(w.hf_speed_metrics("eval", clock.now - start, len(y_val), n_batches))
    metrics["epoch"] = epoch
    return text + console.log(metrics, clock.now) + console.evaluation_end(clock.now)


# --------------------------------------------------------------------------------------
# exploding_loss: nanoGPT prints; the lr warms up past the stability limit.

EXPLODING_CONFIG = """\
# regression MLP on tabular sensor data (fork of nanoGPT's train.py)
out_dir = 'out-sensor-mlp'
eval_interval = 250
eval_iters = 20
log_interval = 1
always_save_checkpoint = False
batch_size = 64
n_hidden = 64
optimizer = 'sgd'  # momentum 0.9
learning_rate = 0.5 # max learning rate
max_iters = 10000
lr_decay_iters = 10000
min_lr = 0.05
warmup_iters = 4000
grad_clip = 0.0 # clipping off
"""


def exploding_loss() -> Iterator[Chunk]:
    """SGD+momentum on an MSE regression; the warm-up ends at lr 0.5, far past 2/curvature.

    Once lr crosses the stability limit the error grows geometrically; the user kills
    the run when the loss is 1000x its best, before it overflows.
    """
    rng = np.random.default_rng(202)
    clock = FakeClock(datetime(2024, 5, 2, 14, 0), seed=1202)
    X = rng.normal(0.0, 1.0, (24_000, 16))
    teacher = rng.normal(0.0, 1.0 / 4.0, (16, 32))
    readout = rng.normal(0.0, 1.0 / math.sqrt(32), 32)
    y = 2.0 * np.tanh(X @ teacher) @ readout + rng.normal(0.0, 0.3, len(X))
    X_train, y_train, X_val, y_val = X[:20_000], y[:20_000], X[20_000:], y[20_000:]
    model = MLP(16, 64, 1, rng, activation="tanh", output_init_std=0.02, loss="mse")
    optimizer = SGD(model.n_params, momentum=0.9)
    yield Chunk(0, w.nanogpt_config_echo("config/train_sensor_mlp.py", EXPLODING_CONFIG, {})
                + "Initializing a new model from scratch\n"
                + f"number of parameters: {model.n_params / 1e6:.2f}M\n")
    best_val, best_loss, running_mfu = 1e9, math.inf, -1.0
    t0 = clock.now
    for iter_num in range(10_001):
        lr = warmup_cosine(iter_num, 0.5, 4000, 10_000, 0.05)
        text = ""
        if iter_num % 250 == 0:
            train_loss = _mean_batch_loss(rng, model, X_train, y_train)
            val_loss = _mean_batch_loss(rng, model, X_val, y_val)
            clock.advance(0.9, jitter=0.1)
            text += w.nanogpt_eval_line(iter_num, train_loss, val_loss)
            if val_loss < best_val:
                best_val = val_loss
                if iter_num > 0:
                    clock.advance(0.3, jitter=0.2)
                    text += "saving checkpoint to out-sensor-mlp\n"
        xb, yb = random_batch(rng, X_train, y_train, 64)
        losses, grad = model.loss_and_grad(xb, yb)
        optimizer.step(model.params.vector, grad, lr)
        clock.advance(1.7 if iter_num == 0 else 0.028, jitter=0.08)  # first iteration warms caches
        dt, t0 = clock.now - t0, clock.now
        loss = f32(losses.mean())
        if iter_num >= 5:
            mfu = _cpu_mfu(model.n_params, 64, dt)
            running_mfu = mfu if running_mfu == -1.0 else 0.9 * running_mfu + 0.1 * mfu
        text += w.nanogpt_iter_line(iter_num, loss, dt, running_mfu)
        yield Chunk(iter_num, text)
        best_loss = min(best_loss, loss)
        if loss >= 1000.0 * best_loss:
            return  # the user kills the run here


def _mean_batch_loss(rng, model, X, y, eval_iters: int = 20, batch: int = 64) -> float:
    """nanoGPT's estimate_loss for one split: mean loss over random batches."""
    return float(np.mean([f32(model.losses(*random_batch(rng, X, y, batch)).mean())
                          for _ in range(eval_iters)]))


def _cpu_mfu(n_params: int, batch: int, dt: float, flops_promised: float = 2e9) -> float:
    """nanoGPT's estimate_mfu idea (6 flops per parameter per sample, forward+backward)
    against a rough 2 GFLOP/s single-core peak, since this model runs on a CPU."""
    return 6 * n_params * batch / dt / flops_promised


# --------------------------------------------------------------------------------------
# nan_or_inf: Keras 2 model.fit(verbose=1) redirected to a file; log(0) in the pipeline.

def nan_or_inf() -> Iterator[Chunk]:
    """A streaming sensor pipeline; in epoch 12 a sensor dies, reads 0, and np.log(0) = -inf
    reaches the model. The loss turns NaN at once and the NaN weights keep it there."""
    rng = np.random.default_rng(303)
    clock = FakeClock(datetime(2024, 5, 3, 8, 15), seed=1303)
    epochs, steps, batch = 20, 313, 32
    failure_row = (11 * steps + 156) * batch + 7
    pipeline = SensorStream(rng, n_sensors=8, n_classes=5, failure_row=failure_row, failure_rate=0.02)
    X_val, y_val = pipeline.clean_sample(2000)
    model = MLP(8, 32, 5, rng)
    optimizer = AdamW(model.n_params)
    global_step = 0
    for epoch in range(epochs):
        bar = w.Keras2Progbar(steps, clock.now)
        text = w.keras_epoch_header(epoch, epochs)
        loss_total, correct, seen = 0.0, 0, 0
        for b in range(steps):
            xb, yb = pipeline.read(batch)
            losses, grad = model.loss_and_grad(xb, yb)
            correct += int(np.sum(np.argmax(model.last_outputs, axis=1) == yb))
            optimizer.step(model.params.vector, grad, 1e-3)
            loss_total += f32(losses.mean()) * len(yb)  # Keras' Mean metric: running mean of the epoch
            seen += len(yb)
            global_step += 1
            clock.advance(1.6 if global_step == 1 else 0.003, jitter=0.25)  # first step traces the graph
            values = [("loss", f32(loss_total / seen)), ("accuracy", f32(correct / seen))]
            text += bar.update(b + 1, values, clock.now)
            if text:
                yield Chunk(global_step, text)
                text = ""
        clock.advance(0.45 if epoch == 0 else 0.12, jitter=0.2)  # validation pass
        val_proba = model.predict_proba(X_val)
        values += [("val_loss", f32(model.losses(X_val, y_val).mean())),
                   ("val_accuracy", f32(accuracy(val_proba, y_val)))]
        yield Chunk(global_step, bar.update(steps, values, clock.now, finalize=True))


# --------------------------------------------------------------------------------------
# not_converging: Python logging key=value lines; a cyclic lr that keeps kicking the model.

def not_converging() -> Iterator[Chunk]:
    """SGD+momentum with a triangular CyclicLR between 0.02 (too low to settle anything) and
    0.5 (too high) on noisy nonlinear labels: the loss rises and falls with the lr and never
    makes progress."""
    rng = np.random.default_rng(404)
    clock = FakeClock(datetime(2024, 5, 1, 12, 0), seed=1404)
    X = rng.normal(0.0, 1.0, (20_000, 16))
    y = teacher_labels(rng, X, 10, label_noise=0.5)
    X_val, y_val = X[18_000:], y[18_000:]
    X, y = X[:18_000], y[:18_000]
    model = MLP(16, 64, 10, rng, activation="tanh", output_init_std=0.02)
    optimizer = SGD(model.n_params, momentum=0.9)
    total_steps, log_every, eval_every = 10_000, 5, 1000

    def line(message):
        return w.python_logging_line(clock.datetime(), "__main__", "INFO", message)

    yield Chunk(0, line(f"training for {total_steps} steps: batch_size=64 optimizer=SGD momentum=0.9 "
                        "scheduler=CyclicLR base_lr=0.02 max_lr=0.5 step_size_up=1000"))
    window_losses, window_acc = [], []
    for step in range(1, total_steps + 1):
        lr = _triangular_lr(step - 1, 0.02, 0.5, 1000)
        xb, yb = random_batch(rng, X, y, 64)
        losses, grad = model.loss_and_grad(xb, yb)
        window_acc.append(accuracy(model.last_outputs, yb))
        optimizer.step(model.params.vector, grad, lr)
        window_losses.append(losses.mean())
        clock.advance(0.012, jitter=0.2)
        text = ""
        if step % log_every == 0:
            text += line(f"step={step} loss={np.mean(window_losses):.4f} lr={lr:.4f} acc={np.mean(window_acc):.4f}")
            window_losses, window_acc = [], []
        if step % eval_every == 0:
            clock.advance(0.15, jitter=0.1)
            text += line(f"eval step={step} val_loss={model.losses(X_val, y_val).mean():.4f} "
                         f"val_acc={accuracy(model.predict_proba(X_val), y_val):.4f}")
        if text:
            yield Chunk(step, text)


def _triangular_lr(step: int, base_lr: float, max_lr: float, step_size: int) -> float:
    """torch.optim.lr_scheduler.CyclicLR(mode='triangular')."""
    cycle = math.floor(1 + step / (2 * step_size))
    x = abs(step / step_size - 2 * cycle + 1)
    return base_lr + (max_lr - base_lr) * max(0.0, 1 - x)


# --------------------------------------------------------------------------------------
# overfitting: Lightning CSVLogger metrics.csv; 128 training rows, a wide network.

def overfitting() -> Iterator[Chunk]:
    """A 256-unit MLP memorises 128 noisy training rows: train loss slides to ~0 while the
    validation loss bottoms out early and climbs for the rest of the run."""
    rng = np.random.default_rng(505)
    X, y = gaussian_mixture(rng, 128 + 2000, 20, 10, clusters_per_class=2, spread=1.5, label_noise=0.2)
    X = standardize(X)
    X_train, y_train, X_val, y_val = X[:128], y[:128], X[128:], y[128:]
    model = MLP(20, 256, 10, rng)
    optimizer = AdamW(model.n_params)
    logger = w.LightningCSVLogger()
    step = 0
    for epoch in range(150):
        step_losses = []
        for xb, yb in minibatches(rng, X_train, y_train, 32):
            losses, grad = model.loss_and_grad(xb, yb)
            optimizer.step(model.params.vector, grad, 1e-3)
            step_losses.append(f32(losses.mean()))
            text = logger.log_metrics({"train_loss_step": np.float32(step_losses[-1]), "epoch": epoch}, step)
            yield Chunk(step, text)
            step += 1
        last_step = step - 1  # Lightning logs epoch-end metrics at the last batch's step
        val_logits = model.logits(X_val)
        val = {"val_loss": np.float32(softmax_cross_entropy(val_logits, y_val)[0].mean()),
               "val_acc": np.float32(accuracy(val_logits, y_val)), "epoch": epoch}
        text = logger.log_metrics(val, last_step)
        text += logger.log_metrics({"train_loss_epoch": np.float32(np.mean(step_losses)), "epoch": epoch},
                                   last_step)
        yield Chunk(last_step, text)
    yield Chunk(step - 1, logger.save())


# --------------------------------------------------------------------------------------
# contradictory_metrics: Keras 3 verbose=2; 1:99 imbalance, recall at threshold 0.5.

def contradictory_metrics() -> Iterator[Chunk]:
    """Zero-initialised logistic regression on 1% positives: it learns the prior, the loss
    falls steadily, and no row ever gets p > 0.5, so recall and precision stay 0."""
    rng = np.random.default_rng(606)
    clock = FakeClock(datetime(2024, 5, 4, 16, 45), seed=1606)
    X, y = imbalanced_binary(rng, 1280 + 640, 24, positive_rate=0.01, shift=2.0)
    X_train, y_train = X[:1280], y[:1280].astype(float)
    X_val, y_val = X[1280:], y[1280:].astype(float)
    model = LogisticRegression(24)
    optimizer = SGD(model.params.vector.size)
    epochs, steps = 30, 40
    for epoch in range(epochs):
        epoch_start = clock.now
        loss_total, tp, fp, fn = 0.0, 0, 0, 0
        for xb, yb in minibatches(rng, X_train, y_train, 32):
            proba = model.predict_proba(xb)
            batch_tp, batch_fp, batch_fn = binary_confusion(proba, yb)
            tp, fp, fn = tp + batch_tp, fp + batch_fp, fn + batch_fn
            losses, grad = model.loss_and_grad(xb, yb)
            optimizer.step(model.params.vector, grad, 0.05)
            loss_total += f32(losses.mean())
        clock.advance(1.3 if epoch == 0 else 0.2, jitter=0.15)  # epoch 1 includes tracing
        val_tp, val_fp, val_fn = binary_confusion(model.predict_proba(X_val), y_val)
        train = {"loss": f32(loss_total / steps), "precision": ratio_or_zero(tp, tp + fp),
                 "recall": ratio_or_zero(tp, tp + fn)}
        val = {"loss": f32(model.losses(X_val, y_val).mean()),
               "precision": ratio_or_zero(val_tp, val_tp + val_fp), "recall": ratio_or_zero(val_tp, val_tp + val_fn)}
        logs = w.keras3_logs(train, val)
        yield Chunk((epoch + 1) * steps, w.keras_epoch_header(epoch, epochs)
                    + w.keras3_verbose2_line(steps, clock.now - epoch_start, logs))


# --------------------------------------------------------------------------------------
# stuck_periodic: JSON lines; the dataset is stored sorted by class and never shuffled.

def stuck_periodic() -> Iterator[Chunk]:
    """Each epoch walks class 0, then 1, 2, 3 in blocks; every block drags the model towards
    its class, so the loss repeats the same saw-tooth every epoch and barely improves."""
    rng = np.random.default_rng(707)
    X, y = gaussian_mixture(rng, 400 * 32, 16, 4, clusters_per_class=2, spread=2.0, label_noise=0.3)
    X, y = sort_by_class(X, y)
    model = MLP(16, 32, 4, rng, output_init_std=0.02)
    optimizer = SGD(model.n_params)
    lr, step = 0.0005, 0
    for epoch in range(8):
        for xb, yb in minibatches(None, X, y, 32):  # no shuffling: the bug
            losses, grad = model.loss_and_grad(xb, yb)
            optimizer.step(model.params.vector, grad, lr)
            step += 1
            yield Chunk(step, w.json_line({"step": step, "epoch": epoch, "loss": round(float(losses.mean()), 4),
                                           "lr": lr}))


# --------------------------------------------------------------------------------------
# plateau: Megatron-LM training lines; the learning rate is 0.

PLATEAU_ARGS = {
    "micro_batch_size": 32, "global_batch_size": 256, "lr": 0.0, "min_lr": 0.0, "lr_decay_style": "cosine",
    "lr_warmup_iters": 0, "train_iters": 500000, "log_interval": 1, "eval_interval": 500, "eval_iters": 10,
    "clip_grad": 1.0, "weight_decay": 0.1, "init_method_std": 0.002, "bf16": True, "seed": 1234,
}


def plateau() -> Iterator[Chunk]:
    """``--lr 0.0`` (a typo for 1e-4): the weights never move, so the loss sits exactly at
    chance, ln(10), iteration after iteration, while the gradient is perfectly healthy."""
    rng = np.random.default_rng(808)
    clock = FakeClock(datetime(2025, 1, 2, 3, 0, 5, 120000), seed=1808)
    X, y = gaussian_mixture(rng, 60_000, 16, 10, clusters_per_class=2, spread=1.2)
    X = standardize(X)
    X_train, y_train, X_val, y_val = X[:50_000], y[:50_000], X[50_000:], y[50_000:]
    model = MLP(16, 64, 10, rng, output_init_std=PLATEAU_ARGS["init_method_std"])
    optimizer = AdamW(model.n_params, weight_decay=PLATEAU_ARGS["weight_decay"])
    lr, gbs, train_iters = PLATEAU_ARGS["lr"], PLATEAU_ARGS["global_batch_size"], PLATEAU_ARGS["train_iters"]
    yield Chunk(0, _megatron_setup(clock))
    for iteration in range(1, 3001):
        losses, grad = model.loss_and_grad(*random_batch(rng, X_train, y_train, gbs))
        grad_norm = clip_grad_norm(grad, PLATEAU_ARGS["clip_grad"])
        optimizer.step(model.params.vector, grad, lr)
        seconds = clock.advance(4.8 if iteration == 1 else 0.352, jitter=0.03)
        text = w.megatron_training_line(clock.datetime(), iteration, train_iters, iteration * gbs, seconds * 1000,
                                        lr, gbs, {"lm loss": f32(losses.mean())}, 1.0, grad_norm)
        if iteration % PLATEAU_ARGS["eval_interval"] == 0:
            val_losses = [f32(model.losses(*random_batch(rng, X_val, y_val, gbs)).mean())
                          for _ in range(PLATEAU_ARGS["eval_iters"])]
            clock.advance(2.1, jitter=0.05)
            text += w.megatron_validation_block(f"iteration {iteration}", {"lm loss": float(np.mean(val_losses))})
        yield Chunk(iteration, text)


def _megatron_setup(clock: FakeClock) -> str:
    """What pretrain() prints before the first iteration: the argument table and setup stamps."""
    clock.advance(41.0, jitter=0.1)
    text = w.megatron_arguments(PLATEAU_ARGS)
    text += w.megatron_datetime_line("after megatron is initialized", clock.datetime())
    clock.advance(12.0, jitter=0.1)
    text += w.megatron_datetime_line("after model, optimizer, and learning rate scheduler are built",
                                     clock.datetime())
    clock.advance(3.0, jitter=0.1)
    text += w.megatron_datetime_line("after dataloaders are built", clock.datetime())
    text += "done with setup ...\ntraining ...\n"
    return text + w.megatron_datetime_line("before the start of training step", clock.datetime())


# --------------------------------------------------------------------------------------
# Registry, whole-file rendering and live streaming.

class Scenario(NamedTuple):
    name: str
    run: Callable[[], Iterator[Chunk]]
    extension: str
    log_format: str

    @property
    def filename(self) -> str:
        return f"{self.name}.{self.extension}"


SCENARIOS: dict[str, Scenario] = {s.name: s for s in (
    Scenario("healthy", healthy, "log", "Hugging Face Trainer 4.x console (2>&1, with tqdm)"),
    Scenario("exploding_loss", exploding_loss, "log", "nanoGPT train.py prints"),
    Scenario("nan_or_inf", nan_or_inf, "log", "Keras 2 model.fit(verbose=1) > file"),
    Scenario("not_converging", not_converging, "log", "Python logging, key=value"),
    Scenario("overfitting", overfitting, "csv", "PyTorch Lightning CSVLogger metrics.csv"),
    Scenario("contradictory_metrics", contradictory_metrics, "log", "Keras 3 model.fit(verbose=2)"),
    Scenario("stuck_periodic", stuck_periodic, "jsonl", "JSON lines (json.dumps per step)"),
    Scenario("plateau", plateau, "log", "Megatron-LM training log"),
)}
SCENARIO_NAMES: tuple[str, ...] = tuple(SCENARIOS)


def render(name: str) -> bytes:
    """The complete log of a scenario, as bytes on disk after the run."""
    content = ""
    for chunk in SCENARIOS[name].run():
        content = str(chunk.text) if isinstance(chunk.text, w.Rewrite) else content + chunk.text
    return content.encode("utf-8")


def stream(name: str, path: str | Path, steps_per_second: float = 100.0,
           sleep: Callable[[float], None] = time.sleep) -> None:
    """Write a scenario to ``path`` as it 'trains': flush after every chunk and sleep so
    that training steps advance at ``steps_per_second``. A follower sees the file grow
    (or, for Lightning's header change, get rewritten) and the pathology appear."""
    last_step = None
    with open(path, "wb") as out:
        for chunk in SCENARIOS[name].run():
            if last_step is not None and chunk.step > last_step:
                sleep((chunk.step - last_step) / steps_per_second)
            last_step = chunk.step
            if isinstance(chunk.text, w.Rewrite):
                out.seek(0)
                out.truncate()
            if chunk.text:
                out.write(chunk.text.encode("utf-8"))
                out.flush()
