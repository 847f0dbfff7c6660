"""Tests of wiretrace.language.detect: the language of a text."""

from __future__ import annotations

import random

import pytest

from wiretrace.language.detect import detect_language, english_share, identify, letter_share
from wiretrace.language.text import words


def _detect(text: str) -> str:
    return detect_language(text, words(text))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("France has begun talks with Niger about withdrawing troops, officials said.", "en"),
        ("Talks began on Monday.", "en"),  # the identifier is unsure; the English share decides
        ("Die Gespräche wurden am Montag in Niamey fortgesetzt, teilte das Ministerium mit.", "de"),
        ("Les pourparlers ont repris lundi à Niamey, a indiqué le ministère de la Défense.", "fr"),
        ("Las conversaciones se reanudaron el lunes en Niamey, dijo el ministerio.", "es"),
        ("".join(chr(random.Random(1).randint(32, 126)) for _ in range(2000)), "zxx"),
        ("xkcd qwpz vbnm lkjh asdf zxcv", "zxx"),
    ],
)
def test_detect_language(text, language):
    assert _detect(text) == language


def test_identify_and_english_share():
    language, probability = identify("The talks went on all week in the capital, officials said.")
    assert language == "en" and 0.9 <= probability <= 1.0
    assert english_share(["the", "talks", "discute", "Niamey"]) == 0.5
    assert english_share(["1,500", "--"]) == 0.0


def test_letter_share():
    assert letter_share("Talks began.") == 10 / 11
    assert letter_share("  ") == 0.0


def test_english_share_reads_a_generator_only_to_its_300th_word():
    read = []

    def endless():
        n = 0
        while True:
            read.append(n)
            n += 1
            yield "the" if n % 2 else "xqzv"

    assert english_share(endless()) == 0.5
    assert len(read) == 300
