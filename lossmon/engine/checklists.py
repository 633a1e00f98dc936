"""What each pathology means and what to check, in lossmon's words (from the field guide's
checklists). Each item is short enough for a 40-column side pane."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pathology:
    id: str
    badge: str  # the label on the status badge
    title: str
    meaning: str
    checklist: tuple[str, ...]


PATHOLOGIES: dict[str, Pathology] = {
    p.id: p
    for p in (
        Pathology(
            "exploding_loss", "EXPLODING", "Exploding loss",
            "The loss jumped far above its recent level.",
            (
                "Inspect the input batches around that step for NaNs or extreme outliers.",
                "Clip gradients and check the grad-norm trend.",
                "Look for a division by zero in the loss or preprocessing.",
                "Look for a log of zero or of negative numbers.",
                "If the outliers are genuine, shuffle so they spread across batches.",
                "Lower the learning rate or lengthen the warm-up.",
            ),
        ),
        Pathology(
            "nan_or_inf", "NaN/Inf", "NaN or infinite values",
            "A loss or gradient norm became NaN or infinite.",
            (
                "Find the first non-finite step and inspect that batch.",
                "Check inputs for NaN/inf; guard log, sqrt and division.",
                "Use anomaly detection / check_numerics to find the op.",
                "Mixed precision: loss-scale overflow; try bf16 or a lower LR.",
                "Clip gradients; drop or fix non-finite values in the data.",
            ),
        ),
        Pathology(
            "not_converging", "NOT CONVERGING", "Not converging",
            "The loss bounces around and makes no lasting progress.",
            (
                "Validate the data against a schema: bad rows, outliers, NaNs.",
                "Check that the features can predict the label at all.",
                "Overfit 10 easy examples first; the loss must get very small.",
                "Lower the learning rate: the optimizer may be bouncing around.",
                "Simplify the model until it beats a simple baseline.",
            ),
        ),
        Pathology(
            "overfitting", "OVERFITTING", "Overfitting",
            "Validation loss rises while training loss keeps falling.",
            (
                "Reduce model capacity.",
                "Add regularization: dropout, weight decay, augmentation.",
                "Stop early at the best validation point.",
                "Check that train and validation splits are equivalent.",
            ),
        ),
        Pathology(
            "contradictory_metrics", "CONTRADICTORY", "Contradictory metrics",
            "The loss improves while a metric such as recall stays stuck.",
            (
                "Predictions may never cross the threshold (often 0.5).",
                "Typical of heavy class imbalance: the majority class wins.",
                "Lower the classification threshold.",
                "Look at threshold-free metrics such as AUC.",
                "Rethink the imbalance: class weights, resampling, the goal.",
            ),
        ),
        Pathology(
            "stuck_periodic", "PERIODIC", "Repetitive, step-like loss",
            "The loss repeats a pattern tied to the data order (often each epoch).",
            (
                "The data may be ordered (e.g. sorted by class): shuffle it.",
                "Check that shuffling happens every epoch and across shards.",
                "A small drop at each epoch start in multi-epoch fine-tuning is normal.",
            ),
        ),
        Pathology(
            "plateau", "PLATEAU", "Plateau",
            "The loss stays flat while still far from a good value.",
            (
                "Learning rate too low (or too high): try a schedule or decay.",
                "Too few epochs, or too little or too poor data.",
                "Model too simple: try another architecture or activation.",
                "Vanishing/exploding gradients; batch-norm placement; optimizer.",
                "Check the labels: label bugs keep the loss at chance.",
            ),
        ),
        Pathology(
            "grad_explosion", "GRAD ↑", "Gradient explosion",
            "The gradient norm jumped far above its recent level.",
            (
                "Clip gradients (e.g. max norm 1.0).",
                "Lower the learning rate or lengthen the warm-up.",
                "Inspect the batch at that step: grad spikes precede loss spikes.",
            ),
        ),
        Pathology(
            "grad_vanishing", "GRAD ↓", "Vanishing gradients",
            "The gradient norm collapsed toward zero and stays there.",
            (
                "Check activations and initialization (saturating units, dead ReLUs).",
                "Check normalization layers and residual connections.",
                "Check the learning rate and optimizer settings.",
            ),
        ),
        Pathology(
            "stalled", "STALLED", "Stalled run",
            "The log stopped growing: the job may be hung or dead.",
            (
                "Is the process alive? py-spy dump --pid PID shows where it waits.",
                "NCCL deadlock or hung collective: one rank died or diverged.",
                "Dead data loader workers: look for killed workers in stderr.",
                "Full disk: df -h on the log, checkpoint and data dirs.",
                "OOM-killed or crashed: dmesg | tail; the job's exit status.",
                "GPUs idle or stuck at 100%? nvidia-smi.",
                "Preempted or lost node: check the scheduler (squeue, sacct).",
            ),
        ),
        Pathology(
            "baseline", "BASELINE", "Compared with the baseline",
            "The run is clearly ahead of or behind the pinned baseline run, or reached its final loss.",
            (
                "Behind: diff the configs (LR, batch size, warm-up, data order, seed).",
                "Behind early only: a longer warm-up or another schedule may catch up; wait.",
                "Ahead: check that both runs evaluate on the same held-out data.",
                "Compare on tokens or time (--x) when batch sizes or speeds differ.",
                "One seed is not a result: the band is both runs' noise, not seed variance.",
            ),
        ),
    )
}

# The seven seed pathologies, in badge order.
SEED_PATHOLOGIES = (
    "exploding_loss", "nan_or_inf", "not_converging", "overfitting",
    "contradictory_metrics", "stuck_periodic", "plateau",
)


def checklist(pathology: str) -> list[str]:
    return list(PATHOLOGIES[pathology].checklist)
