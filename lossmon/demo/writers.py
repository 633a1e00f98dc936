"""Writers that turn (step, metrics) into the exact text real training frameworks print.

Each writer replays the framework's own formatting code (cited per class) with the
time taken from the demo's fake clock instead of the wall clock, and returns the
text it would have written so that a scenario can stream it or save it. Where a
framework's output depends on terminal handling (tqdm, Keras progress bars), the
writer reproduces what lands in a file when stdout/stderr are redirected.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import datetime


class Rewrite(str):
    """Text that replaces a whole file instead of being appended (Lightning rewrites
    metrics.csv when a new column appears)."""


# --------------------------------------------------------------------------------------
# tqdm (4.x, tqdm/std.py) as Hugging Face's ProgressCallback uses it, output to a file.


class _EMA:
    """tqdm.std.EMA: bias-corrected exponential moving average."""

    def __init__(self, smoothing: float = 0.3):
        self.alpha = smoothing
        self.last = 0.0
        self.calls = 0

    def __call__(self, x: float | None = None) -> float:
        beta = 1 - self.alpha
        if x is not None:
            self.last = self.alpha * x + beta * self.last
            self.calls += 1
        return self.last / (1 - beta ** self.calls) if self.calls else self.last


def tqdm_format_interval(seconds: float) -> str:
    mins, s = divmod(abs(int(seconds)), 60)
    h, m = divmod(mins, 60)
    return f"{h:d}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


_TQDM_BLOCKS = " " + "".join(map(chr, range(0x258F, 0x2587, -1)))  # tqdm's Bar.UTF charset


def tqdm_bar(frac: float, width: int = 10) -> str:
    nsyms = len(_TQDM_BLOCKS) - 1
    full, partial = divmod(int(frac * width * nsyms), nsyms)
    bar = _TQDM_BLOCKS[-1] * full
    if full < width:
        bar += _TQDM_BLOCKS[partial] + _TQDM_BLOCKS[0] * (width - full - 1)
    return bar


def tqdm_format_meter(n: int, total: int, elapsed: float, rate: float | None) -> str:
    """tqdm.format_meter for a bar with a total, no description and no terminal width
    (a redirected stream has no size, so the bar is the default 10 cells)."""
    if rate is None and elapsed:
        rate = n / elapsed
    inv_rate = 1 / rate if rate else None
    rate_noinv = (f"{rate:5.2f}" if rate else "?") + "it/s"
    rate_inv = (f"{inv_rate:5.2f}" if inv_rate else "?") + "s/it"
    rate_fmt = rate_inv if inv_rate and inv_rate > 1 else rate_noinv
    remaining = tqdm_format_interval((total - n) / rate) if rate else "?"
    frac = n / total
    return (f"{frac * 100:3.0f}%|{tqdm_bar(frac)}| {n}/{total} "
            f"[{tqdm_format_interval(elapsed)}<{remaining}, {rate_fmt}]")


class TqdmBar:
    """One tqdm bar writing to a redirected stderr, driven by an explicit clock.

    Mirrors tqdm.__init__/update/refresh/display/clear/close: the 0.1 s
    ``mininterval`` throttle, the dynamic ``miniters`` EMA, ``\\r`` redraws padded
    with spaces to the previous length, and for a nested bar (``position`` > 0) the
    ``\\n`` ... ``\\x1b[A`` cursor moves.
    """

    def __init__(self, total: int, now: float, position: int = 0, leave: bool = True,
                 mininterval: float = 0.1, maxinterval: float = 10.0, smoothing: float = 0.3):
        self.total = total
        self.pos = position
        self.leave = leave
        self.mininterval = mininterval
        self.maxinterval = maxinterval
        self.n = 0
        self.last_print_n = 0
        self.miniters = 0.0
        self.ema_dn, self.ema_dt, self.ema_miniters = _EMA(smoothing), _EMA(smoothing), _EMA(smoothing)
        self.last_len = 0
        self.start_t: float | None = None  # unset during the first draw, as in tqdm.__init__
        self.opening_text = self.display(now)
        self.start_t = self.last_print_t = now

    def _status(self, text: str) -> str:
        out = "\r" + text + " " * max(self.last_len - len(text), 0)
        self.last_len = len(text)
        return out

    def _meter(self, now: float, overall_rate: bool = False) -> str:
        elapsed = now - self.start_t if self.start_t is not None else 0
        ema_dt = None if overall_rate else self.ema_dt()
        rate = self.ema_dn() / ema_dt if ema_dt else None
        return tqdm_format_meter(self.n, self.total, elapsed, rate)

    def display(self, now: float, msg: str | None = None, pos: int | None = None,
                overall_rate: bool = False) -> str:
        pos = self.pos if pos is None else pos
        text = self._meter(now, overall_rate) if msg is None else msg
        return "\n" * pos + self._status(text) + "\x1b[A" * pos

    def update(self, now: float, n: int = 1) -> str:
        self.n += n
        if self.n - self.last_print_n < self.miniters:
            return ""
        dt = now - self.last_print_t
        if dt < self.mininterval:
            return ""
        dn = self.n - self.last_print_n
        if dt and dn:
            self.ema_dn(dn)
            self.ema_dt(dt)
        out = self.display(now)
        if self.maxinterval and dt >= self.maxinterval:
            self.miniters = dn * self.mininterval / dt
        else:
            self.miniters = self.ema_miniters(dn * (self.mininterval / dt if dt else 1))
        self.last_print_n = self.n
        self.last_print_t = now
        return out

    def clear(self) -> str:
        return "\n" * self.pos + self._status("") + "\r" + "\x1b[A" * self.pos

    def close(self, now: float) -> str:
        if self.leave:
            return self.display(now, pos=0, overall_rate=True) + "\n"
        out = self.display(now, msg="")
        return out if self.pos else out + "\r"


class HuggingFaceConsole:
    """transformers 4.4x-4.57 ``Trainer`` console with ``python -u train.py > log 2>&1``.

    ProgressCallback draws a training bar (and a nested evaluation bar, position 1,
    leave=False) on stderr; each log dict goes through ``tqdm.write`` on stdout,
    which clears the bars, prints ``str(logs)`` with ``epoch`` rounded to 2 places
    and ``total_flos`` dropped, and redraws the bars.
    """

    def __init__(self, max_steps: int, now: float):
        self.training_bar = TqdmBar(max_steps, now)
        self.prediction_bar: TqdmBar | None = None
        self.opening_text = self.training_bar.opening_text

    def _bars(self) -> list[TqdmBar]:
        return [b for b in (self.training_bar, self.prediction_bar) if b is not None]

    def step_end(self, now: float) -> str:
        return self.training_bar.update(now)

    def log(self, logs: dict, now: float) -> str:
        shown = {k: v for k, v in logs.items() if k != "total_flos"}
        if "epoch" in shown:
            shown["epoch"] = round(shown["epoch"], 2)
        bars = self._bars()
        cleared = "".join(bar.clear() for bar in bars)
        redrawn = "".join(bar.display(now) for bar in bars)
        return cleared + str(shown) + "\n" + redrawn

    def prediction_step(self, now: float, n_batches: int) -> str:
        out = ""
        if self.prediction_bar is None:
            self.prediction_bar = TqdmBar(n_batches, now, position=1, leave=False)
            out = self.prediction_bar.opening_text
        return out + self.prediction_bar.update(now)

    def evaluation_end(self, now: float) -> str:
        bar, self.prediction_bar = self.prediction_bar, None
        return bar.close(now) if bar is not None else ""

    def train_end(self, now: float) -> str:
        return self.training_bar.close(now)


def hf_speed_metrics(split: str, runtime: float, num_samples: int, num_steps: int) -> dict:
    """transformers.trainer_utils.speed_metrics."""
    return {f"{split}_runtime": round(runtime, 4),
            f"{split}_samples_per_second": round(num_samples / runtime, 3),
            f"{split}_steps_per_second": round(num_steps / runtime, 3)}


# --------------------------------------------------------------------------------------
# nanoGPT (karpathy/nanoGPT train.py, configurator.py, model.py): plain print().


def nanogpt_config_echo(config_file: str, config_text: str, overrides: dict) -> str:
    """configurator.py echoes the config file (print(f.read()) adds a newline) and each
    command-line override."""
    out = f"Overriding config with {config_file}:\n{config_text}\n"
    for key, value in overrides.items():
        out += f"Overriding: {key} = {value!r}\n"
    return out


def nanogpt_eval_line(iter_num: int, train_loss: float, val_loss: float) -> str:
    return f"step {iter_num}: train loss {train_loss:.4f}, val loss {val_loss:.4f}\n"


def nanogpt_iter_line(iter_num: int, loss: float, dt_seconds: float, running_mfu: float) -> str:
    return f"iter {iter_num}: loss {loss:.4f}, time {dt_seconds * 1000:.2f}ms, mfu {running_mfu * 100:.2f}%\n"


# --------------------------------------------------------------------------------------
# Keras 2 / tf.keras 2.13 Progbar (keras/utils/generic_utils.py), verbose=1.


def keras_epoch_header(epoch: int, epochs: int) -> str:
    """ProgbarLogger.on_epoch_begin (Keras 2 and 3)."""
    return f"Epoch {epoch + 1}/{epochs}\n"


class Keras2Progbar:
    """tf.keras 2.13 ``Progbar`` with verbose=1 writing to a redirected stdout.

    ``_dynamic_display`` is true on any POSIX system (``"posix" in sys.modules``),
    so every redraw starts with one backspace per character of the previous frame
    and a ``\\r``, even in a file. Metrics named in ``stateful_metrics`` (the
    model's running means, e.g. loss and accuracy) are shown as given; others are
    averaged by the bar.
    """

    def __init__(self, target: int, now: float, stateful_metrics=("loss", "accuracy"),
                 width: int = 30, interval: float = 0.05, unit_name: str = "step"):
        self.target = target
        self.width = width
        self.interval = interval
        self.unit_name = unit_name
        self.stateful_metrics = set(stateful_metrics)
        self.total_width = 0
        self.seen_so_far = 0
        self.values: dict[str, list[float]] = {}
        self.values_order: list[str] = []
        self.start = now
        self.last_update = 0.0
        self.time_after_first_step: float | None = None

    def _record(self, current: int, values: list[tuple[str, float]]) -> None:
        for key, value in values:
            if key not in self.values_order:
                self.values_order.append(key)
            if key in self.stateful_metrics:
                self.values[key] = [value, 1]
            else:
                base = max(current - self.seen_so_far, 1)
                old = self.values.get(key, [0.0, 0])
                self.values[key] = [old[0] + value * base, old[1] + base]
        self.seen_so_far = current

    def _step_duration(self, current: int, now: float) -> float:
        if not current:
            return 0.0
        if self.time_after_first_step is not None and current > 1:
            duration = (now - self.time_after_first_step) / (current - 1)
        else:
            duration = (now - self.start) / current
        if current == 1:
            self.time_after_first_step = now
        return duration

    def update(self, current: int, values: list[tuple[str, float]], now: float,
               finalize: bool = False) -> str:
        self._record(current, values)
        if now - self.last_update < self.interval and not finalize:
            return ""
        prev_total_width = self.total_width
        message = "\b" * prev_total_width + "\r"
        numdigits = int(math.log10(self.target)) + 1
        bar = (f"%{numdigits}d/%d [") % (current, self.target)
        prog_width = int(self.width * current / self.target)
        if prog_width > 0:
            bar += "=" * (prog_width - 1) + (">" if current < self.target else "=")
        bar += "." * (self.width - prog_width) + "]"
        self.total_width = len(bar)
        message += bar
        time_per_unit = self._step_duration(current, now)
        if finalize:
            info = f" - {now - self.start:.0f}s" + keras_format_time(time_per_unit, self.unit_name)
        else:
            info = " - ETA: " + keras2_eta(time_per_unit * (self.target - current))
        for key in self.values_order:
            total, count = self.values[key]
            avg = total / max(1, count)
            info += f" - {key}:" + (f" {avg:.4f}" if abs(avg) > 1e-3 else f" {avg:.4e}")
        self.total_width += len(info)
        if prev_total_width > self.total_width:
            info += " " * (prev_total_width - self.total_width)
        if finalize:
            info += "\n"
        self.last_update = now
        return message + info


def keras2_eta(eta: float) -> str:
    if eta > 3600:
        return "%d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
    if eta > 60:
        return "%d:%02d" % (eta // 60, eta % 60)
    return "%ds" % eta


def keras_format_time(time_per_unit: float, unit_name: str) -> str:
    """Progbar._format_time (Keras 2.13 and 3)."""
    if time_per_unit >= 1 or time_per_unit == 0:
        return f" {time_per_unit:.0f}s/{unit_name}"
    if time_per_unit >= 1e-3:
        return f" {time_per_unit * 1000.0:.0f}ms/{unit_name}"
    return f" {time_per_unit * 1000000.0:.0f}us/{unit_name}"


# --------------------------------------------------------------------------------------
# Keras 3 (keras/src/utils/progbar.py), verbose=2: one line per epoch.


def keras3_verbose2_line(steps: int, epoch_seconds: float, logs: dict) -> str:
    """The finalize branch of Progbar.update with verbose=2.

    With verbose=2 ProgbarLogger never updates the bar per batch, so the time per
    step is the whole epoch (validation included) divided by the steps. Values are
    printed with ``.4f`` only if ``avg > 1e-3`` (no abs), otherwise ``.4e``: a
    recall of 0 prints as ``0.0000e+00``.
    """
    numdigits = int(math.log10(steps)) + 1
    info = f"%{numdigits}d/%d" % (steps, steps) + f" - {epoch_seconds:.0f}s"
    info += " -" + keras_format_time(epoch_seconds / steps, "step")
    for key, avg in logs.items():
        info += f" - {key}:" + (f" {avg:.4f}" if avg > 1e-3 else f" {avg:.4e}")
    return info + "\n"


def keras3_logs(train: dict, val: dict) -> dict:
    """Keras 3 sorts metric names (pythonify_logs) and appends the val_ ones after."""
    logs = {k: train[k] for k in sorted(train)}
    logs.update({"val_" + k: val[k] for k in sorted(val)})
    return logs


# --------------------------------------------------------------------------------------
# Python logging with "%(asctime)s - %(name)s - %(levelname)s - %(message)s".


def python_logging_line(when: datetime, logger_name: str, level: str, message: str) -> str:
    """logging.Formatter's default asctime: '%Y-%m-%d %H:%M:%S' plus ',%03d' truncated msecs."""
    return f"{when:%Y-%m-%d %H:%M:%S},{when.microsecond // 1000:03d} - {logger_name} - {level} - {message}\n"


# --------------------------------------------------------------------------------------
# PyTorch Lightning CSVLogger (lightning/fabric/loggers/csv_logs.py, _ExperimentWriter).


class LightningCSVLogger:
    """metrics.csv as Lightning's CSVLogger writes it.

    Each ``log_metrics`` call is one sparse row (with ``step`` added). Rows are
    buffered and flushed when ``(step + 1) % flush_logs_every_n_steps == 0`` and at
    the end. Columns are sorted alphabetically; the csv module ends lines with
    ``\\r\\n``. A column appearing after the file exists makes Lightning rewrite the
    whole file with the new header, returned here as a ``Rewrite``.
    """

    def __init__(self, flush_logs_every_n_steps: int = 100):
        self.flush_every = flush_logs_every_n_steps
        self.keys: list[str] = []
        self.pending: list[dict] = []
        self.written: list[dict] = []

    @staticmethod
    def _item(value):
        return value.item() if hasattr(value, "item") else value  # tensor.item() / numpy scalar

    def log_metrics(self, metrics: dict, step: int) -> str:
        row = {k: self._item(v) for k, v in metrics.items()}
        row["step"] = step
        self.pending.append(row)
        return self.save() if (step + 1) % self.flush_every == 0 else ""

    def _csv(self, rows: list[dict], header: bool) -> str:
        buffer = io.StringIO(newline="")
        writer = csv.DictWriter(buffer, fieldnames=self.keys)
        if header:
            writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()

    def save(self) -> str:
        if not self.pending:
            return ""
        new_keys = set().union(*self.pending) - set(self.keys)
        self.keys = sorted([*self.keys, *new_keys])
        file_exists = bool(self.written)
        rows, self.pending = self.pending, []
        self.written.extend(rows)
        if new_keys and file_exists:
            return Rewrite(self._csv(self.written, header=True))
        return self._csv(rows, header=not file_exists)


# --------------------------------------------------------------------------------------
# Generic JSON lines (json.dumps of one dict per logged step).


def json_line(record: dict) -> str:
    return json.dumps(record) + "\n"


# --------------------------------------------------------------------------------------
# Megatron-LM (megatron/training/training.py training_log, evaluate_and_print_results;
# arguments.py _print_args).


def megatron_arguments(args: dict) -> str:
    lines = [f"  {name} {'.' * (48 - len(name))} {value}" for name, value in args.items()]
    return ("------------------------ arguments ------------------------\n"
            + "".join(line + "\n" for line in sorted(lines, key=str.lower))
            + "-------------------- end of arguments ---------------------\n")


def megatron_datetime_line(event: str, when: datetime) -> str:
    return f"[{event}] datetime: {when:%Y-%m-%d %H:%M:%S} \n"


def megatron_training_line(when: datetime, iteration: int, train_iters: int, consumed_samples: int,
                           ms_per_iteration: float, learning_rate: float, global_batch_size: int,
                           losses: dict, loss_scale: float, grad_norm: float,
                           skipped_iterations: int = 0, nan_iterations: int = 0) -> str:
    line = f" [{when:%Y-%m-%d %H:%M:%S.%f}]"
    line += " iteration {:8d}/{:8d} |".format(iteration, train_iters)
    line += " consumed samples: {:12d} |".format(consumed_samples)
    line += " elapsed time per iteration (ms): {:.1f} |".format(ms_per_iteration)
    line += f" learning rate: {learning_rate:.6E} |"
    line += f" global batch size: {global_batch_size:5d} |"
    for key, avg in losses.items():
        line += " {}: {:.6E} |".format(key, avg)
    line += f" loss scale: {loss_scale:.1f} |"
    line += f" grad norm: {grad_norm:.3f} |"
    line += " number of skipped iterations: {:3d} |".format(skipped_iterations)
    line += " number of nan iterations: {:3d} |".format(nan_iterations)
    return line + "\n"


def megatron_validation_block(prefix: str, losses: dict) -> str:
    text = f" validation loss at {prefix} | "
    for key, value in losses.items():
        text += "{} value: {:.6E} | ".format(key, value)
        text += "{} PPL: {:.6E} | ".format(key, math.exp(min(20, value)))
    rule = "-" * (len(text) + 1)
    return f"{rule}\n{text}\n{rule}\n"
