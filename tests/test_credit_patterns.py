"""Tests of wiretrace.ingest.credit_patterns: the shapes of credits, datelines and photos."""

from __future__ import annotations

import pytest

from wiretrace.ingest.credit_patterns import (
    AGENCY_DATELINE,
    AGENCY_DATELINE_COMMA,
    COPYRIGHT,
    CREDIT_LINE,
    PHOTO_CREDIT,
    SIGN_OFF,
    TAIL_DASH,
)
from wiretrace.language.agencies import load_registry

NAMED = sorted(
    {
        spelling
        for agency in load_registry().agencies.values()
        if not agency.generic
        for spelling in (*agency.abbreviations, *agency.aliases)
    }
)


@pytest.mark.parametrize("spelling", NAMED)
def test_every_registry_spelling_signs_off_after_a_dash(spelling):
    m = SIGN_OFF.search(f"Talks ended on Monday. - {spelling}")
    assert m and m.group("credit") == f"- {spelling}"


@pytest.mark.parametrize(
    ("line", "is_credit"),
    [
        ("(With inputs from agencies)", True),
        ("(agencies)", True),
        ("(Agency inputs)", True),
        ("Wire services", True),
        ("Reporting by Jane Doe", True),
        ("Source: AFP", True),
        ("cs/afp/dpa", True),
        ("Agencies said a million people had fled.", False),
    ],
)
def test_credit_line(line, is_credit):
    assert bool(CREDIT_LINE.fullmatch(line)) is is_credit


def test_sign_off_needs_a_dash_or_brackets():
    assert SIGN_OFF.search("Talks ended. (cs/afp)").group("credit") == "(cs/afp)"
    assert SIGN_OFF.search("Talks ended with Reuters") is None


def test_datelines_and_photo_credits():
    assert AGENCY_DATELINE.match("NIAMEY (AFP) - Talks began.").group("inside") == "AFP"
    assert AGENCY_DATELINE_COMMA.match("CANBERRA, AAP - The talks").group("inside") == "AAP"
    assert PHOTO_CREDIT.search("Soldiers at the base. Photo: AFP").group("credit") == "Photo: AFP"
    assert COPYRIGHT.match("\u00a9 afp") and COPYRIGHT.match("Copyright 2023 AP")
    assert TAIL_DASH.search("Talks ended. -- Yonhap").group("inside") == "Yonhap"
