"""The benchmark charts of notebook 06, in the library's style and palette.

Each function takes a table from :mod:`wtbench.report` and returns ``(figure, data)`` like
the charts of :mod:`wiretrace.report.plots`, whose style (``use_style``), palette
(``OKABE_ITO``) and layout (``finish``) they reuse; ``wiretrace.report.plots.save`` writes
them.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from wiretrace.report.plots import OKABE_ITO, finish, use_style


def _macro_f1_bars(data: pd.DataFrame, title: str) -> tuple[plt.Figure, pd.DataFrame]:
    """Grouped bars of ``macro_f1`` by ``task`` (x) and ``setting`` (colour)."""
    use_style()
    fig, ax = plt.subplots(figsize=(9, 4.2))
    colours = ("grey", "blue", "sky", "green", "orange", "black")
    palette = [OKABE_ITO[c] for c in colours[: data["setting"].nunique()]]
    sns.barplot(data=data, x="task", y="macro_f1", hue="setting", palette=palette, ax=ax)
    ax.set(ylim=(0, 1), xlabel="", ylabel="macro-F1", title=title)
    ax.legend(title="", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    return finish(fig, data)


def derivation_benchmark(accuracy: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Macro-F1 per task for each setting of the derivation benchmark (grouped bars)."""
    data = accuracy.melt(id_vars="setting", var_name="task", value_name="macro_f1").dropna()
    return _macro_f1_bars(data, "Derivation classes on Clough & Stevenson")


def meter_benchmark(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Macro-F1 on METER (three classes, derived vs non) for each setting (grouped bars)."""
    data = table.melt(
        id_vars="setting",
        value_vars=["three_class", "derived_vs_non"],
        var_name="task",
        value_name="macro_f1",
    )
    return _macro_f1_bars(data, "Derivation on real newspapers (METER)")


def recall_by_kind(recall: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Recall per finding kind in each benchmark mode (the target is 0.9, drawn as a line)."""
    use_style()
    modes = {
        "recall_pairs": "sentence pairs",
        "recall_wire_given": "wire given",
        "recall_no_wire": "no wire",
    }
    data = recall.melt(id_vars="kind", value_vars=list(modes), var_name="mode", value_name="recall")
    data["mode"] = data["mode"].map(modes)
    fig, ax = plt.subplots(figsize=(7.5, 5.5))
    sns.barplot(
        data=data,
        y="kind",
        x="recall",
        hue="mode",
        palette=[OKABE_ITO["blue"], OKABE_ITO["sky"], OKABE_ITO["orange"]],
        ax=ax,
    )
    ax.axvline(0.9, color=OKABE_ITO["black"], lw=1, ls="--")
    ax.set(
        xlim=(0, 1.02),
        xlabel="recall (dashed: target 0.9)",
        ylabel="",
        title="Errors found, by kind",
    )
    ax.legend(title="", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return finish(fig, data)


def _time_axes(ax: plt.Axes, title: str) -> None:
    """Log-log axes of wall seconds against the number of articles."""
    ax.set(xscale="log", yscale="log", xlabel="articles", ylabel="wall seconds", title=title)


def speed_scaling(speed: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Seconds per stage against the number of articles, on log-log axes with a linear guide."""
    use_style()
    stages = [c for c in ("load", "cluster", "audit") if c in speed.columns]
    data = speed.melt(
        id_vars=["corpus", "n_articles"], value_vars=stages, var_name="stage", value_name="seconds"
    )
    data = data.dropna()
    fig, ax = plt.subplots(figsize=(7, 4.2))
    colours = {"load": OKABE_ITO["sky"], "cluster": OKABE_ITO["green"], "audit": OKABE_ITO["blue"]}
    for stage in stages:
        part = data[data["stage"] == stage].sort_values("n_articles")
        ax.plot(part["n_articles"], part["seconds"], marker="o", color=colours[stage], label=stage)
    audit = data[data["stage"] == stages[-1]].sort_values("n_articles")
    if len(audit):
        x0, y0 = audit["n_articles"].iloc[0], audit["seconds"].iloc[0]
        xs = [x0, audit["n_articles"].iloc[-1]]
        ax.plot(xs, [y0, y0 * xs[1] / x0], color=OKABE_ITO["grey"], ls=":", label="linear growth")
    _time_axes(ax, "Cost against corpus size")
    ax.legend(frameon=False)
    return finish(fig, data)


def real_speed(table: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Wall time and peak memory against corpus size, one line per worker count.

    ``table`` is :func:`wtbench.report.real_text_speed`'s (``articles, workers, wall s,
    driver peak MB, worker peak MB``); the data drawn is one row per run and measure
    (``wall s``, ``driver peak MB``, ``worker peak MB``; no worker row for a serial run).
    """
    use_style()
    measures = ["wall s", "driver peak MB", "worker peak MB"]
    data = table[["articles", "workers", *measures]].replace("", None)
    data = data.melt(id_vars=["articles", "workers"], var_name="measure", value_name="value")
    data = data.dropna().astype({"value": float}).sort_values(["measure", "workers", "articles"])
    fig, (time_ax, memory_ax) = plt.subplots(1, 2, figsize=(10, 4.2))
    colours = [OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["green"], OKABE_ITO["purple"]]
    for n, (workers, runs) in enumerate(data.groupby("workers")):
        colour = colours[n % len(colours)]
        label = "serial" if workers == 1 else f"{workers} workers"
        wall = runs[runs["measure"] == "wall s"]
        time_ax.plot(wall["articles"], wall["value"], marker="o", color=colour, label=label)
        for measure, style in (("driver peak MB", "-"), ("worker peak MB", "--")):
            part = runs[runs["measure"] == measure]
            if len(part):
                who = measure.split()[0]
                memory_ax.plot(
                    part["articles"],
                    part["value"],
                    marker="o",
                    ls=style,
                    color=colour,
                    label=f"{label}: {who}",
                )
    _time_axes(time_ax, "Audit time, real text")
    memory_ax.set(
        xscale="log", xlabel="articles", ylabel="peak resident MB", title="Peak memory per process"
    )
    memory_ax.set_ylim(bottom=0)
    time_ax.legend(frameon=False)
    memory_ax.legend(frameon=False)
    return finish(fig, data)
