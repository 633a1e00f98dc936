"""``name[v1,v2]`` losses (issue 12, holdout6): the Keras GAN tutorials print
``'>%d, dA[%.3f,%.3f] dB[%.3f,%.3f] g[%.3f,%.3f]'`` (CycleGAN) and ``'>%d, d1[%.3f] d2[%.3f]
g[%.3f]'`` (pix2pix): the step, then each model's losses in brackets."""

from parse_helpers import read, records, series

from lossmon.engine.formats.pairs import message_pairs

# tests/corpus/cyclegan-da-db-g-bracket-loss-txt (loss.txt, first lines, CRLF as written on Windows)
CYCLEGAN = (
    ">1, dA[1.526,0.768] dB[0.943,0.858] g[18.519,19.388]\r\n"
    ">2, dA[1.958,1.412] dB[9.675,0.838] g[16.216,16.039]\r\n"
    ">3, dA[9.743,2.086] dB[5.644,0.708] g[13.847,14.381]\r\n"
    ">4, dA[5.256,0.821] dB[1.286,0.707] g[15.440,17.985]\r\n"
    ">5, dA[3.113,1.971] dB[2.532,0.678] g[12.297,15.266]\r\n"
    ">6, dA[1.742,3.224] dB[2.266,0.744] g[14.147,15.302]\r\n"
)


def test_each_bracket_holds_a_models_losses():
    found = message_pairs(">1, dA[1.526,0.768] dB[0.943,0.858] g[18.519,19.388]")
    assert [(pair.name, pair.value) for pair in found] == [
        ("step", 1), ("dA", 1.526), ("dA[1]", 0.768), ("dB", 0.943), ("dB[1]", 0.858), ("g", 18.519), ("g[1]", 19.388),
    ]
    # pix2pix: one value per bracket
    assert [(p.name, p.value) for p in message_pairs(">12, d1[0.693] d2[0.690] g[66.235]")] == [
        ("step", 12), ("d1", 0.693), ("d2", 0.69), ("g", 66.235),
    ]


def test_the_generator_loss_is_followed_at_each_step():
    monitor = read(CYCLEGAN)
    assert monitor.store.primary_train == "g"
    assert monitor.store["g"].steps.tolist() == [1, 2, 3, 4, 5, 6]
    assert series(monitor)["dB[1]"][2] == 6
    data = (CYCLEGAN * 2).encode()
    assert records(data, sizes=[5, 17]) == records(data, fast=False) == records(data)


def test_brackets_in_other_text_are_no_pairs():
    assert message_pairs("torch.Size([16, 3])") == []
    assert message_pairs("weights[0.5] are set") == []
    assert message_pairs("x = tensor[0.5, 0.2]") == []
    assert [p.name for p in message_pairs("lr [0.001]")] == ["lr"]  # (a value in brackets, as before)


def test_the_tutorials_lower_case_model_names_are_losses():
    from lossmon.engine.naming import kind_of

    assert [kind_of(name) for name in ("g", "d1", "d2", "dA", "dB", "G_GAN", "D_real")] == ["loss"] * 7
    assert [kind_of(name) for name in ("gamma", "dim", "d3", "gAB")] == ["other"] * 4
