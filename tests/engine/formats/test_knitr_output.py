"""knitr (R Markdown) chunk output (issue 12): a rendered page prints every line a chunk wrote
after "## ", indented as a code block: ``    ## step = 500: loss = 6.96e-05`` (the TF-Agents DQN
tutorial knitted through reticulate, tests/corpus/gym-fishing-tf-agents-dqn-rmd-md). The indented
mark goes as a launcher's label does, whatever the line holds (gbm's verbose table,
tests/corpus/gbm-tdboost-rmd-md-iter-train-valid-deviance); at a line's start (between ``` fences)
it goes before a line of two numbers or more or a console table's header (XGBoost's rounds,
tests/corpus/xgboost-rmd-readme-knitr-train-test-rmse; Keras for R), and other "## " lines stay
what "#" makes them, comments and headings."""

from parse_helpers import CORPUS, read

from lossmon.engine import check_file

_PAGE = (
    "## Agent\n\n```python\nagent.initialize()\n```\n\n"
    "    ## step = 500: loss = 6.960943574085832e-05\n"
    "    ## step = 1000: loss = 0.0003346058656461537\n"
    "    ## step = 1000: Average Return = 1.7991993427276611\n"
    "    ## step = 1500: loss = 0.0016084250435233116\n"
    "    ## step = 2000: loss = 0.0019489408004283905\n"
    "    ## step = 2000: Average Return = 2.0213441848754883\n"
)


def test_knitr_chunk_output_lines_are_records():
    store = read(_PAGE).store
    assert store.primary_train == "loss"
    assert store["loss"].steps.tolist() == [500.0, 1000.0, 1500.0, 2000.0]
    assert store["loss"].values.tolist()[0] == 6.960943574085832e-05


def test_the_corpus_page_reads_all_282_losses():
    monitor = check_file(str(CORPUS / "gym-fishing-tf-agents-dqn-rmd-md" / "dqn_fishing-v0.md"))
    assert len(monitor.store["loss"]) == 282


def test_commented_settings_stay_comments():
    text = "".join(f"## lr: 0.00{n}\n# loss: 0.{n}\n## batch_size = 3{n}\n" for n in range(1, 6))
    assert not [series.name for series in read(text).store]


# duffau/motorcycle_analysis analysis.md (a github_document): TDboost's gbm-style verbose table.
_GBM_INDENTED = (
    "``` r\ntdboost_model <- TDboost(skadkost ~ agarald + fordald, data=dataOhlsson)\n```\n\n"
    "    ## Iter   TrainDeviance   ValidDeviance   StepSize   Improve\n"
    "    ##      1       64.9933            -nan     0.0010   -0.0001\n"
    "    ##      2       64.9837            -nan     0.0010    0.0107\n"
    "    ##      3       64.9694            -nan     0.0010    0.0137\n"
    "    ##      4       64.9551            -nan     0.0010    0.0149\n"
    "    ##      5       64.9540            -nan     0.0010    0.0007\n"
    "    ##      6       64.9434            -nan     0.0010    0.0074\n"
    "    ##    100       64.3742            -nan     0.0010    0.0097\n"
)


def test_gbm_verbose_table_behind_the_indented_mark():
    store = read(_GBM_INDENTED).store
    assert store.primary_train == "TrainDeviance"
    assert store["TrainDeviance"].steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 100.0]
    assert store["TrainDeviance"].values.tolist()[-1] == 64.3742
    # gbm prints nan when no validation fraction was held out: no held-out loss, no NaN alarm
    assert "ValidDeviance" not in store and store.primary_val is None


# A caret page in md_document form (find_string '## Iter   TrainDeviance   ValidDeviance', hit 2):
# the same table at the line's start, between ``` fences.
_GBM_BARE = (
    "```\n"
    "## Iter   TrainDeviance   ValidDeviance   StepSize   Improve\n"
    "##      1  7887939.5068            -nan     0.1000 545605.2519\n"
    "##      2  7440362.0607            -nan     0.1000 452884.8720\n"
    "##      3  7041230.7973            -nan     0.1000 369458.7312\n"
    "##      4  6721388.8661            -nan     0.1000 310703.4450\n"
    "##      5  6455230.8354            -nan     0.1000 258708.0305\n"
    "##      6  6225830.7394            -nan     0.1000 215031.0729\n"
    "##      7  6033240.4069            -nan     0.1000 180121.3237\n"
    "```\n"
)


def test_gbm_verbose_table_behind_the_bare_mark():
    store = read(_GBM_BARE).store
    assert store.primary_train == "TrainDeviance"
    assert len(store["TrainDeviance"]) == 7 and store["TrainDeviance"].values.tolist()[0] == 7887939.5068


# NealXie/Create-Analytics-Sample readme.md: xgb.train's rounds with a train/test watchlist.
_XGBOOST = "".join(
    f"## [{n}]\ttrain-rmse:{train}\ttest-rmse:{test} \n"
    for n, train, test in (
        (1, "7.830991", "7.769921"), (2, "7.203764", "7.270766"), (3, "6.795120", "6.973509"),
        (4, "6.480366", "6.757858"), (5, "6.220663", "6.588202"), (6, "6.004142", "6.452991"),
    )
)


def test_xgboost_rounds_behind_the_bare_mark():
    store = read("```\n" + _XGBOOST + "```\n\n```\n## [1] 36.11214\n```\n").store
    assert (store.primary_train, store.primary_val) == ("train-rmse", "test-rmse")
    assert store["test-rmse"].steps.tolist() == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]


# uustats/SIML-style page (find_string '## Epoch 1/10', hit 8): Keras for R, verbose 2.
_KERAS_R = (
    "```\n"
    "## Epoch 1/10\n"
    "## 375/375 - 1s - 3ms/step - accuracy: 0.8729 - loss: 0.4776 - val_accuracy: 0.9276 - val_loss: 0.2610\n"
    "## Epoch 2/10\n"
    "## 375/375 - 1s - 2ms/step - accuracy: 0.9319 - loss: 0.2403 - val_accuracy: 0.9444 - val_loss: 0.2003\n"
    "## Epoch 3/10\n"
    "## 375/375 - 1s - 2ms/step - accuracy: 0.9451 - loss: 0.1893 - val_accuracy: 0.9510 - val_loss: 0.1761\n"
    "```\n"
)


def test_keras_for_r_epochs_behind_the_bare_mark():
    store = read(_KERAS_R).store
    assert (store.primary_train, store.primary_val) == ("loss", "val_loss")
    assert store["val_loss"].values.tolist() == [0.261, 0.2003, 0.1761]


def test_headings_and_warnings_behind_the_bare_mark_stay_text():
    text = "## Linear regression\n\n```\n## Warning: package 'keras3' was built under R version 4.6.1\n```\n"
    assert not [series.name for series in read(text * 5).store]
