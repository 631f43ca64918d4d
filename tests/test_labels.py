"""The label catalogues: one key set, complete in every language, valid sheet names."""

import re
import string

import pytest

from xlreview.labels import CATALOGUES, LANGUAGES, en, label, language, value_label, zh_CN, zh_TW


@pytest.mark.parametrize("catalogue", [zh_CN.LABELS, zh_TW.LABELS], ids=["zh-CN", "zh-TW"])
def test_every_catalogue_holds_the_keys_of_the_english_one(catalogue):
    # Missing keys first: they are what a merge of new English keys leaves to translate.
    assert sorted(set(en.LABELS) - set(catalogue)) == []
    assert sorted(set(catalogue) - set(en.LABELS)) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_label_is_blank(lang):
    blank = [k for k, v in CATALOGUES[lang].items() if not v.strip()]
    assert blank == []


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW"])
def test_chinese_labels_are_chinese_where_english_is_words(lang):
    # A Chinese catalogue entry identical to a long English phrase was not translated.
    untranslated = [
        k
        for k, v in en.LABELS.items()
        if len(v) > 12 and " " in v and CATALOGUES[lang][k] == v
    ]
    assert untranslated == []


@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW"])
def test_placeholders_match_between_languages(lang):
    fields = string.Formatter()
    for key, text in en.LABELS.items():
        en_fields = {f for _, f, _, _ in fields.parse(text) if f}
        zh_fields = {f for _, f, _, _ in fields.parse(CATALOGUES[lang][key]) if f}
        assert en_fields == zh_fields, key


# Characters only the Simplified script has, as OpenCC would convert them: one left in the
# Traditional catalogue was missed by the draft or typed in later.
_SIMPLIFIED_ONLY = (
    "线营数据费务计设选项岗层级说类质观轮价变确认达业绩负责预历销让总结构现为这们个"
    "会对发经过时间长动单赢输报态图块号调点击运转换导问题关键词语译组织实验证录门户"
)


def test_traditional_catalogue_has_no_simplified_characters():
    found = {k: v for k, v in zh_TW.LABELS.items() if set(_SIMPLIFIED_ONLY) & set(v)}
    assert found == {}


def test_traditional_catalogue_keeps_the_seeds_mainland_words():
    # Seed 000 writes mainland vocabulary in Traditional script, not Taiwan's words.
    text = "".join(zh_TW.LABELS.values())
    for word in ("線索", "商機", "數據", "信息屋", "渠道", "費用"):
        assert word in text, word
    for taiwanese in ("資料", "訊息", "通路", "潛在客戶"):
        assert taiwanese not in text, taiwanese


@pytest.mark.parametrize(("typed", "lang"), [
    ("zh-TW", "zh-TW"), ("zh_tw", "zh-TW"), ("zh-HK", "zh-TW"), ("zh-Hant", "zh-TW"),
    ("繁體", "zh-TW"), ("繁体中文", "zh-TW"), ("zh", "zh-CN"), ("ZH_cn", "zh-CN"),
    ("简体", "zh-CN"), ("zh-Hans", "zh-CN"), ("English", "en"), ("en", "en"),
])
def test_language_spellings(typed, lang):
    assert language(typed) == lang


def test_unknown_language_spelling_is_the_default():
    assert language("fr") == "en"
    assert language("fr", None) is None


@pytest.mark.parametrize("lang", LANGUAGES)
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
    assert label("sheet.roi_matrix", "zh-TW") == "渠道ROI矩陣"


def test_value_label_translates_codes_and_passes_other_text():
    assert value_label("achieved", "zh-CN") == "达成"
    assert value_label("achieved", "zh-TW") == "達成"
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


def test_a_message_language_given_as_a_function_is_found_once_when_first_needed():
    from xlreview.labels import message, message_language, messages_in

    asked = []

    def workbook_language() -> str:
        asked.append(1)
        return "zh-CN"

    with messages_in(workbook_language):
        assert asked == []  # nothing said yet: not looked for
        assert message("msg.unexpected") == label("msg.unexpected", "zh-CN")
        assert message_language() == "zh-CN"
        assert asked == [1]  # looked for once
    assert message_language() == "en"  # outside the block: English again
    with messages_in(lambda: "klingon"):
        assert message_language() == "en"  # not a catalogue: English


def test_a_message_while_the_language_is_looked_for_does_not_look_again():
    from xlreview.labels import message, message_language, messages_in

    asked = []

    def workbook_language() -> str:  # reading the workbook fails with a message
        asked.append(message("msg.unexpected"))
        return "zh-TW"

    with messages_in(workbook_language):
        assert message_language() == "zh-TW"
    assert asked == [label("msg.unexpected", "en")]  # once, in English, no recursion
