"""Which of several losses a log follows, when none is named plainly "loss" (issue 12).

A learned image codec prints its objective by its letter, beside its terms: ``L=0.1200
D=0.1129  PSNR= 9.47  R=0.5510 bpp`` (tests/corpus/darma-logs-train-out-rd-l-d-psnr), the
rate-distortion loss L = D + lambda * R. "L" alone is the objective's symbol: a loss, and the one
to follow over its distortion term "D" (which a GAN log's letters would also make a loss).

second.pytorch groups every term under "loss." (tests/corpus/second-pytorch-runs-log-dotted-loss-
components): ``loss.cls_loss=45.38, loss.cls_loss_rt=14.58, loss.loc_loss=3.413, ...,
loss.dir_rt=0.7028``. The direction term is a loss only by its group; the primary is one whose own
word says loss. Its step is under a group too ("runtime.step=50"): it steps the line."""

from parse_helpers import read

# (real lines of that log)
DARMA = """[ep 0 step     0 t=      5s vram= 5790MB] L=0.3462  D=0.3404  PSNR= 4.68  R=0.4500 bpp
[ep 0 step    20 t=     43s vram= 5904MB] L=0.1200  D=0.1129  PSNR= 9.47  R=0.5510 bpp
[ep 0 step    40 t=     81s vram= 5904MB] L=0.1107  D=0.1049  PSNR= 9.79  R=0.4470 bpp
[ep 0 step    60 t=    118s vram= 5904MB] L=0.1212  D=0.1158  PSNR= 9.36  R=0.4192 bpp
saved checkpoints/base.pt (epoch 0, step 256)
[ep 1 step   260 t=    500s vram= 5904MB] L=0.4546  D=0.4490  PSNR= 3.48  R=0.4334 bpp
"""

SECOND = (
    "runtime.step=50, runtime.steptime=2.165, runtime.voxel_gene_time=0.0224, runtime.prep_time=0.1481, "
    "loss.cls_loss=45.38, loss.cls_loss_rt=14.58, loss.loc_loss=3.413, loss.loc_loss_rt=2.02, "
    "loss.loc_elem=[0.09644, 0.02378, 0.271, 0.03306, 0.05656, 0.1738, 0.3551], loss.cls_pos_rt=0.1919, "
    "loss.cls_neg_rt=14.39, loss.dir_rt=0.7028, rpn_acc=0.9601, pr.prec@10=0.0008865, pr.rec@10=0.9968, "
    "misc.num_vox=135158, misc.num_pos=53, misc.num_neg=70262, misc.num_anchors=70400, misc.lr=0.0002251, misc.mem_usage=3.3\n"
    "runtime.step=100, runtime.steptime=1.183, runtime.voxel_gene_time=0.008386, runtime.prep_time=0.1231, "
    "loss.cls_loss=26.45, loss.cls_loss_rt=3.447, loss.loc_loss=2.525, loss.loc_loss_rt=1.699, "
    "loss.loc_elem=[0.06739, 0.03452, 0.2684, 0.03375, 0.04372, 0.0473, 0.3545], loss.cls_pos_rt=0.3126, "
    "loss.cls_neg_rt=3.134, loss.dir_rt=0.7245, rpn_acc=0.9796, pr.prec@10=0.0008882, pr.rec@10=0.998, "
    "misc.num_vox=127705, misc.num_pos=55, misc.num_neg=70249, misc.num_anchors=70400, misc.lr=0.0002256, misc.mem_usage=3.3\n"
    "runtime.step=150, runtime.steptime=1.128, runtime.voxel_gene_time=0.00777, runtime.prep_time=0.1205, "
    "loss.cls_loss=18.38, loss.cls_loss_rt=1.468, loss.loc_loss=2.164, loss.loc_loss_rt=1.213, "
    "loss.loc_elem=[0.02795, 0.0224, 0.132, 0.02256, 0.05086, 0.02606, 0.3247], loss.cls_pos_rt=0.4165, "
    "loss.cls_neg_rt=1.052, loss.dir_rt=0.6845, rpn_acc=0.9861, pr.prec@10=0.0009337, pr.rec@10=0.983, "
    "misc.num_vox=134429, misc.num_pos=57, misc.num_neg=70246, misc.num_anchors=70400, misc.lr=0.0002263, misc.mem_usage=3.3\n"
)


def test_the_objective_letter_is_the_loss_over_its_distortion_term():
    store = read(DARMA).store
    assert store["L"].kind == "loss"
    assert store.primary_train == "L"
    assert store["L"].values.tolist() == [0.3462, 0.12, 0.1107, 0.1212, 0.4546]
    assert store["L"].steps.tolist() == [0, 20, 40, 60, 260]
    assert store["R"].kind != "loss"  # the rate, in bits per pixel, is a term, not the loss


def test_a_gan_log_of_letters_keeps_its_own_losses():
    # no "L": the letters of a GAN's two networks are its losses, as before
    store = read("".join(f"[{k}/100] D: 0.{60 + k} G: 1.{k}2\n" for k in range(1, 6))).store
    assert store.primary_train in ("D", "G")
    assert store["D"].kind == store["G"].kind == "loss"


def test_a_term_that_is_a_loss_only_by_its_group_is_not_the_primary():
    store = read(SECOND).store
    assert store["loss.dir_rt"].kind == "loss"
    assert store.primary_train == "loss.cls_loss"
    assert store["loss.cls_loss"].values.tolist() == [45.38, 26.45, 18.38]


def test_a_step_under_its_group_steps_the_line():
    # "runtime.step=50": the step, not a series (the records were numbered 1, 2, 3)
    store = read(SECOND).store
    assert store["loss.cls_loss"].steps.tolist() == [50, 100, 150]
    assert "runtime.step" not in store
    assert store["runtime.steptime"].values.tolist() == [2.165, 1.183, 1.128]


def test_a_timing_named_by_a_step_word_is_no_step():
    # minitorch's "Opt.step: 0.52" is the seconds the optimizer step took (not a whole number)
    store = read("".join(f"Opt.step: 0.5{k}  loss: 2.{9 - k}\n" for k in range(4))).store
    assert store["Opt.step"].values.tolist() == [0.5, 0.51, 0.52, 0.53]
    assert store["loss"].steps.tolist() == [1, 2, 3, 4]
