"""The examples in the detectors' docstrings run, and say what they show: every detector has one."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import lossmon.engine.detectors as detectors
from lossmon.engine.detectors import DETECTORS

MODULES = sorted(
    info.name for info in pkgutil.walk_packages(detectors.__path__, detectors.__name__ + ".")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.failed == 0


@pytest.mark.parametrize("cls", [*DETECTORS], ids=lambda c: c.pathology)
def test_every_detector_shows_when_it_fires(cls):
    examples = doctest.DocTestFinder().find(cls)
    assert any(example.examples for example in examples), f"{cls.__name__} has no docstring example"
    assert any("update_values" in example.source for test in examples for example in test.examples)
