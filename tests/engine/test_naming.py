import pytest

from lossmon.engine.naming import choose_primary, is_metric_name, keep_value, kind_of, names_the_overall_loss, split_of


@pytest.mark.parametrize(
    "name,split",
    [
        ("loss", "train"), ("train_loss", "train"), ("val_loss", "val"), ("eval_loss", "val"),
        ("valid/loss", "val"), ("val/box_loss", "val"), ("validation lm loss", "val"),
        ("validation-1 lm loss", "val"), ("tel", "val"), ("trl", "train"), ("eval", "val"),
        ("test_loss", "test"), ("predict_loss", "test"), ("test lm loss", "test"),
        ("metrics/mAP50(B)", "val"), ("coco/bbox_mAP", "val"), ("eval_rouge-1", "val"),
        ("train/box_loss", "train"), ("interval_loss", "train"), ("train_loss_epoch", "train"),
        ("val_acc", "val"), ("Val Loss", "val"), ("eval/loss", "val"), ("dev_f1", "val"), ("vali/loss", "val"),
        ("vali_accuracy", "val"), ("valid_loss", "val"),
    ],
)
def test_split(name, split):
    assert split_of(name) == split


@pytest.mark.parametrize(
    "name,kind",
    [
        ("loss", "loss"), ("lm loss", "loss"), ("trl", "loss"), ("tel", "loss"), ("nll_loss", "loss"),
        ("reduced_train_loss", "loss"), ("train_loss_step", "loss"), ("loss scale", "other"),
        ("loss_scale", "other"), ("ppl", "metric"), ("lm loss PPL", "metric"), ("eval", "metric"),
        ("lr", "lr"), ("learning_rate", "lr"), ("learning rate", "lr"), ("lr/pg0", "lr"), ("base_lr", "lr"),
        ("grad_norm", "grad_norm"), ("grad norm", "grad_norm"), ("gnorm", "grad_norm"), ("norm", "grad_norm"),
        ("params norm", "other"), ("accuracy", "metric"), ("Acc@1", "metric"), ("eval_wer", "metric"),
        ("metrics/mAP50-95(B)", "metric"), ("epoch", "other"), ("mfu", "other"), ("tok/s", "other"),
        # MXNet's SSD example (ellinier/my-mxnet-ssd train_2.log, holdout21a): the loss named by its function
        ("Train-SmoothL1", "loss"), ("Validation-SmoothL1", "loss"), ("smooth_l1", "loss"), ("Train-ObjectAcc", "metric"),
    ],
)
def test_kind(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    "name",
    [
        "step", "global_step", "iteration", "consumed samples", "consumed_samples", "v_num", "eta",
        "time", "data_time", "train_runtime", "eval_runtime", "eval_samples_per_second", "step_avg",
        "train_time", "elapsed time per iteration (ms)", "train_step_timing in s", "bsz", "wpb",
        "num_updates", "global batch size", "total_flos", "percentage", "elapsed_time", "wall",
        "train/wall", "train/bsz", "num_input_tokens_seen", "current_steps", "total_steps",
        "train/n_updates", "time/iterations", "num_episodes", "total timesteps", "n_steps", "nb_epochs",
        "cuda", "n_gpu", "num_rows", "Batch_id",
    ],
)
def test_counters_clocks_and_durations_are_not_metrics(name):
    assert not is_metric_name(name)


@pytest.mark.parametrize(
    "name",
    # ids of what a line is about and counts of them (corpus: "for class 2 contains: 2148 samples",
    # "[fold 0], Train Step 10", "Mean Accuracy over 5 runs", " Client 1/5", "(n=1,499)",
    # "recommended items : 11")
    ["class", "Class", "category", "fold", "runs", "trial", "Client", "items", "id", "idx", "index", "n",
     "Count", "eval/fold"],
)
def test_ids_and_counts_of_items_are_not_metrics(name):
    assert not is_metric_name(name)


@pytest.mark.parametrize(
    "name", ["loss", "lr", "grad norm", "number of nan iterations", "epoch", "wps", "mfu", "memory", "class_loss",
             "cls", "n_loss", "index_acc", "fold_loss"],
)
def test_metrics_are_metrics(name):
    assert is_metric_name(name)


def test_placeholders():
    assert not keep_value("coco/bbox_mAP_s", -1.0)
    assert keep_value("coco/bbox_mAP_s", 0.0)
    assert keep_value("loss", -1.0)  # a loss may legitimately be -1
    assert not keep_value("mfu", -100.0)


def test_primary_prefers_the_main_loss():
    series = [
        ("loss_cls", "train", "loss", 10), ("loss", "train", "loss", 10), ("eval_loss", "val", "loss", 2),
        ("val/box_loss", "val", "loss", 2), ("eval", "val", "metric", 3),
    ]
    assert choose_primary(series) == ("loss", "eval_loss")
    assert choose_primary([("trl", "train", "loss", 5), ("tel", "val", "loss", 1), ("eval", "val", "metric", 1)]) == ("trl", "tel")
    components = [("train/box_loss", "train", "loss", 25), ("train/cls_loss", "train", "loss", 25)]
    assert choose_primary(components) == ("train/box_loss", None)


def test_of_two_main_loss_names_the_more_complete_is_primary():
    """tests/corpus/era-v4-resnet50-readme-logs: a 90-epoch table ("Train Loss", "Val Loss") and
    the run's own log lines quoted for 41 epochs ("EPOCH 1 TRAIN - Loss", "EPOCH 1 VAL - Loss")."""
    era = [
        ("Train Loss", "train", "loss", 90), ("Val Loss", "val", "loss", 90),
        ("Loss", "train", "loss", 41), ("VAL/Loss", "val", "loss", 43),
    ]
    assert choose_primary(era) == ("Train Loss", "Val Loss")
    # a tie keeps the preference order ("loss" before "train_loss", "val_loss" before "eval_loss")
    tie = [("loss", "train", "loss", 5), ("train_loss", "train", "loss", 5), ("eval_loss", "val", "loss", 2), ("val_loss", "val", "loss", 2)]
    assert choose_primary(tie) == ("loss", "val_loss")
    # a one-off summary ("train_loss" once at the end) never outranks the per-step loss
    assert choose_primary([("loss", "train", "loss", 40), ("train_loss", "train", "loss", 1)]) == ("loss", None)


def test_a_test_loss_is_the_val_loss_when_there_is_no_val_loss():
    from lossmon.engine.naming import choose_primary

    detr = [("train_loss", "train", "loss", 3), ("test_loss", "test", "loss", 3), ("test_loss_ce", "test", "loss", 3)]
    assert choose_primary(detr) == ("train_loss", "test_loss")
    both = [*detr, ("val_loss", "val", "loss", 3)]
    assert choose_primary(both) == ("train_loss", "val_loss")


@pytest.mark.parametrize(
    "name, kind",
    [("train", "loss"), ("val", "loss"), ("Valid", "loss"), ("validation", "loss"), ("test", "other"), ("hella", "other")],
)
def test_a_bare_split_word_names_that_splits_loss(name, kind):
    # nanoGPT forks print "train 3.4484 val 3.4299"; build-nanogpt's log file "250 val 6.43".
    # "Test 0.97" next to "Train 0.98" is as often an accuracy: left alone.
    assert kind_of(name) == kind


def test_valid_loss_is_a_preferred_val_name():
    # denoiser: "Valid Loss" (the summary) is preferred to an "Overall Summary" column "Valid"
    assert choose_primary([("Valid", "val", "loss", 1), ("Valid Loss", "val", "loss", 1)])[1] == "Valid Loss"


@pytest.mark.parametrize(
    "name,split",
    [
        # scripts that label their own prints in their language
        ("pierdere", "train"), ("validare", "val"), ("pérdida validación", "val"), ("perda_validação", "val"),
        ("Verlust Validierung", "val"), ("валидация", "val"), ("验证损失", "val"), ("训练损失", "train"),
        ("测试损失", "test"), ("prueba", "test"),
    ],
)
def test_split_words_of_other_languages(name, split):
    assert split_of(name) == split


@pytest.mark.parametrize(
    "name",
    [
        "pierdere", "pérdida", "perda", "perte", "Verlust", "perdita", "потери", "训练损失", "验证损失", "손실",
        "Batch Energy",  # the quantity a predictive-coding / energy-based model minimises
        "G_GAN", "G_L1", "D_real", "D_fake", "D_A", "G_B", "cycle_A", "idt_B",  # pix2pix, CycleGAN
        "train", "val", "learn", "dev", "validare",  # a split's word alone: its objective
        "train/box_om", "val/cls_oo", "train/dfl_oo", "box_om",  # YOLOv10's terms by head (one-to-many, one-to-one)
    ],
)
def test_loss_names_beyond_the_word_loss(name):
    assert kind_of(name) == "loss"


@pytest.mark.parametrize("name", ["data", "Grad", "GPU", "Date", "dataset", "nats", "eval", "Generator", "bloom", "box_omega"])
def test_words_near_those_stay_what_they_were(name):
    assert kind_of(name) != "loss"


@pytest.mark.parametrize("total", ["total loss", "Total_Loss", "loss_total", "train/total_loss", "overall loss", "sum_loss"])
def test_a_total_over_components_is_the_primary_train_loss(total):
    # PGNet's train_log.txt: total loss, score loss, border loss, direc loss, ctc loss, all as often
    components = [("score loss", "train", "loss", 40), ("ctc loss", "train", "loss", 40), (total, "train", "loss", 40)]
    assert choose_primary(components) == (total, None)
    # a component named without "total" still loses to "loss" itself
    assert choose_primary([("loss", "train", "loss", 5), ("loss_total_var", "train", "loss", 5)])[0] == "loss"


def test_a_total_printed_once_after_the_run_is_its_summary_not_the_curve():
    # holdout19o's HoanNgo1592 food-classification notebook: "Epoch N: Training Loss: 0.7280, ...
    # Validation Loss: 0.5852" for 10 epochs, then "Total Training Loss: 0.2224" once
    rows = [("Training Loss", "train", "loss", 10), ("Total Training Loss", "train", "loss", 1),
            ("Validation Loss", "val", "loss", 10)]
    assert choose_primary(rows) == ("Training Loss", "Validation Loss")
    # a total logged as often as its terms is still the one to follow
    assert choose_primary([("Training Loss", "train", "loss", 10), ("Total Training Loss", "train", "loss", 10)])[0] == "Total Training Loss"


def test_terms_of_one_cost_printed_side_by_side_follow_the_first():
    # holdout19a/e/f's recurrent attention model logs: "Epoch: 0, minibatch_idx: 0, class cost:
    # 6.60422, locs_cost: 0.933187, accuracy: 0.0015625" (the classification term, then the location's)
    rows = [("class cost", "train", "loss", 292), ("locs_cost", "train", "loss", 292)]
    assert choose_primary(rows)[0] == "class cost"
    # other equally logged losses keep the shorter name
    assert choose_primary([("recon_loss", "train", "loss", 5), ("kl_loss", "train", "loss", 5)])[0] == "kl_loss"


def test_the_first_split_word_of_a_name_wins():
    # a validation pass on test-like data, as a bracketed logging tag spells it
    assert split_of("Diff-Val(Test-Normal)/loss") == "val"
    assert split_of("test_val_loss") == "test"


def test_a_loss_nested_under_metrics_keeps_its_own_split():
    assert split_of("metrics/loss") == "train"
    assert split_of("metrics/precision(B)") == "val"  # Ultralytics' validation metrics


def test_a_regression_held_out_error_is_the_val_loss_only_without_a_held_out_loss():
    series = [("Training Loss", "train", "loss", 500), ("Model test error", "test", "other", 501)]
    assert choose_primary(series) == ("Training Loss", "Model test error")
    assert choose_primary(series + [("val_loss", "val", "loss", 10)]) == ("Training Loss", "val_loss")
    assert choose_primary([("loss", "train", "loss", 5), ("test_class_error", "test", "other", 5)]) == ("loss", None)


def test_an_average_loss_is_preferred_to_a_sum_over_batches():
    series = [("Total eval loss", "val", "loss", 8), ("Average Evaluation Loss", "val", "loss", 8)]
    assert choose_primary(series)[1] == "Average Evaluation Loss"
    assert choose_primary([("total_loss", "train", "loss", 9), ("loss_cls", "train", "loss", 9)])[0] == "total_loss"


@pytest.mark.parametrize(
    "name,kind",
    [
        # "cost" is the loss in TF1 tutorials and the deeplearning.ai courses; PaddlePaddle's
        # batch_cost / reader_cost are times and an RL episode's cost a constraint
        ("cost", "loss"), ("Cost", "loss"), ("train cost", "loss"), ("Validation_cost", "loss"), ("avg_cost", "loss"),
        ("batch_cost", "other"), ("reader_cost", "other"), ("EpCost", "other"),
        # a term of the objective (holdout19a/19e's recurrent attention model: "class cost: 6.60422,
        # locs_cost: 0.933187"), never a time or an episode's
        ("class cost", "loss"), ("locs_cost", "loss"), ("train recon_cost", "loss"), ("kl_cost", "loss"),
        ("data_cost", "other"), ("episode_cost", "other"), ("step cost", "other"),
        # MXNet's Module.fit spells cross-entropy with a hyphen
        ("cross-entropy", "loss"), ("Train-cross-entropy", "loss"), ("Validation-cross-entropy", "loss"),
    ],
)
def test_cost_and_cross_entropy_spellings(name, kind):
    assert kind_of(name) == kind


@pytest.mark.parametrize(
    "name, split, kind",
    [
        # gbm's verbose table (tests/corpus/gbm-tdboost-rmd-md-iter-train-valid-deviance)
        ("TrainDeviance", "train", "loss"),
        ("ValidDeviance", "val", "loss"),
        ("ValLoss", "val", "loss"),
        ("TestLoss", "test", "loss"),
        # one word, not a split glued to another
        ("Validity", "train", "other"),
        ("Deviance", "train", "loss"),
    ],
)
def test_capitalised_split_words_glued_to_the_next(name, split, kind):
    assert (split_of(name), kind_of(name)) == (split, kind)


def test_gbm_valid_deviance_nan_means_not_measured():
    assert not keep_value("ValidDeviance", float("nan"))
    assert keep_value("ValidDeviance", 1.25) and keep_value("TrainDeviance", float("nan"))


@pytest.mark.parametrize(
    "names,primary",
    [
        # group DRO's train.csv: the objective beside the regularizer and each group's share
        (["avg_loss_group:0", "exp_avg_loss_group:0", "avg_actual_loss", "avg_per_sample_loss", "reg_loss"], "avg_actual_loss"),
        (["l2_reg", "mse_loss"], "mse_loss"),
        (["aux_loss", "lm_loss"], "lm_loss"),
        (["G_GAN", "G_L1", "D_real", "D_fake"], "G_L1"),  # pix2pix: an L1 term is no regularizer here
    ],
)
def test_a_term_of_the_objective_gives_way_among_losses_logged_as_often(names, primary):
    series = [(name, "train", "loss", 10) for name in names]
    assert choose_primary(series)[0] == primary


def test_a_variational_models_free_energy_is_its_loss_not_the_kl_term():
    # Darakuten/Digital_brain results/train_history.csv: "epoch,free_energy,reconstruction_error,kl_loss"
    # (free_energy = reconstruction_error + kl_loss, the objective), each logged every epoch
    series = [("free_energy", "train", "loss", 100), ("kl_loss", "train", "loss", 100)]
    assert choose_primary(series) == ("free_energy", None)
    assert choose_primary([("Free Energy", "train", "loss", 100), ("KL loss", "train", "loss", 100)])[0] == "Free Energy"
    # (an energy of another kind, an energy-based model's, is a loss but no total of terms)
    assert names_the_overall_loss("train/free_energy") and not names_the_overall_loss("energy")


def test_a_validation_loss_logged_per_step_and_per_epoch_is_its_epoch_column():
    # sankalpjena/GNN-RANS-Flow lightning metrics.csv: "train_loss_step,epoch,step,val_loss_step,
    # val_loss_epoch,train_loss_epoch", val_loss_step on each of 659 validation batches, 34 epochs
    series = [
        ("train_loss_step", "train", "loss", 525), ("train_loss_epoch", "train", "loss", 34),
        ("val_loss_step", "val", "loss", 659), ("val_loss_epoch", "val", "loss", 34),
    ]
    assert choose_primary(series) == ("train_loss_step", "val_loss_epoch")
    # without its epoch twin, a step column is still the held-out loss
    assert choose_primary([("train_loss", "train", "loss", 10), ("val_loss_step", "val", "loss", 40)])[1] == "val_loss_step"


def test_the_training_objective_named_so_is_a_loss():
    # 2117865850-oss/ai-assignment2-vbll results/training_log.csv: "seed,model,epoch,train_objective,
    # val_accuracy,val_nll,..." (a variational last layer's training objective beside the val NLL)
    assert kind_of("train_objective") == "loss" and kind_of("Training Objective") == "loss"
    assert choose_primary([("train_objective", "train", "loss", 60), ("val_nll", "val", "loss", 60)]) == ("train_objective", "val_nll")
    # an objective alone names nothing minimised for sure (RL's surrogate objective is maximised)
    assert kind_of("objective") != "loss" and kind_of("surrogate_objective") != "loss"


# An actor-critic agent's losses printed bare by network name (fix-16r, issue 12):
# tests/corpus/idai710-sac-critic-actor-console (VedantSinghPundir/IDAI-710-Term-Project @ecff117
# logs/train_output.txt, a SAC agent): "  step=  1,000 | critic=31.6799 | actor=-4.7498 | alpha=0.7615"
# every 1,000 steps, and no loss named so; the critic's (TD) loss is the one to follow.
def test_a_critic_beside_its_actor_is_the_train_loss_of_a_log_without_a_loss():
    sac = [("critic", "train", "other", 500), ("actor", "train", "other", 500), ("alpha", "train", "other", 500)]
    assert choose_primary(sac) == ("critic", None)
    # public print()s of the same shape: "[Step 5000] Critic: ... | Actor: ... | Trust: ...%",
    # "Update 5 - Actor: ..., Critic: ..., Entropy: ...", and a policy's value head beside it
    assert choose_primary([("Critic", "train", "other", 3), ("Actor", "train", "other", 3), ("Trust", "train", "other", 3)]) == ("Critic", None)
    assert choose_primary([("policy", "train", "other", 9), ("value", "train", "other", 9), ("entropy", "train", "other", 9)]) == ("value", None)
    assert choose_primary([("actor", "train", "other", 4), ("critic_1", "train", "other", 4)]) == ("critic_1", None)


@pytest.mark.parametrize(
    "series",
    [
        # a WGAN's critic beside its generator ("gen: 1.20  critic: -0.53"): no actor
        [("gen", "train", "other", 9), ("critic", "train", "other", 9)],
        # "critic" alone (an RL console that prints the mean reward and the critic's loss)
        [("Mean reward", "train", "other", 9), ("critic", "train", "other", 9)],
        # a value estimate beside an actor, no policy/value pair
        [("actor", "train", "other", 9), ("value", "train", "other", 9)],
    ],
)
def test_a_critic_or_a_value_without_its_pair_names_no_loss(series):
    assert choose_primary(series) == (None, None)


def test_a_loss_named_so_comes_before_the_critic():
    series = [("loss", "train", "loss", 9), ("actor", "train", "other", 9), ("critic", "train", "other", 9)]
    assert choose_primary(series) == ("loss", None)


def test_the_sac_console_of_the_corpus():
    from pathlib import Path

    from lossmon.engine import check_file

    log = Path(__file__).resolve().parents[1] / "corpus" / "idai710-sac-critic-actor-console" / "train_output.txt"
    store = check_file(str(log)).store
    assert (store.primary_train, store.primary_val) == ("critic", None)
    assert len(store["critic"]) == 500 and store["critic"].values[0] == 31.6799


def test_of_two_train_losses_named_alike_but_for_case_the_longer_series_is_primary():
    # a Keras fit's "loss" each epoch, then a notebook's own print "Loss: 0.0702" twice
    # (0xnu/image_classification's notebook): the per-epoch series, whichever came first
    rows = [("loss", "train", "loss", 20), ("Loss", "train", "loss", 2)]
    assert choose_primary(rows)[0] == "loss"
    assert choose_primary(list(reversed(rows)))[0] == "loss"


@pytest.mark.parametrize("name", ["-ELBO/sample", "neg_elbo", "NELBO", "negative ELBO"])
def test_a_negative_elbo_is_a_loss_and_the_elbo_is_not(name):
    assert kind_of(name) == "loss" and names_the_overall_loss(name)
    assert kind_of(name.replace("-", "").replace("neg_", "").replace("negative ", "").replace("NELBO", "ELBO")) != "loss"


def test_the_held_out_loss_is_the_twin_of_the_training_loss_among_equals():
    # text2sql-train-dev-loss-nll: "epoch,train_loss,dev_loss,train_nll,dev_nll,lr,seconds", 20
    # rows. The training loss is train_loss; of the held-out losses logged as often, dev_loss is
    # its twin (dev_nll is train_nll's), though the shorter name.
    rows = [(name, "val" if name.startswith("dev") else "train", "loss", 20)
            for name in ("train_loss", "dev_loss", "train_nll", "dev_nll")]
    assert choose_primary(rows) == ("train_loss", "dev_loss")
    # with no twin, the rules as before (the shorter name among equals)
    assert choose_primary([("train_loss", "train", "loss", 20), ("dev_nll", "val", "loss", 20), ("dev_kl_nll", "val", "loss", 20)]) == ("train_loss", "dev_nll")


def test_the_training_loss_with_a_held_out_twin_among_equals():
    # srgan-super-resolution-epoch-log-gen-disc-val: five training losses of 50 records and two
    # held-out ones; the generator's loss has its validation twin, the shorter content loss none.
    train = ("Avg Generator Loss", "Avg Discriminator Loss", "Avg Content Loss", "Avg Adversarial Loss")
    rows = [(name, "train", "loss", 50) for name in train]
    rows += [(name, "val", "loss", 50) for name in ("Avg Validation Generator Loss", "Avg Validation Discriminator Loss")]
    assert choose_primary(rows) == ("Avg Generator Loss", "Avg Validation Generator Loss")


def test_the_split_after_the_loss_names_the_primary_losses():
    # holdout20n's record.txt: "Epoch [00001/00030] Loss_train: 0.503432 Loss_val: 0.145604 ..." each
    # epoch, then "Test Results_traindata:" / "Loss: 0.010085" for the final model on 3 splits: the
    # 24 epochs are the curve, not the 3 final "Loss" lines
    series = [("Loss_train", "train", "loss", 24), ("Loss_val", "val", "loss", 24), ("Loss", "train", "loss", 3)]
    assert choose_primary(series) == ("Loss_train", "Loss_val")
    assert choose_primary([("loss/train", "train", "loss", 5), ("loss/test", "test", "loss", 5)]) == ("loss/train", "loss/test")


def test_splits_abbreviated_to_their_first_letters_in_pairs():
    # holdout20l's pruning notebook: "Epoch 1, t-loss 0.1277, v-loss 0.0513" each epoch
    series = [("t-loss", "train", "loss", 20), ("v-loss", "train", "loss", 20)]
    assert choose_primary(series) == ("t-loss", "v-loss")
    # a "v_loss" without its "t_loss" is an RL agent's value loss, no held-out one
    assert choose_primary([("pi_loss", "train", "loss", 20), ("v_loss", "train", "loss", 20)])[1] is None


def test_a_self_play_trainers_abbreviated_heads_are_its_losses():
    # holdout20m's trainlog.log: "Iter   1/500 | avgGameLen=23.0 | pl=2.3430 vl=0.1917 | buf=  9216 | ..."
    series = [("pl", "train", "other", 270), ("vl", "train", "other", 270), ("avgGameLen", "train", "other", 270)]
    assert choose_primary(series) == ("vl", None)
    # "vl" alone names nothing
    assert choose_primary([("vl", "train", "other", 270), ("buf", "train", "other", 270)])[0] is None


def test_among_losses_logged_as_often_a_name_that_says_loss_comes_before_a_letter():
    """A GAN's 'step 2510 | loss_D 1.2668 | loss_G 0.7779 | D(real) +0.051' (bardiarms/gan-rl
    gan_train.log, holdout21j): the 'D' there is the discriminator's score; a Lightning GAN's
    's1/recon' beside 's1/g_loss' and 's1/d_loss' (fcv-project metrics.csv): a term by its letter-like
    name. The named losses win the tie."""
    assert choose_primary([("loss_D", "train", "loss", 507), ("loss_G", "train", "loss", 507), ("D", "train", "loss", 507)])[0] == "loss_D"
    rows = [("s1/adv", "train", "other", 523), ("s1/d_loss", "train", "loss", 523), ("s1/g_loss", "train", "loss", 523),
            ("s1/recon", "train", "loss", 523)]
    assert choose_primary(rows)[0] in ("s1/d_loss", "s1/g_loss")


@pytest.mark.parametrize("name, split", [
    ("validationLoss", "val"), ("valLoss", "val"), ("evalAcc", "val"), ("devLoss", "val"), ("testLoss", "test"),
    ("trainLoss", "train"), ("valueLoss", "train"), ("deviceLoss", "train"), ("testing_loss", "test"),
])
def test_a_split_word_in_camel_case_names_its_split(name, split):
    assert split_of(name) == split


def test_a_camel_case_validation_loss_beside_the_train_loss_is_the_val_loss():
    # keriotisna/cs444 log_12.txt (holdout23c): a tqdm bar's description per epoch, its process id first
    from tests.engine.formats.parse_helpers import read

    text = "".join(
        f"{pid} lr: 0.010000, trainLoss: {2.3 - 0.1 * e:.4f}, trainAccuracy: 0.1087, validationLoss: {2.29 - 0.1 * e:.4f}, "
        f"validationAccuracy: 0.1246:   0%|          | {e}/200 [01:11<1:59:19, 35.98s/it]\n"
        for e in range(1, 6) for pid in ("30038",)
    )
    store = read(text).store
    assert (store.primary_train, store.primary_val) == ("trainLoss", "validationLoss")
