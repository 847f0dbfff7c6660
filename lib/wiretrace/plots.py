"""Charts for the notebooks, drawn with seaborn in one style, each saved beside its data.

Every chart function takes tables from :class:`wiretrace.AuditResult` and returns
``(figure, data)``: the matplotlib figure and the exact DataFrame it draws. :func:`save`
writes both, as ``NAME.png`` and ``NAME.csv``, so the numbers behind a picture can be
checked (The Markup's convention). Colours come from the Okabe-Ito palette, which stays
distinct for colour-blind readers, and mean the same thing in every notebook.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # charts are files first; notebooks display the figure objects

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from wiretrace.config import FIGURES_DIR  # noqa: E402

#: Okabe & Ito (2008), "Color Universal Design": distinct for the common colour blindnesses.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
#: One colour per value, the same in every chart.
COLOURS = {
    # alignment labels
    "verbatim": OKABE_ITO["vermillion"],
    "rewrite": OKABE_ITO["orange"],
    "new": OKABE_ITO["sky"],
    # derivation classes
    "wholly": OKABE_ITO["vermillion"],
    "partially": OKABE_ITO["orange"],
    "non": OKABE_ITO["sky"],
    # severities
    "high": OKABE_ITO["vermillion"],
    "medium": OKABE_ITO["orange"],
    "low": OKABE_ITO["yellow"],
    "info": OKABE_ITO["grey"],
    # roles
    "wire": OKABE_ITO["black"],
    "article": OKABE_ITO["blue"],
}


def use_style() -> None:
    """Set the seaborn theme every wiretrace chart uses."""
    sns.set_theme(style="whitegrid", context="notebook", font_scale=0.95)
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 150, "axes.titleweight": "bold"})


def save(fig: plt.Figure, data: pd.DataFrame, name: str, folder: str | Path = FIGURES_DIR) -> Path:
    """Write ``NAME.png`` and ``NAME.csv`` (the data drawn) into ``folder``; return the PNG path.

    The PNG carries no creation date, so re-running a notebook rewrites the same bytes.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(folder / f"{name}.csv", index=False)
    return png


def article_lengths(articles: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Bar chart of words per audited article, coloured by role (wire or article)."""
    use_style()
    data = articles.loc[
        articles["status"] == "ok", ["article_id", "role", "n_words", "n_sentences"]
    ]
    data = data.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(data) + 1.2))
    sns.barplot(
        data=data,
        y="article_id",
        x="n_words",
        hue="role",
        palette=COLOURS,
        dodge=False,
        ax=ax,
    )
    ax.set(xlabel="words in the body", ylabel="", title="Length of each version")
    ax.legend(title="role", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    return fig, data
