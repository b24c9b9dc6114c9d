"""(a) Cold start to an idle main window with 100,000 cases, against a bare PySide6 window.

Both are fresh processes, alternated so that both see the same load on the machine. Each
reports ``idle <ms>`` (milliseconds from the kernel's record of the process start to the first
idle turn of the event loop after the window is shown and, for the desk, tonight's list has
loaded); the parent also measures wall time from spawn to exit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def child_env(work: Path, **extra: str) -> dict[str, str]:
    """The environment of the measured processes (bare window and desk alike).

    Bytecode is cached (in ``work``, not in the tree), as it is for an installed desk: pip compiles
    what it installs and the frozen build carries bytecode. With PYTHONDONTWRITEBYTECODE set, as on
    some development machines, every desk start compiled its ~150 modules from source while the
    floor's PySide6 came compiled: that measured the compiler, not the start-up.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), XINAN_DESK_EXIT_WHEN_IDLE="1",
               PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(work / "pycache"), **extra)
    return env


def _monotonic_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def _since_spawn(started_ns: int, parts: list[str]) -> float | None:
    """Milliseconds from the spawn to a child's mark, from the CLOCK_MONOTONIC ns it printed
    after its figure (None if it printed none).

    The process age a child reads from /proc comes in clock ticks (10 ms: one tick moves the
    dialog's ratio by about 0.08); CLOCK_MONOTONIC is one clock for all processes, read here
    just before the spawn and in the child at its mark, to the nanosecond. Both sides include
    the fork and exec, the same for the floor and the desk.
    """
    return (int(parts[2]) - started_ns) / 1e6 if len(parts) > 2 else None


def _run_fine(command: list[str], env: dict[str, str]) -> tuple[float, float | None, float, int]:
    """(process age at idle, ms from spawn to idle on the fine clock, wall ms, exit status)."""
    started_ns = _monotonic_ns()
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    wall = (time.perf_counter() - started) * 1000
    idle = [line for line in result.stdout.splitlines() if line.startswith("idle ")]
    if not idle:
        raise RuntimeError(f"{command[1:]} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    parts = idle[-1].split()
    # The exit status is kept, not hidden: a process that reached idle but then died on the way
    # out still gave its start-up figure, and the report counts how often that happened.
    return float(parts[1]), _since_spawn(started_ns, parts), wall, result.returncode


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    idle, _fine, wall, code = _run_fine(command, env)
    return idle, wall, code


def measure(data_dir: Path, empty_dir: Path, repetitions: int) -> dict[str, list[tuple[float, float, int]]]:
    """Alternate: bare window, desk on an empty database, desk on the 100k-case database."""
    # The passphrase comes from the environment (no unlock dialog), so every desk start includes
    # the unlock's scrypt (see the Privacy section). The desk encrypts a plain database on its first
    # unlock, so it starts on a copy: the recording and look-up benches read the plain original.
    env = child_env(data_dir.parent, XINAN_DESK_PASSPHRASE="bench 夜话口令 2026")
    copy = data_dir.with_name(data_dir.name + "-desk")
    shutil.copytree(data_dir, copy, dirs_exist_ok=True)
    data_dir = copy
    desk = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir)]
    empty = [sys.executable, "-m", "desktop", "--data-dir", str(empty_dir)]
    bare = [sys.executable, str(REPO / "bench" / "bare_window.py")]
    # One unmeasured run of each: the first reads the libraries from disk into the page cache
    # and writes the bytecode cache.
    _run(bare, env)
    _run(desk, env)
    _run(empty, env)
    results: dict[str, list[tuple[float, float, int]]] = {"desk": [], "bare": [], "empty": []}
    for _ in range(repetitions):
        results["bare"].append(_run(bare, env))
        results["empty"].append(_run(empty, env))
        results["desk"].append(_run(desk, env))
    return results


def _unlock_run(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started_ns = _monotonic_ns()
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    figures: dict[str, float] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in ("dialog", "enter", "idle"):
            figures[parts[0]] = float(parts[1])
            if parts[0] == "dialog" and (fine := _since_spawn(started_ns, parts)) is not None:
                figures["dialog_fine"] = fine
        elif parts and parts[0] == "kdf":
            figures["kdf_calls"], figures["kdf_ms"] = float(parts[1]), float(parts[2])
        elif parts and parts[0] == "rss":
            figures["rss_mb"], figures["peak_mb"] = int(parts[1]) / 1024, int(parts[2]) / 1024
    if not {"dialog", "dialog_fine", "enter", "idle", "kdf_calls", "rss_mb"} <= figures.keys():
        raise RuntimeError(f"unlock start failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return figures


def prepare_unlock(data_dir: Path, passphrase: str) -> Path:
    """A copy of the 100k database as a laptop has it: encrypted with the passphrase, set up."""
    from composition.services import open_services
    from reception import device_setup

    copy = data_dir.with_name(data_dir.name + "-unlock")
    shutil.copytree(data_dir, copy, dirs_exist_ok=True)
    services = open_services(copy, passphrase)  # encrypts the plain copy, as a first unlock does
    try:
        device_setup.record_done(services.desk.db)
    finally:
        services.close()
    return copy


def _dialog_run(command: list[str], env: dict[str, str]) -> float:
    """Spawn to the unlock dialog drawn, in ms on the fine clock, for a child told to stop there."""
    started_ns = _monotonic_ns()
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    for line in result.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "dialog" and (fine := _since_spawn(started_ns, parts)) is not None:
            return fine
    raise RuntimeError(f"unlock dialog start failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def measure_unlock(data_dir: Path, repetitions: int, dialog_pairs: int = 0) -> dict[str, list]:
    """Alternate a bare window and the desk through its unlock dialog on the 100k database; then
    ``dialog_pairs`` more pairs of a bare window and the desk stopped at its dialog."""
    passphrase = "bench 夜话口令 2026"
    copy = prepare_unlock(data_dir, passphrase)
    env = child_env(data_dir.parent, BENCH_PASSPHRASE=passphrase)
    env.pop("XINAN_DESK_PASSPHRASE", None)  # the dialog asks, as on a laptop
    desk = [sys.executable, str(REPO / "bench" / "unlock_child.py"), "--data-dir", str(copy)]
    bare = [sys.executable, str(REPO / "bench" / "bare_window.py")]
    _run(bare, env)
    _unlock_run(desk, env)
    results: dict[str, list] = {"bare": [], "bare_fine": [], "desk": []}
    for _ in range(repetitions):
        idle, fine, _wall, _code = _run_fine(bare, env)
        results["bare"].append(idle)
        results["bare_fine"].append(fine)
        results["desk"].append(_unlock_run(desk, env))
    results["dialog_pairs"] = []
    dialog_only = {**env, "BENCH_DIALOG_ONLY": "1"}
    for _ in range(dialog_pairs):
        bare_fine = _run_fine(bare, env)[1]
        results["dialog_pairs"].append((bare_fine, _dialog_run(desk, dialog_only)))
    return results


def kdf_floor(repetitions: int = 3) -> float:
    """The scrypt of the keyfile at its cost, alone, in milliseconds (median)."""
    import hashlib
    import statistics

    from reception.privacy.keyfile import DEFAULT_COST as cost

    times = []
    for _ in range(repetitions):
        started = time.perf_counter()
        hashlib.scrypt(b"bench", salt=b"0" * 16, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.maxmem, dklen=32)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    # python -m bench.startup [CASES]: only the unlock figures (the full table is python -m bench).
    import statistics
    import tempfile

    from bench import populate

    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    work = Path(tempfile.mkdtemp(prefix="xinan-bench-unlock-"))
    try:
        populate.populate(work / "big", cases, 500)
        runs = measure_unlock(work / "big", 3, dialog_pairs=8)
        floor = kdf_floor()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    bare = statistics.median(runs["bare"])
    desk = runs["desk"]
    dialog = statistics.median(d["dialog"] for d in desk)
    after_enter = statistics.median(d["idle"] - d["enter"] for d in desk)
    print(f"bare window idle {bare:.0f} ms; unlock dialog {dialog:.0f} ms = {dialog / bare:.2f}x (process ages, 10 ms ticks)")
    bare_fine = statistics.median(runs["bare_fine"])
    dialog_fine = statistics.median(d["dialog_fine"] for d in desk)
    print(f"from spawn (CLOCK_MONOTONIC): bare window idle {bare_fine:.1f} ms; unlock dialog drawn "
          f"{dialog_fine:.1f} ms = {dialog_fine / bare_fine:.2f}x (runs: dialog "
          + ", ".join(f"{d['dialog_fine']:.1f}" for d in desk) + "; bare " + ", ".join(f"{b:.1f}" for b in runs["bare_fine"])
          + "; per pair " + ", ".join(f"{d['dialog_fine'] / b:.2f}x" for d, b in zip(desk, runs["bare_fine"])) + ")")
    # Over the scrypt of the same start (timed inside the desk's process): the floor measured
    # apart runs at another moment of the machine's load.
    over_own = statistics.median(d["idle"] - d["enter"] - d["kdf_ms"] for d in desk)
    pairs = [(b, d["dialog_fine"]) for b, d in zip(runs["bare_fine"], desk)] + runs["dialog_pairs"]
    bare_all, dialog_all = statistics.median(b for b, _ in pairs), statistics.median(d for _, d in pairs)
    print(f"all {len(pairs)} pairs (the 3 above and {len(runs['dialog_pairs'])} stopped at the dialog), CLOCK_MONOTONIC: "
          f"bare {bare_all:.1f} ms, dialog {dialog_all:.1f} ms = {dialog_all / bare_all:.2f}x; "
          f"median of the pairs' ratios {statistics.median(d / b for b, d in pairs):.2f}x; "
          "pairs: " + ", ".join(f"{d:.0f}/{b:.0f}" for b, d in pairs))
    print(f"Enter -> idle {after_enter:.0f} ms; scrypt alone {floor:.0f} ms; over the KDF {after_enter - floor:.0f} ms")
    print(f"Enter -> idle over the same start's own scrypt: {over_own:.0f} ms (runs: "
          + ", ".join(f"{d['idle'] - d['enter']:.0f} - {d['kdf_ms']:.0f}" for d in desk) + ")")
    print("unlock dialog (ms): " + ", ".join(f"{d['dialog']:.0f}" for d in desk)
          + "; bare window (ms): " + ", ".join(f"{b:.0f}" for b in runs["bare"]))
    print("scrypt calls per start: " + ", ".join(str(int(d['kdf_calls'])) for d in desk))
    print("RSS after unlock (MB): " + ", ".join(f"{d['rss_mb']:.0f} (peak {d['peak_mb']:.0f})" for d in desk))
