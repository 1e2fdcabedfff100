"""Every command group is wired into ``zhucun``: the help lists it and it answers its own ``--help``."""

from __future__ import annotations

import pytest

from tests.cli.cli_support import COMMAND_GROUPS, zhucun


def test_zhucun_help_lists_every_command_group(capsys):
    assert zhucun("--help") == 0
    listed = capsys.readouterr().out
    for group in COMMAND_GROUPS:
        assert f"    {group} " in listed, group


@pytest.mark.parametrize("group", COMMAND_GROUPS)
def test_each_command_group_answers_its_help(group, capsys):
    assert zhucun(group, "--help") == 0
    assert f"usage: zhucun {group}" in capsys.readouterr().out
