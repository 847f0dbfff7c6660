from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wiretrace.ingest.decode import decode
from wiretrace.language.text import (
    LONG_BLOCK,
    PIECE,
    fold,
    iter_words,
    pieces,
    safe_cuts,
    split_sentences,
    tokens,
    words,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Niger\u2019s \u201celements\u201d", 'Niger\'s "elements"'),
        ("Paris/Niamey \u2013 France", "Paris/Niamey - France"),
        ("  two\u00a0 spaces\n\tand tab ", "two spaces and tab"),
        ("\ufb01nal", "final"),  # NFKC folds the ligature
        ("plain text", "plain text"),
    ],
)
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_tokens_keep_offsets_and_inner_punctuation():
    text = "Some 1,500 troops in Niger\u2019s post-coup era."
    toks = tokens(text)
    assert [t.text for t in toks] == [
        "Some",
        "1,500",
        "troops",
        "in",
        "Niger\u2019s",
        "post-coup",
        "era",
        ".",
    ]
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert toks[4].norm == "niger's"
    assert [t.is_word for t in toks][-2:] == [True, False]


def test_tokens_offset_is_added():
    assert [(t.start, t.end) for t in tokens("a b", offset=10)] == [(10, 11), (12, 13)]


def test_words_drop_punctuation():
    assert words("\u201cDiscussions \u2026 have begun,\u201d he said.") == [
        "discussions",
        "have",
        "begun",
        "he",
        "said",
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "\u201cDiscussions have begun,\u201d the source told AFP. The source gave no details.",
            [
                "\u201cDiscussions have begun,\u201d the source told AFP.",
                "The source gave no details.",
            ],
        ),
        (
            "Defence Minister Sebastien Lecornu met Mr. Bazoum on Aug. 3 in Niamey.",
            ["Defence Minister Sebastien Lecornu met Mr. Bazoum on Aug. 3 in Niamey."],
        ),
        ("One sentence without a full stop", ["One sentence without a full stop"]),
        ("   ", []),
    ],
)
def test_split_sentences(block, expected):
    spans = split_sentences(block)
    assert [block[s:e] for s, e in spans] == expected


def test_split_sentences_repeated_sentence_gets_its_own_offsets():
    block = "It rained. It rained. Then it stopped."
    assert split_sentences(block, offset=5) == [(5, 15), (16, 26), (27, 43)]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300))
@settings(max_examples=150, deadline=None)
def test_offsets_always_point_into_the_text(text):
    """Whatever the input, every token and sentence span is the exact text at its offsets."""
    for t in tokens(text):
        assert text[t.start : t.end] == t.text
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def _one_paragraph(folder: Path) -> str:
    """Every text of ``folder`` as one paragraph (white space runs made one space)."""
    return " ".join(
        " ".join(decode(p.read_bytes())[0].split()) for p in sorted(folder.glob("*.txt"))
    )


def test_safe_cuts_only_outside_quotations_and_brackets_and_not_after_abbreviations():
    text = (
        'He said "It is over. Done now." Then he left. The minister (who arrived later. '
        "Much later.) agreed. Everyone went home. Mrs. Smith stayed."
    )
    assert [text[c : c + 8] for c in safe_cuts(text)] == ["The mini", "Everyone", "Mrs. Smi"]
    assert pieces(text, long_block=70, piece=50) == [(0, 46), (46, 100), (100, 138)]
    assert pieces(text) == [(0, len(text))]  # a news paragraph is read whole


def test_a_block_without_boundaries_is_cut_at_spaces():
    assert pieces("word " * 30, long_block=40, piece=20) == [
        (0, 39),
        (39, 74),
        (74, 109),
        (109, 144),
        (144, 150),
    ]


def test_a_long_paragraph_is_split_into_the_same_sentences_as_read_whole():
    """The five seeds as one paragraph of 11,638 characters: read in seven pieces, the
    same 87 sentences at the same offsets as pysbd gives reading it whole."""
    block = _one_paragraph(ROOT / "seeds")
    assert len(block) == 11_638 > LONG_BLOCK
    assert len(pieces(block)) == 7
    whole = split_sentences(block, offset=3, long_block=len(block))
    assert len(whole) == 87
    assert split_sentences(block, offset=3) == whole


def test_a_200_kb_paragraph_is_read_in_bounded_pieces():
    """Every Clough-Stevenson answer as one paragraph, repeated past 200 KB: the pieces
    cover it in order, none is longer than LONG_BLOCK, nearly all end at a safe boundary
    within PIECE characters, so pysbd's time stays linear in the paragraph's length."""
    block = _one_paragraph(ROOT / "benchmarks" / "corpora" / "clough-stevenson-2011" / "texts")
    block = " ".join([block] * 2)
    assert len(block) == 263_561
    spans = pieces(block)
    assert spans[0][0] == 0 and spans[-1][1] == len(block)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert max(end - start for start, end in spans) <= LONG_BLOCK
    assert len(spans) == 133
    assert sum(end - start > PIECE for start, end in spans) == 3


def test_iter_words_is_words_one_at_a_time():
    text = "France's 1,500 troops \u2014 \u201cpost-coup\u201d talks."
    assert (
        list(iter_words(text))
        == words(text)
        == ["france's", "1,500", "troops", "post-coup", "talks"]
    )


ABBREVIATION_LINES = [
    "Mr. Bazoum met Gen. Tiani at 10 a.m. on Sept. 3, and Dr. Ali was there too.",
    "He said no. No. 5 was not sent, e.g. the St. Louis unit; art. 12 applies.",
    "The U.S. and the U.K. sent 1,500 troops. The E.U. did not, said Prof. Diallo.",
    "Mr Smith also saw a local official. Also present: MR. JONES and Mrs. Ba.",
    "Fig. 2 shows it. ph.d. students and Ph.D. holders, i.e. most, agreed (cf. p. 4).",
]


@pytest.mark.parametrize("line", ABBREVIATION_LINES)
def test_the_abbreviation_search_gives_pysbds_own_sentences(line):
    """wiretrace's pysbd rules skip abbreviations a line cannot change; each line, alone
    and as the seeds' paragraphs around it, splits as pysbd's own English rules split it."""
    import pysbd

    from wiretrace.language.text import sentence_processor

    own = pysbd.Segmenter(language="en", clean=False)
    for block in [line, *_one_paragraph(ROOT / "seeds").split(". ")[:20]]:
        text = f"{block}. {line}" if block != line else line
        assert sentence_processor(text).process() == own.processor(text).process()
