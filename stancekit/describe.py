"""Sentences about bloc figures that tell the truth about the bloc: how many members stated a position,
how they split, the median beside the mean, and when one member, one joint text or only reports speak
for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from stancekit import i18n
from stancekit.aggregation import bloc_stats, largest_gaps
from stancekit.i18n import LABELLED, gettext
from stancekit.scale import signed
from stancekit.text import definite


def is_single_actor_bloc(stats: Mapping) -> bool:
    """A bloc that is one actor of the same name (the United States, Russia): no members to count."""
    return int(stats["total"]) == 1 and tuple(stats["members"]) == (stats["bloc"],)


def bloc_value(stats: Mapping, lang: str = "en") -> str:
    """The bloc's figure as a signed number: its one member's position, else the mean to one decimal."""
    if int(stats["count"]) == 1:
        return signed(int(stats["mean"]))
    return signed(round(float(stats["mean"]), 1), lang)


def bloc_split(stats: Mapping, lang: str = "en") -> str:
    """Who stands behind a bloc figure, in words: 'median +2; 12 of 19 members stated a position: 10 for,
    1 split, 1 against; 9 of them through one joint statement (Berlin statement, 15 Dec 2025)', or 'only
    the United Kingdom stated a position'. '' for a bloc that is a single actor."""
    _, ngettext = gettext(lang), i18n.ngettext(lang)
    reported = int(stats["reported"])
    if is_single_actor_bloc(stats):
        return _("reported, not on the record") if reported else ""
    count, total = int(stats["count"]), int(stats["total"])
    if count == 1:
        actor = definite(stats["members"][0], lang=lang)
        if total > 1:
            text = ngettext(
                "only {actor} stated a position, 1 of {total} member",
                "only {actor} stated a position, 1 of {total} members",
                total,
            ).format(actor=actor, total=total)
        else:
            text = _("only {actor} stated a position").format(actor=actor)
        return "; ".join([text, _("reported, not on the record")]) if reported else text
    parts = [
        # i18n: a bloc's median position, e.g. "median +1.5"
        _("median {median}").format(median=signed(round(float(stats["median"]), 1), lang)),
        ngettext(
            "{count} of {total} member stated a position: {supporting} for, {split} split, {opposing} against",
            "{count} of {total} members stated a position: {supporting} for, {split} split, {opposing} against",
            total,
        ).format(
            count=count,
            total=total,
            supporting=int(stats["for"]),
            split=int(stats["split"]),
            opposing=int(stats["against"]),
        ),
    ]
    joint, names = int(stats["joint"]), tuple(stats["joint_names"])
    if joint > 1:
        if len(names) == 1:
            if joint == count:
                parts.append(_("all of them through one joint statement ({name})").format(name=names[0]))
            else:
                parts.append(
                    _("{joint} of them through one joint statement ({name})").format(joint=joint, name=names[0])
                )
        elif joint == count:
            parts.append(_("all of them through {statements} joint statements").format(statements=len(names)))
        else:
            parts.append(
                _("{joint} of them through {statements} joint statements").format(joint=joint, statements=len(names))
            )
    if reported:
        if reported == count:
            parts.append(_("all known only from reports"))
        else:
            parts.append(
                ngettext(
                    "{reported} of them known only from reports", "{reported} of them known only from reports", reported
                ).format(reported=reported)
            )
    return "; ".join(parts)


def bloc_behind(stats: Mapping, lang: str = "en") -> str:
    """Who stands behind a bloc figure, in a few words for a slide: '17 of 19 members', 'only the United Kingdom,
    1 of 7 members'. '' for a bloc that is a single actor (see `bloc_split` for the whole sentence)."""
    if is_single_actor_bloc(stats):
        return ""
    ngettext = i18n.ngettext(lang)
    count, total = int(stats["count"]), int(stats["total"])
    if count == 1 and total > 1:
        return ngettext("only {actor}, 1 of {total} member", "only {actor}, 1 of {total} members", total).format(
            actor=definite(stats["members"][0], lang=lang), total=total
        )
    return ngettext("{count} of {total} member", "{count} of {total} members", total).format(count=count, total=total)


@dataclass(frozen=True)
class Glance:
    """One line of "at a glance": the issue, both blocs' figures, and who stands behind each."""

    issue: str
    figures: str  # 'Europe +2 vs the United States −2'
    behind: tuple[str, ...]  # 'Europe: median +2; 3 of 19 members stated a position: …', for blocs with members


def at_a_glance(
    gaps: pd.DataFrame, summary: pd.DataFrame, bloc_a: str, bloc_b: str, count: int = 2, lang: str = "en"
) -> list[Glance]:
    """The issues on which two blocs differ most, each bloc figure saying who stands behind it; [] when the two
    blocs differ on no shared issue."""
    _ = gettext(lang)
    lines = []
    for row in largest_gaps(gaps, count).itertuples():
        blocs = [bloc_stats(summary, row.issue, bloc) for bloc in (bloc_a, bloc_b)]
        first, second = blocs
        # i18n: two blocs' figures compared, e.g. "Europe +2 vs the United States −2"; the names come bare (no
        # article) outside English: a label form such as "Europe +2 · États-Unis −2" reads right
        figures = _("{first} {first_value} vs {second} {second_value}").format(
            first=definite(first["bloc"], start=True, lang=lang),
            first_value=bloc_value(first, lang),
            second=definite(second["bloc"], lang=lang),
            second_value=bloc_value(second, lang),
        )
        behind = tuple(_(LABELLED).format(label=b["bloc"], text=split) for b in blocs if (split := bloc_split(b, lang)))
        lines.append(Glance(str(row.issue), figures, behind))
    return lines
