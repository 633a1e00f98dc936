"""Split prefixes cut to two letters and loss terms named by their objective (issue 12): a
self-supervised denoiser's "Epoch 001/120  tr_ssl=0.3058  tr_recon=0.2682  va_ssl=0.2041
va_full=0.1354" (tests/corpus/dmrs-mlp-mixer-ssl-training-log-tr-va-abbrev). "va_" is the
validation pass; the masked self-supervised loss ("ssl") and the reconstruction loss ("recon")
are losses though no word says loss."""

import pytest

from lossmon.engine.naming import kind_of, split_of
from tests.engine.formats.parse_helpers import CORPUS, read


@pytest.mark.parametrize("name,split", [("va_ssl", "val"), ("va_loss", "val"), ("va_acc", "val"), ("tr_ssl", "train")])
def test_va_is_the_validation_pass(name, split):
    assert split_of(name) == split


@pytest.mark.parametrize("name", ["value", "nova_loss", "vae_loss", "java.x", "avail"])
def test_words_that_hold_va_stay_train(name):
    assert split_of(name) == "train"


@pytest.mark.parametrize("name", ["tr_ssl", "va_ssl", "ssl", "tr_recon", "recon", "loss_ssl"])
def test_ssl_and_recon_terms_are_losses(name):
    assert kind_of(name) == "loss"


@pytest.mark.parametrize("name", ["reconstruction_acc", "va_full", "sslv", "precon", "recon_acc", "ssl_acc"])
def test_words_near_those_are_no_losses(name):
    assert kind_of(name) != "loss"


def test_the_denoiser_log_follows_its_ssl_losses():
    store = read((CORPUS / "dmrs-mlp-mixer-ssl-training-log-tr-va-abbrev" / "training_log.txt").read_bytes()).store
    assert (store.primary_train, store.primary_val) == ("tr_ssl", "va_ssl")
    assert len(store["tr_ssl"]) == 120 and len(store["va_ssl"]) == 120
    assert store["va_ssl"].values[0] == 0.2041
