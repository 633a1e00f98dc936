"""lossmon.options: the options several commands share, in a module of their own."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("command", ["app", "check", "export", "watch"])
def test_a_command_reads_its_options_without_importing_the_cli(command):
    """commands/ and cli.py no longer import each other: cli builds the parsers, the commands read
    the parsed options, and both take them from lossmon.options."""
    code = f"import sys, lossmon.commands.{command}; print('lossmon.cli' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
