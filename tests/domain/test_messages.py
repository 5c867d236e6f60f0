"""Every message exists in English and Chinese with the same placeholders (the whole catalogue)."""

from __future__ import annotations

import string

import pytest

from erpdesk.domain.messages import CATALOGUE, normalise_language, render


def _placeholders(template: str) -> set[str]:
    return {
        name.split(".")[0].split("[")[0]
        for _literal, name, _spec, _conv in string.Formatter().parse(template)
        if name is not None
    }


def test_catalogue_is_not_empty() -> None:
    assert "db.network_path" in CATALOGUE
    assert len(CATALOGUE) > 20


@pytest.mark.parametrize("msg_id", sorted(CATALOGUE))
def test_message_has_both_languages_with_same_placeholders(msg_id: str) -> None:
    english, chinese = CATALOGUE[msg_id]
    assert english.strip(), f"{msg_id}: English text is empty"
    assert chinese.strip(), f"{msg_id}: Chinese text is empty"
    words = "".join(literal for literal, *_rest in string.Formatter().parse(english))
    assert english != chinese or not any(c.isalpha() for c in words), (
        f"{msg_id}: Chinese text is a copy of the English"
    )
    assert _placeholders(english) == _placeholders(chinese), msg_id
    assert all(name for name in _placeholders(english)), f"{msg_id}: positional placeholder"
    params = {name: f"<{name}>" for name in _placeholders(english)}
    assert render(msg_id, "en", **params) == english.format(**params)
    assert render(msg_id, "zh_CN", **params) == chinese.format(**params)


def test_msg_ids_are_dotted_with_an_area() -> None:
    for msg_id in CATALOGUE:
        area, _, rest = msg_id.partition(".")
        assert area, msg_id
        assert rest, msg_id


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("zh_Hans_CN", "zh_CN"),
        ("en_US", "en"),
        (None, "en"),
    ],
)
def test_normalise_language(given: str | None, expected: str) -> None:
    assert normalise_language(given) == expected


def test_render_picks_language_and_unknown_ids_show_themselves() -> None:
    assert "网络" in render("db.network_path", "zh_CN", path="x")
    assert "PostgreSQL" in render("db.network_path", "en", path="x")
    assert render("no.such_message", "en") == "no.such_message"
