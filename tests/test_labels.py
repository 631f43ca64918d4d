"""The label catalogues: one key set, complete in both languages, valid sheet names."""

import re
import string

import pytest

from xlreview.labels import CATALOGUES, en, label, value_label, zh_CN


def test_both_catalogues_hold_the_same_keys():
    assert set(en.LABELS) == set(zh_CN.LABELS)


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_no_label_is_blank(lang):
    blank = [k for k, v in CATALOGUES[lang].items() if not v.strip()]
    assert blank == []


def test_chinese_labels_are_chinese_where_english_is_words():
    # A Chinese catalogue entry identical to a long English phrase was not translated.
    untranslated = [
        k
        for k, v in en.LABELS.items()
        if len(v) > 12 and " " in v and zh_CN.LABELS[k] == v
    ]
    assert untranslated == []


def test_placeholders_match_between_languages():
    fields = string.Formatter()
    for key, text in en.LABELS.items():
        en_fields = {f for _, f, _, _ in fields.parse(text) if f}
        zh_fields = {f for _, f, _, _ in fields.parse(zh_CN.LABELS[key]) if f}
        assert en_fields == zh_fields, key


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_sheet_names_are_valid_excel_sheet_names(lang):
    names = [v for k, v in CATALOGUES[lang].items() if k.startswith("sheet.")]
    for name in names:
        assert 0 < len(name) <= 31, name
        assert not re.search(r"[\[\]:*?/\\]", name), name
    assert len({n.lower() for n in names}) == len(names)


def test_label_formats_parameters():
    assert label("cli.rebuilt", "en", path="a.xlsx", count=3) == (
        "Rebuilt a.xlsx: 3 generated sheets"
    )
    assert label("sheet.roi_matrix", "zh-CN") == "渠道ROI矩阵"


def test_value_label_translates_codes_and_passes_other_text():
    assert value_label("achieved", "zh-CN") == "达成"
    assert value_label("Baidu SEM", "zh-CN") == "Baidu SEM"
    assert value_label(3.5, "en") == 3.5


def test_unknown_key_is_a_key_error():
    with pytest.raises(KeyError):
        label("no.such.key")


def test_generated_sheet_names_never_collide_with_input_sheet_names():
    # A rebuild replaces every sheet named like a generated one: an input sheet with such a
    # name would be lost.
    from xlreview.layout import generated_sheet_names
    from xlreview.model import normalise_header, sheet_lookup

    inputs = set(sheet_lookup())
    clashes = {n for n in generated_sheet_names() if normalise_header(n) in inputs}
    assert clashes == set()
