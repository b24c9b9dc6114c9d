"""The command line's side of tests/reception/test_leader_actions.py: each leader's command is
refused without the PIN (exit 2, nothing changed) and leaves its audit entry with it."""

from __future__ import annotations

import json

import pytest
from reception_support import TEST_PIN

from cli_runner import cli  # noqa: F401  (the fixture)
from reception.privacy.roles import LEADER_ACTIONS

COMMANDS = {
    "void": (lambda code, out: ["case", "void", code, "--reason", "重复登记"], "void"),
    "device": (lambda code, out: ["device", "--set-prefix", "K7Q"], "settings"),
    "settings": (lambda code, out: ["settings", "--set", "hotline=0755-27891234"], "settings"),
    "export": (lambda code, out: ["export", "--out", str(out)], "export"),
    "audit": (lambda code, out: ["audit", "--verify"], None),
    "purge": (lambda code, out: ["purge"], None),  # nothing due: nothing purged, nothing logged
    "passphrase": (lambda code, out: ["passphrase"], "passphrase"),
    "sync": (lambda code, out: ["sync", "--status"], None),
}
ENV = {"XINAN_DESK_NEW_PASSPHRASE": "换了一句新的夜话口令 2027"}


def test_every_leader_action_has_its_command():
    assert set(COMMANDS) == set(LEADER_ACTIONS)


def _audit(cli) -> list[dict]:
    return json.loads(cli.leader("audit", "--json"))


@pytest.mark.parametrize("action", sorted(COMMANDS))
def test_each_leader_command_is_refused_without_the_pin_and_logged_with_it(cli, tmp_path, action):
    code = cli.add(cli.json("case", "template"))
    command, logged = COMMANDS[action]
    args = command(code, tmp_path / "cases.csv")
    before = _audit(cli)
    refused = cli.run(*args, env=ENV)
    assert refused.returncode == 2, refused.stderr
    assert f"「{LEADER_ACTIONS[action]}」只有队长可以操作：请队长输入 PIN（命令行用 --pin 或环境变量 XINAN_DESK_PIN）" in refused.stderr
    # Each run logs its unlock; the refused one logs nothing of the action itself.
    assert logged is None or logged not in [e["action"] for e in _audit(cli)[len(before):]]
    assert not (tmp_path / "cases.csv").exists()

    before = _audit(cli)
    done = cli.run("--pin", TEST_PIN, *args, env=ENV)
    assert done.returncode == 0, done.stderr
    after = cli.run("--pin", TEST_PIN, "audit", "--json",
                    env={"XINAN_DESK_PASSPHRASE": ENV["XINAN_DESK_NEW_PASSPHRASE"]} if action == "passphrase" else None)
    entries = json.loads(after.stdout)[len(before):]
    if logged is not None:
        assert (logged, "leader") in [(e["action"], e["role"]) for e in entries], entries
