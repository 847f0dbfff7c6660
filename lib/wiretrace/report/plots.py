"""Charts for the notebooks, drawn with seaborn in one style, each saved beside its data.

Every chart function takes tables from :class:`wiretrace.AuditResult` (and ``labels``,
the versions' short labels of :func:`wiretrace.report.labels.version_labels`, which name
the versions on the chart; the data keeps the full ids) and returns ``(figure, data)``:
the matplotlib figure and the exact DataFrame it draws. :func:`save` writes both, as
``NAME.png`` and ``NAME.csv``, so the numbers behind a picture can be checked (The
Markup's convention). Colours come from the Okabe-Ito palette, which stays distinct for
colour-blind readers, and mean the same thing in every notebook. A chart with nothing to
draw says so instead of failing.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from wiretrace.report.labels import short_id

#: Each version's short label (:func:`wiretrace.report.labels.version_labels`): every chart
#: names a version by it, or by a short form of its id when it has none.
Labels = Mapping[str, str] | None

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
    # roles
    "wire": OKABE_ITO["black"],
    "article": OKABE_ITO["blue"],
}


def finish(fig: plt.Figure, data: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Lay out and close the figure: the caller displays or saves it, pyplot keeps nothing."""
    fig.tight_layout()
    plt.close(fig)
    return fig, data.reset_index(drop=True)


def use_style() -> None:
    """Set the seaborn theme every wiretrace chart uses."""
    sns.set_theme(style="whitegrid", context="notebook", font_scale=0.95)
    plt.rcParams.update({"figure.dpi": 100, "savefig.dpi": 150, "axes.titleweight": "bold"})


def save(fig: plt.Figure, data: pd.DataFrame, name: str, folder: str | Path) -> Path:
    """Write ``NAME.png`` and ``NAME.csv`` (the data drawn) into ``folder``; return the PNG path.

    ``folder`` is created if missing; a relative one is relative to the working directory
    (the notebooks pass ``../reports/figures`` from their parameters cell).

    The PNG carries no creation date, so re-running a notebook rewrites the same bytes.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(folder / f"{name}.csv", index=False)
    return png


def article_lengths(
    articles: pd.DataFrame, labels: Labels = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Bar chart of words per audited article, coloured by role (wire or article)."""
    use_style()
    data = articles.loc[
        articles["status"] == "ok", ["article_id", "role", "n_words", "n_sentences"]
    ]
    data = data.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(data) + 1.2))
    if not len(data):
        _empty(ax, "no version could be read")
        ax.set(title="Length of each version")
        return finish(fig, data)
    drawn = data.assign(version=[_short(a, labels=labels) for a in data["article_id"]])
    sns.barplot(
        data=drawn,
        y="version",
        x="n_words",
        hue="role",
        palette=COLOURS,
        dodge=False,
        ax=ax,
    )
    ax.set(xlabel="words in the body", ylabel="", title="Length of each version")
    ax.legend(title="role", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return finish(fig, data)


#: Credit forms from the strongest credit of the text to a photo credit (which does not
#: credit the text); a cell of the credit heatmap shows the strongest form found.
FORM_ORDER = ["byline", "dateline", "sign_off", "in_text", "photo_credit"]
FORM_COLOURS = {
    "byline": OKABE_ITO["blue"],
    "dateline": OKABE_ITO["purple"],
    "sign_off": OKABE_ITO["green"],
    "in_text": OKABE_ITO["orange"],
    "photo_credit": OKABE_ITO["grey"],
}
#: Provenance verdicts, coloured from worst to best.
VERDICT_COLOURS = {
    "uncredited wire copy": OKABE_ITO["vermillion"],
    "mixed": OKABE_ITO["orange"],
    "credited wire copy": OKABE_ITO["blue"],
    "original or unknown": OKABE_ITO["grey"],
}


def _short(article_id: str, width: int = 22, labels: Labels = None) -> str:
    """The version's label, else a short form of its id."""
    if labels and str(article_id) in labels:
        return labels[str(article_id)]
    return short_id(str(article_id), width)


def _empty(ax, message: str) -> None:
    """An empty chart that says why it is empty."""
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555")
    ax.set_xticks([])
    ax.set_yticks([])


def _legend(ax, colours: dict[str, str], keys, title: str) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colours[k], label=k.replace("_", " ")) for k in keys]
    ax.legend(
        handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False
    )


def credit_heatmap(
    articles: pd.DataFrame, attributions: pd.DataFrame, labels: Labels = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Articles × agencies, each cell coloured by the strongest form of credit found.

    Rows are every audited article, so an article that credits nobody shows an empty row;
    the data has one row per (article, agency) with all the forms found, ``;``-joined.
    """
    use_style()
    ids = articles.loc[articles["status"] == "ok", "article_id"].tolist()
    data = (
        attributions.groupby(["article_id", "agency"])["form"]
        .agg(lambda s: "; ".join(f for f in FORM_ORDER if f in set(s)))
        .reset_index(name="forms")
    )
    agencies = sorted(data["agency"].unique())
    fig, ax = plt.subplots(figsize=(1.3 * max(len(agencies), 2) + 3.2, 0.5 * len(ids) + 1.4))
    ax.set_xlim(0, max(len(agencies), 1))
    ax.set_ylim(len(ids), 0)
    for row in data.itertuples():
        if row.article_id not in ids:
            continue
        y, x = ids.index(row.article_id), agencies.index(row.agency)
        strongest = row.forms.split("; ")[0]
        ax.add_patch(plt.Rectangle((x, y), 1, 1, color=FORM_COLOURS[strongest], alpha=0.9))
        ax.text(x + 0.5, y + 0.5, row.forms.replace("_", " "), ha="center", va="center", fontsize=7)
    ax.set_xticks([i + 0.5 for i in range(len(agencies))], agencies)
    ax.set_yticks([i + 0.5 for i in range(len(ids))], [_short(a, labels=labels) for a in ids])
    ax.grid(False)
    ax.set(title="Who credits which agency, and how", xlabel="agency credited", ylabel="")
    _legend(ax, FORM_COLOURS, FORM_ORDER, "strongest credit")
    return finish(fig, data)


def containment_heatmap(
    derivation: pd.DataFrame, labels: Labels = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """How much of each article (rows) each source or other version (columns) accounts for.

    A cell is ``containment``: the share of the row article's wording found in the column
    text, in [0, 1]. The matrix is not symmetric: a short rewrite can be wholly contained
    in a long original that it covers only in part.
    """
    use_style()
    data = derivation[["article_id", "source_id", "containment", "derivation"]].copy()
    matrix = data.pivot(index="article_id", columns="source_id", values="containment")
    cols = sorted(matrix.columns, key=lambda c: (not str(c).startswith("consensus"), str(c)))
    matrix = matrix[cols]
    fig, ax = plt.subplots(figsize=(1.15 * len(cols) + 3, 0.55 * len(matrix) + 1.8))
    if not len(matrix):
        _empty(ax, "no version has a source or another version to compare with")
        ax.set(title="How much of each version another text accounts for")
        return finish(fig, data)
    sns.heatmap(
        matrix,
        annot=True,
        fmt=".2f",
        vmin=0,
        vmax=1,
        cmap="Blues",
        cbar_kws={"label": "containment (share of the row article)"},
        ax=ax,
    )
    ax.set_xticklabels([_short(c, 16, labels) for c in cols], rotation=30, ha="right")
    ax.set_yticklabels([_short(i, labels=labels) for i in matrix.index], rotation=0)
    ax.set(title="How much of each version another text accounts for", xlabel="source", ylabel="")
    return finish(fig, data)


def sentence_strips(
    alignments: pd.DataFrame, labels: Labels = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """One strip per article, one cell per sentence in order, coloured verbatim/rewrite/new."""
    use_style()
    data = alignments[["article_id", "sentence_id", "label", "similarity"]].reset_index(drop=True)
    ids = list(dict.fromkeys(data["article_id"]))
    longest = int(data.groupby("article_id").size().max()) if len(data) else 1
    fig, ax = plt.subplots(figsize=(max(6.5, 0.32 * longest + 3.5), 0.5 * len(ids) + 1.4))
    for y, article_id in enumerate(ids):
        rows = data[data["article_id"] == article_id]
        for row in rows.itertuples():
            ax.add_patch(
                plt.Rectangle((row.sentence_id, y + 0.1), 0.92, 0.8, color=COLOURS[row.label], lw=0)
            )
    ax.set_xlim(0, longest)
    ax.set_ylim(len(ids), 0)
    ax.set_yticks([i + 0.5 for i in range(len(ids))], [_short(a, labels=labels) for a in ids])
    ticks = list(range(0, longest, 5))
    ax.set_xticks([t + 0.46 for t in ticks], [str(t + 1) for t in ticks])
    ax.set(title="Each sentence: taken word for word, rewritten, or new", xlabel="sentence number")
    ax.grid(False)
    _legend(ax, COLOURS, ["verbatim", "rewrite", "new"], "sentence")
    return finish(fig, data)


def stemma_plot(
    stemma: pd.DataFrame, layout: pd.DataFrame, labels: Labels = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Who copied whom: arrows from source to copy, labelled with their confidence.

    Directed edges are solid arrows; pairs the evidence cannot orient are dashed lines.
    ``layout`` gives node positions (:func:`wiretrace.rewrites.stemma.stemma_layout`).
    """
    use_style()
    pos = {r.node: (r.x, r.y) for r in layout.itertuples()}
    data = stemma[["source_id", "article_id", "confidence", "directed", "evidence"]]
    fig, ax = plt.subplots(figsize=(max(6, 2.2 * len(pos)), 3.8))
    for row in data.itertuples():
        if row.source_id not in pos or row.article_id not in pos:
            continue
        (x0, y0), (x1, y1) = pos[row.source_id], pos[row.article_id]
        style = "-|>" if row.directed else "-"
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "arrowstyle": style,
                "color": OKABE_ITO["black"] if row.directed else OKABE_ITO["grey"],
                "linestyle": "-" if row.directed else "--",
                "shrinkA": 22,
                "shrinkB": 22,
                "lw": 1.2 + 2 * float(row.confidence),
                "connectionstyle": "arc3,rad=0.0" if row.directed else "arc3,rad=0.25",
            },
        )
        if row.directed:
            ax.text(
                (x0 + x1) / 2,
                (y0 + y1) / 2,
                f"{row.confidence:.2f}",
                fontsize=8,
                ha="center",
                va="center",
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none"},
            )
    top = max((p[1] for p in pos.values()), default=0)
    for node, (x, y) in pos.items():
        colour = OKABE_ITO["black"] if node.startswith("consensus") else OKABE_ITO["blue"]
        ax.scatter([x], [y], s=600, color=colour, zorder=3)
        above = y == top
        ax.text(
            x,
            y + (0.2 if above else -0.2),
            _short(node, 20, labels),
            ha="center",
            va="bottom" if above else "top",
            fontsize=8,
        )
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.7, max(ys) + 0.5)
    ax.axis("off")
    ax.set_title("Who copied whom (arrow: source to copy; dashed: direction undecided)")
    return finish(fig, data)


def findings_heatmap(
    articles: pd.DataFrame,
    findings: pd.DataFrame,
    kinds: tuple[str, ...] | None = None,
    labels: Labels = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Findings per article (rows) and kind (columns): the counts behind the chart."""
    from wiretrace.schema import FINDING_KINDS

    use_style()
    ids = articles.loc[articles["status"] == "ok", "article_id"].tolist()
    kinds = kinds or FINDING_KINDS
    data = (
        pd.crosstab(findings["article_id"], findings["kind"])
        .reindex(index=ids, columns=list(kinds), fill_value=0)
        .fillna(0)
        .astype(int)
    )
    data = data.loc[:, data.sum() > 0] if data.to_numpy().sum() else data.iloc[:, :0]
    fig, ax = plt.subplots(figsize=(0.9 * max(data.shape[1], 2) + 3.5, 0.5 * len(ids) + 1.8))
    if data.size:
        sns.heatmap(data, annot=True, fmt="d", cmap="Oranges", cbar=False, ax=ax, vmin=0)
        ax.set_xticklabels([k.replace("_", " ") for k in data.columns], rotation=30, ha="right")
        ax.set_yticklabels([_short(i, labels=labels) for i in data.index], rotation=0)
    else:
        _empty(ax, "no finding" if ids else "no version could be read")
    ax.set(title="What each version got wrong (findings by kind)", xlabel="", ylabel="")
    data = data.rename_axis(index="article_id", columns=None).reset_index()
    return finish(fig, data)


def readability_deltas(
    readability: pd.DataFrame, labels: Labels = None
) -> tuple[plt.Figure, pd.DataFrame]:
    """Change of four readability measures against each article's source (article − source)."""
    use_style()
    measures = {
        "delta_flesch_reading_ease": "Flesch reading ease\n(+ = easier)",
        "delta_flesch_kincaid_grade": "Flesch-Kincaid grade\n(+ = harder)",
        "delta_words_per_sentence": "words per sentence",
        "delta_syllables_per_word": "syllables per word",
    }
    rows = readability[readability["source_id"] != ""]
    data = rows.melt(
        id_vars=["article_id", "source_id"],
        value_vars=list(measures),
        var_name="measure",
        value_name="change",
    )
    fig, axes = plt.subplots(1, len(measures), figsize=(13, 0.45 * rows.shape[0] + 2), sharey=True)
    for ax, (measure, label) in zip(axes, measures.items(), strict=True):
        part = data[data["measure"] == measure]
        names = [_short(a, labels=labels) for a in part["article_id"]]
        ax.barh(names, part["change"], color=OKABE_ITO["blue"])
        ax.axvline(0, color=OKABE_ITO["black"], lw=0.8)
        ax.set_title(label, fontsize=9)
    axes[0].invert_yaxis()  # the axes share y: first article on top
    fig.suptitle("Readability of each version against its source", fontweight="bold")
    return finish(fig, data)


def ranking(scorecard: pd.DataFrame, labels: Labels = None) -> tuple[plt.Figure, pd.DataFrame]:
    """Versions ranked by weighted findings per 1,000 words, coloured by provenance verdict."""
    use_style()
    cols = ["article_id", "findings_per_1000_words", "weighted_findings", "provenance"]
    data = scorecard.loc[scorecard["status"] == "ok", cols].copy()
    data["provenance"] = data["provenance"].fillna("original or unknown")
    data = data.sort_values(["findings_per_1000_words", "article_id"], ascending=[False, True])
    data = data.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(data) + 1.5))
    ax.barh(
        [_short(a, labels=labels) for a in data["article_id"]],
        data["findings_per_1000_words"],
        color=[VERDICT_COLOURS.get(v, OKABE_ITO["grey"]) for v in data["provenance"]],
    )
    ax.invert_yaxis()
    ax.set(
        title="Reliability ranking: weighted findings per 1,000 words",
        xlabel="weighted findings per 1,000 words (high 3, medium 2, low 1)",
    )
    present = [v for v in VERDICT_COLOURS if v in set(data["provenance"])]
    _legend(ax, VERDICT_COLOURS, present, "provenance")
    return finish(fig, data)


#: Colours of how a version carries a claim (``wiretrace.report.journeys.CARRIAGE``).
CARRIAGE_COLOURS = {
    "": "#FFFFFF",
    "carried": OKABE_ITO["green"],
    "speaker changed": OKABE_ITO["vermillion"],
    "quote altered": OKABE_ITO["purple"],
    "variant": OKABE_ITO["yellow"],
}


def claim_matrix(matrix: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Claims (rows) x versions (columns) coloured by how each version carries the claim
    (``wiretrace.report.journeys.claim_matrix``); white where a version does not make it."""
    from matplotlib.colors import ListedColormap

    use_style()
    keys = list(CARRIAGE_COLOURS)
    codes = matrix.apply(lambda col: col.map(keys.index)) if len(matrix) else matrix
    fig, ax = plt.subplots(
        figsize=(1.1 * max(matrix.shape[1], 2) + 3.5, 0.45 * max(len(matrix), 1) + 2)
    )
    if len(matrix):
        sns.heatmap(
            codes,
            cmap=ListedColormap([CARRIAGE_COLOURS[k] for k in keys]),
            vmin=-0.5,
            vmax=len(keys) - 0.5,
            cbar=False,
            linewidths=0.5,
            linecolor="#ccc",
            ax=ax,
        )
        ax.set_xticklabels([_short(c) for c in matrix.columns], rotation=30, ha="right")
        ax.set_yticklabels(list(matrix.index), rotation=0)
    _legend(ax, CARRIAGE_COLOURS, keys[1:], "how the version carries it")
    ax.set(title="Each claim across the versions", xlabel="", ylabel="")
    data = matrix.rename_axis(index="claim_id", columns=None).reset_index()
    return finish(fig, data)
