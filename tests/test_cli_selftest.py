"""``erpdesk self-test`` exercises the real parts of an installation and says which one is broken."""

from __future__ import annotations

import pytest

from erpdesk.cli import main
from erpdesk.services import self_test


def test_self_test_passes_on_a_complete_installation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "self-test"]) == 0
    out = capsys.readouterr().out
    for name in ("database", "messages", "translations", "excel", "pdf", "keyring"):
        assert f"] {name}: " in out
    assert "All 6 checks passed." in out


def test_a_missing_translation_file_fails_the_self_test(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setattr(self_test.paths, "i18n_dir", lambda: tmp_path)
    assert main(["--lang", "zh_CN", "self-test"]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] translations" in out
    assert "自检未通过：translations" in out
    assert "[ok] database" in out  # the other checks still ran
