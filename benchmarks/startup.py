"""Start-up time: process start → main window first painted, ERPDesk vs a bare PySide6 QMainWindow.

Both run as fresh processes with ``QT_QPA_PLATFORM=offscreen`` (unless set otherwise) and print a marker
on the window's first paint, then quit; the time is measured from just before the process is spawned to
the marker line arriving. ERPDesk runs ``python -m erpdesk --db <temp sqlite>`` with
``ERPDESK_STARTUP_PROBE=1`` (settings, logging, translators, the full main window; the database is
opened only after the window is shown, so it is not part of this time). The baseline is the smallest
PySide6 program showing a QMainWindow, measured in the same run. Prints the medians and their ratio
(the target is ≤ 1.5×), the ratio of the fastest runs, and (POSIX) the ratio of CPU time used, which a
busy machine hardly disturbs.

Usage: python benchmarks/startup.py [--runs N] [--lang zh_CN|en]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "ERPDESK-WINDOW-SHOWN"
TARGET = 1.5

BARE = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            print({MARKER!r}, flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
probe = Probe()
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (POSIX only; 0 elsewhere)."""
    try:
        import resource
    except ImportError:
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_to_marker(cmd: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    cpu_before = _children_cpu()
    start = time.perf_counter()
    with subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if MARKER in line:
                elapsed = time.perf_counter() - start
                break
        else:
            raise SystemExit(f"no start-up marker from {cmd!r} (exit {proc.wait()})")
        proc.wait(timeout=60)
    if cpu is not None:
        cpu.append(_children_cpu() - cpu_before)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="erpdesk-startup-") as tmp:
        home = Path(tmp)
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["ERPDESK_HOME"] = str(home)
        env["ERPDESK_STARTUP_PROBE"] = "1"
        env.pop("ERPDESK_DB", None)
        url = "sqlite:///" + (home / "startup.db").as_posix()
        app_cmd = [sys.executable, "-m", "erpdesk", "--db", url, "--lang", args.lang]
        bare_cmd = [sys.executable, "-c", BARE]
        time_to_marker(app_cmd, env)  # warm the OS file cache for both, not measured
        time_to_marker(bare_cmd, env)
        app_times: list[float] = []
        bare_times: list[float] = []
        app_cpu: list[float] = []
        bare_cpu: list[float] = []
        for _ in range(args.runs):  # interleaved, so load changes hit both alike
            bare_times.append(time_to_marker(bare_cmd, env, bare_cpu))
            app_times.append(time_to_marker(app_cmd, env, app_cpu))
    app_median = statistics.median(app_times)
    bare_median = statistics.median(bare_times)
    ratio = app_median / bare_median
    print(f"bare PySide6 QMainWindow: median {bare_median * 1000:.0f} ms over {args.runs} runs")
    print(
        f"ERPDesk main window ({args.lang}): median {app_median * 1000:.0f} ms over {args.runs} runs"
    )
    verdict = "OK" if ratio <= TARGET else "ABOVE TARGET"
    print(f"ratio {ratio:.2f}x (target <= {TARGET}x): {verdict}")
    print(
        f"fastest runs: {min(app_times) * 1000:.0f} ms vs {min(bare_times) * 1000:.0f} ms, ratio "
        f"{min(app_times) / min(bare_times):.2f}x"
    )
    if statistics.median(bare_cpu) > 0:
        # CPU time of the whole process (start to exit) hardly depends on other load on the machine,
        # so it tells whether a wall-clock ratio above target is ERPDesk's doing or a busy machine.
        cpu_ratio = statistics.median(app_cpu) / statistics.median(bare_cpu)
        print(
            f"CPU time per process: median {statistics.median(app_cpu) * 1000:.0f} ms vs "
            f"{statistics.median(bare_cpu) * 1000:.0f} ms, ratio {cpu_ratio:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
