"""Tiny numpy models and optimizers with hand-written backprop.

Every tensor of a model lives in one flat float64 vector (``FlatParams``) and its
gradient in another vector of the same layout. The optimizer then updates the
whole model with a handful of vector operations, which matters on a slow machine
where numpy's per-call overhead dominates for models this small.

Non-finite inputs are allowed to flow through on purpose: a NaN or -inf feature
turns the loss into NaN exactly as it would in a real framework.
"""

from __future__ import annotations

import math

import numpy as np


class FlatParams:
    """Named tensors that are views into one flat vector."""

    def __init__(self, shapes: dict[str, tuple[int, ...]]):
        self.shapes = dict(shapes)
        self.vector = np.zeros(sum(math.prod(s) for s in shapes.values()))
        self.views: dict[str, np.ndarray] = {}
        offset = 0
        for name, shape in shapes.items():
            size = math.prod(shape)
            self.views[name] = self.vector[offset:offset + size].reshape(shape)
            offset += size

    def __getitem__(self, name: str) -> np.ndarray:
        return self.views[name]

    def same_layout(self) -> "FlatParams":
        return FlatParams(self.shapes)


def softmax_cross_entropy(logits: np.ndarray, labels: np.ndarray):
    """Per-sample cross-entropy and its gradient w.r.t. the logits of the batch mean."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(axis=1, keepdims=True)
    rows = np.arange(len(labels))
    losses = np.log(total[:, 0]) - shifted[rows, labels]
    dlogits = exp / total
    dlogits[rows, labels] -= 1.0
    dlogits /= len(labels)
    return losses, dlogits


def squared_error(outputs: np.ndarray, targets: np.ndarray):
    """Per-sample squared error of a single-output regressor and its gradient of the batch mean."""
    residual = outputs[:, 0] - targets
    return residual * residual, (2.0 / len(targets)) * residual[:, None]


LOSSES = {"cross_entropy": softmax_cross_entropy, "mse": squared_error}


def softmax(logits: np.ndarray) -> np.ndarray:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


class MLP:
    """One hidden layer (relu or tanh) and a linear output layer.

    With ``loss="cross_entropy"`` the outputs are class logits (softmax); with
    ``loss="mse"`` there is one output, a regression. ``n_hidden=0`` gives plain
    softmax (or linear) regression. ``output_init_std`` sets the scale of the last
    layer: a tiny value starts a classifier at chance level.
    """

    def __init__(self, n_inputs: int, n_hidden: int, n_classes: int, rng: np.random.Generator,
                 activation: str = "relu", output_init_std: float | None = None,
                 loss: str = "cross_entropy"):
        self.n_hidden = n_hidden
        self.activation = activation
        self.loss_fn = LOSSES[loss]
        if n_hidden:
            shapes = {"W1": (n_inputs, n_hidden), "b1": (n_hidden,),
                      "W2": (n_hidden, n_classes), "b2": (n_classes,)}
        else:
            shapes = {"W2": (n_inputs, n_classes), "b2": (n_classes,)}
        self.params = FlatParams(shapes)
        self.grads = self.params.same_layout()
        fan_in = n_hidden or n_inputs
        if n_hidden:
            gain = 2.0 if activation == "relu" else 1.0  # He init for relu, Xavier-like for tanh
            self.params["W1"][...] = rng.normal(0.0, math.sqrt(gain / n_inputs), (n_inputs, n_hidden))
        std = output_init_std if output_init_std is not None else 1.0 / math.sqrt(fan_in)
        self.params["W2"][...] = rng.normal(0.0, std, self.params["W2"].shape)

    @property
    def n_params(self) -> int:
        return self.params.vector.size

    def _hidden(self, X: np.ndarray) -> np.ndarray:
        pre = X @ self.params["W1"] + self.params["b1"]
        return np.maximum(pre, 0.0) if self.activation == "relu" else np.tanh(pre)

    def logits(self, X: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            h = self._hidden(X) if self.n_hidden else X
            return h @ self.params["W2"] + self.params["b2"]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return softmax(self.logits(X))

    def losses(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        with np.errstate(all="ignore"):
            return self.loss_fn(self.logits(X), y)[0]

    def loss_and_grad(self, X: np.ndarray, y: np.ndarray):
        """Per-sample losses; fills ``self.grads`` with d(mean loss)/d(params).

        The batch's outputs are kept in ``last_outputs`` so that training metrics
        (accuracy on the batch) need no second forward pass."""
        with np.errstate(all="ignore"):
            h = self._hidden(X) if self.n_hidden else X
            logits = h @ self.params["W2"] + self.params["b2"]
            self.last_outputs = logits
            losses, dlogits = self.loss_fn(logits, y)
            self.grads["W2"][...] = h.T @ dlogits
            self.grads["b2"][...] = dlogits.sum(axis=0)
            if self.n_hidden:
                dh = dlogits @ self.params["W2"].T
                dpre = dh * (h > 0) if self.activation == "relu" else dh * (1.0 - h * h)
                self.grads["W1"][...] = X.T @ dpre
                self.grads["b1"][...] = dpre.sum(axis=0)
        return losses, self.grads.vector


class LogisticRegression:
    """Binary classifier: one sigmoid unit on binary cross-entropy (Keras ``Dense(1, 'sigmoid')``).

    Zero-initialised like scikit-learn's solver, so it starts at p = 0.5 for every row.
    """

    def __init__(self, n_inputs: int):
        self.params = FlatParams({"w": (n_inputs,), "b": (1,)})
        self.grads = self.params.same_layout()

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        z = X @ self.params["w"] + self.params["b"][0]
        return 1.0 / (1.0 + np.exp(-z))

    def losses(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        z = X @ self.params["w"] + self.params["b"][0]
        return np.logaddexp(0.0, z) - y * z  # softplus(z) - y*z, stable for large |z|

    def loss_and_grad(self, X: np.ndarray, y: np.ndarray):
        z = X @ self.params["w"] + self.params["b"][0]
        losses = np.logaddexp(0.0, z) - y * z
        dz = (1.0 / (1.0 + np.exp(-z)) - y) / len(y)
        self.grads["w"][...] = X.T @ dz
        self.grads["b"][0] = dz.sum()
        return losses, self.grads.vector


def clip_grad_norm(grad: np.ndarray, max_norm: float | None) -> float:
    """Scale ``grad`` in place to at most ``max_norm``; return the norm before clipping
    (what torch's ``clip_grad_norm_`` returns and what trainers log as grad_norm)."""
    norm = float(np.sqrt(grad @ grad))
    if max_norm is not None and norm > max_norm:
        grad *= max_norm / (norm + 1e-6)
    return norm


class SGD:
    """SGD with optional heavy-ball momentum and L2 weight decay (torch semantics)."""

    def __init__(self, n_params: int, momentum: float = 0.0, weight_decay: float = 0.0):
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.velocity = np.zeros(n_params)

    def step(self, params: np.ndarray, grad: np.ndarray, lr: float) -> None:
        if self.weight_decay:
            grad = grad + self.weight_decay * params
        if self.momentum:
            self.velocity *= self.momentum
            self.velocity += grad
            grad = self.velocity
        params -= lr * grad


class AdamW:
    """Adam with decoupled weight decay (torch.optim.AdamW semantics)."""

    def __init__(self, n_params: int, beta1: float = 0.9, beta2: float = 0.999,
                 eps: float = 1e-8, weight_decay: float = 0.0):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.weight_decay = weight_decay
        self.m = np.zeros(n_params)
        self.v = np.zeros(n_params)
        self.t = 0

    def step(self, params: np.ndarray, grad: np.ndarray, lr: float) -> None:
        self.t += 1
        if self.weight_decay:
            params *= 1.0 - lr * self.weight_decay
        self.m *= self.beta1
        self.m += (1.0 - self.beta1) * grad
        self.v *= self.beta2
        self.v += (1.0 - self.beta2) * grad * grad
        m_hat_scale = 1.0 / (1.0 - self.beta1 ** self.t)
        v_hat_scale = 1.0 / (1.0 - self.beta2 ** self.t)
        params -= lr * (self.m * m_hat_scale) / (np.sqrt(self.v * v_hat_scale) + self.eps)


# Learning-rate schedules, as the frameworks whose logs the demos imitate define them.

def linear_warmup_decay(step: int, peak_lr: float, warmup_steps: int, total_steps: int) -> float:
    """transformers.get_linear_schedule_with_warmup: lr after ``step`` scheduler steps."""
    if step < warmup_steps:
        return peak_lr * step / max(1, warmup_steps)
    return peak_lr * max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))


def warmup_cosine(step: int, peak_lr: float, warmup_steps: int, decay_steps: int, min_lr: float) -> float:
    """nanoGPT's get_lr: linear warm-up, cosine decay to min_lr."""
    if step < warmup_steps:
        return peak_lr * step / warmup_steps
    if step > decay_steps:
        return min_lr
    ratio = (step - warmup_steps) / (decay_steps - warmup_steps)
    return min_lr + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (peak_lr - min_lr)


# Metrics, computed the way Keras/torchmetrics do.

def accuracy(scores: np.ndarray, labels: np.ndarray) -> float:
    """Top-1 accuracy from probabilities or logits (same argmax)."""
    return float(np.mean(np.argmax(scores, axis=1) == labels))


def binary_confusion(proba: np.ndarray, labels: np.ndarray, threshold: float = 0.5):
    """(tp, fp, fn) with Keras' rule: predicted positive iff p > threshold (strictly)."""
    predicted = proba > threshold
    actual = labels == 1
    return (int(np.sum(predicted & actual)), int(np.sum(predicted & ~actual)),
            int(np.sum(~predicted & actual)))


def ratio_or_zero(numerator: float, denominator: float) -> float:
    """Keras' divide_no_nan: 0 when nothing was predicted/present."""
    return numerator / denominator if denominator else 0.0
