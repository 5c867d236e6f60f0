#!/usr/bin/env python3
"""One entry point for people and CI: ``python3 dev.py demo|test|lint|i18n|bench|run``.

Standard library only, because it runs before anything is installed. It creates ``.venv`` inside the
project, installs the package with its dev extras whenever ``pyproject.toml`` changes, compiles the
Qt translations, and then runs what was asked. It works the same on Windows and Linux.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
IS_WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if IS_WINDOWS else "bin")
PYTHON = BIN / ("python.exe" if IS_WINDOWS else "python")
STAMP = VENV / ".erpdesk-installed"
I18N_DIR = ROOT / "resources" / "i18n"
DEMO_DIR = ROOT / ".demo"


def _tool(name: str) -> str:
    exe = BIN / (name + (".exe" if IS_WINDOWS else ""))
    return str(exe)


def _run(cmd: list[str], **kwargs: object) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def _check(cmd: list[str], **kwargs: object) -> None:
    code = _run(cmd, **kwargs)
    if code != 0:
        sys.exit(code)


def ensure_venv() -> None:
    """Create the virtual environment and (re)install the package when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run under an older python3
        sys.exit("ERPDesk needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if not PYTHON.exists():
        _check([sys.executable, "-m", "venv", str(VENV)])
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text(encoding="utf-8").strip() == wanted:
        return
    _check([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    _check([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", ".[dev]"])
    STAMP.write_text(wanted, encoding="utf-8")


def compile_translations() -> None:
    """Build .qm files from the committed .ts sources when a source is newer."""
    for ts in sorted(I18N_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        _check([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def extract_translations(target: Path | None = None) -> Path:
    """Run lupdate over the UI sources into the zh_CN .ts file (or ``target``)."""
    target = target or I18N_DIR / "erpdesk_zh_CN.ts"
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "erpdesk" / "ui").rglob("*.py"))
    _check([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", *sources, "-ts", str(target)])
    return target


def check_translations() -> None:
    """Fail when lupdate would change the .ts file or a zh_CN entry is unfinished."""
    committed = I18N_DIR / "erpdesk_zh_CN.ts"
    scratch = ROOT / "build" / "i18n-check" / committed.name
    scratch.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(committed, scratch)
    extract_translations(scratch)
    if scratch.read_bytes() != committed.read_bytes():
        sys.exit(
            "resources/i18n/erpdesk_zh_CN.ts is stale: run `python3 dev.py i18n` and translate."
        )
    text = committed.read_text(encoding="utf-8")
    unfinished = text.count('type="unfinished"')
    if unfinished:
        sys.exit(f"erpdesk_zh_CN.ts has {unfinished} unfinished entries: translate them.")


CJK_FONT_FILES = ("wqy-microhei.ttc", "wqy-zenhei.ttc", "NotoSansCJK-Regular.ttc")
CJK_FONT_PACKAGE = "fonts-wqy-microhei"


def ensure_cjk_font() -> None:
    """On Linux, install a Chinese font for the PDF tests when none is there (Windows ships its own).

    Statements embed a system CJK font; a fresh Debian machine has none. As root with apt-get it is
    installed from Debian's packages; otherwise the command to run is printed.
    """
    if not sys.platform.startswith("linux"):
        return
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
    for root in roots:
        if root.is_dir() and any(any(root.rglob(name)) for name in CJK_FONT_FILES):
            return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if _run(["apt-get", "install", "-y", "-q", CJK_FONT_PACKAGE], env=env) != 0:
            _check(["apt-get", "update", "-q"], env=env)
            _check(["apt-get", "install", "-y", "-q", CJK_FONT_PACKAGE], env=env)
        return
    print(
        f"No Chinese font found: PDF tests will fail. Install one: apt install {CJK_FONT_PACKAGE}"
    )


def lint() -> None:
    _check([_tool("ruff"), "check", "."])
    _check([_tool("ruff"), "format", "--check", "--quiet", "."])
    _check([_tool("lint-imports")])
    _check([str(PYTHON), "-m", "mypy", "erpdesk"])
    check_translations()


def test(args: list[str]) -> int:
    lint()
    ensure_cjk_font()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env.get("CI", "").lower() == "true":
        env["ERPDESK_REQUIRE_PG"] = "1"
    return _run([str(PYTHON), "-m", "pytest", "-q", *args], env=env)


def demo(args: list[str]) -> int:
    DEMO_DIR.mkdir(exist_ok=True)
    url = "sqlite:///" + (DEMO_DIR / "demo.db").as_posix()
    code = _run([str(PYTHON), "-m", "erpdesk", "--db", url, "demo", "--if-missing"])
    if code != 0:
        return code
    return _run([str(PYTHON), "-m", "erpdesk", "--db", url, *args])


def bench(args: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    scripts = [ROOT / "benchmarks" / f"{name}.py" for name in args] or sorted(
        (ROOT / "benchmarks").glob("*.py")
    )
    status = 0
    for script in scripts:
        status |= _run([str(PYTHON), str(script)], env=env)
    return status


USAGE = """usage: python3 dev.py COMMAND [ARGS]

  demo    install if needed, create a demo SQLite company under .demo/ and open the app on it
  test    install if needed, run lint gates and every test (extra ARGS go to pytest)
  lint    ruff, import-linter contracts, mypy, translation checks
  i18n    re-extract UI strings into resources/i18n/erpdesk_zh_CN.ts
  bench   run benchmarks/NAME.py for each NAME given (all when none)
  run     run the erpdesk command with ARGS inside the project environment
"""


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0 if argv else 2
    command, args = argv[0], argv[1:]
    ensure_venv()
    compile_translations()
    if command == "test":
        return test(args)
    if command == "lint":
        lint()
        return 0
    if command == "i18n":
        extract_translations()
        return 0
    if command == "demo":
        return demo(args)
    if command == "bench":
        return bench(args)
    if command == "run":
        return _run([str(PYTHON), "-m", "erpdesk", *args])
    print(USAGE)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
