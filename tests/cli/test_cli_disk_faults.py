"""A full disk and a read-only data directory, for real: a tmpfs filled to the last byte and a
read-only bind mount, each in a private mount namespace (``unshare``) that vanishes with the
test. Reading still works on a full disk; every refusal names its cause, never the keyfile."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from reception_support import TEST_PASSPHRASE, valid_case

from cli_runner import REPO, Desk, cli  # noqa: F401  (cli is the fixture)


def in_private_mounts(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` (sh) where its mounts are its own; as root, or mapped to root in a user namespace."""
    unshare = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("XINAN_DESK_")}
    env |= {"PYTHONIOENCODING": "utf-8", "PYTHONPATH": str(REPO), "XINAN_DESK_PASSPHRASE": TEST_PASSPHRASE}
    result = subprocess.run([*unshare, "sh", "-c", "set -e\n" + script], capture_output=True, text=True,
                            encoding="utf-8", errors="replace", timeout=120, env=env, cwd=REPO)
    assert "mount:" not in result.stderr and "unshare:" not in result.stderr, (
        "these tests mount a tmpfs in a private mount namespace: they need util-linux's unshare and "
        f"mount, and root or unprivileged user namespaces: {result.stderr}")
    return result


def desk_command(data_dir: Path, *args: str) -> str:
    """One ``xinan-desk`` run, its status and stderr reported on stdout between markers."""
    command = shlex.join([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args])
    return f'echo "== {args[0]} {args[1] if len(args) > 1 else ""}"; {command} 2>&1 && echo "rc=0" || echo "rc=$?"\n'


def runs(output: str) -> dict[str, tuple[int, str]]:
    found = {}
    for block in output.split("== ")[1:]:
        title, _, rest = block.partition("\n")
        text, _, status = rest.rpartition("rc=")
        found[title.strip()] = (int(status.strip()), text)
    return found


def test_on_a_full_disk_the_cases_can_still_be_read_and_a_new_one_is_refused_naming_the_disk(cli, tmp_path):
    code = cli.add(valid_case())
    case_file = tmp_path / "case.json"
    case_file.write_text(__import__("json").dumps(valid_case(), ensure_ascii=False), encoding="utf-8")
    mount = tmp_path / "small"
    mount.mkdir()
    data = mount / "data"
    script = (
        f"mount -t tmpfs -o size=4m tmpfs {mount}\n"
        f"cp -a {cli.data_dir} {data}\n"
        f"dd if=/dev/zero of={mount}/filler bs=64k 2>/dev/null || true\n"  # until the disk is full
        + desk_command(data, "case", "list")
        + desk_command(data, "case", "show", code)
        + desk_command(data, "case", "add", "--json", str(case_file))
    )
    result = runs(in_private_mounts(script).stdout)
    status, text = result["case list"]
    assert status == 0 and code in text and "磁盘已满" in text and "Traceback" not in text, text
    status, text = result["case show"]
    assert status == 0 and "楼道里蟑螂很多" in text, text
    status, text = result["case add"]
    assert status == 1 and "磁盘已满" in text and "desk.key" not in text and "Traceback" not in text, text


def test_a_read_only_data_directory_is_named_as_such_not_blamed_on_the_keyfile(cli, tmp_path):
    cli.add(valid_case())
    view = tmp_path / "view"
    view.mkdir()
    script = (
        f"mount --bind {cli.data_dir} {view}\n"
        f"mount -o remount,bind,ro {view}\n"
        + desk_command(view, "case", "list")
    )
    status, text = runs(in_private_mounts(script).stdout)["case list"]
    assert status == 1 and "只读" in text, text
    assert "desk.key" not in text and "密钥" not in text and "Traceback" not in text, text
