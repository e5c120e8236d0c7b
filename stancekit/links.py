"""Checking the view state carried in a shared link before the app applies it."""

from __future__ import annotations

from collections.abc import Callable, Mapping


def link_problems(params: Mapping[str, list[str]], accepts: Mapping[str, Callable[[str], bool]]) -> list[str]:
    """Plain sentences on link parameters that will be ignored: unknown names and unknown values.

    `params` maps each parameter to all its values; `accepts` maps each known parameter to a test
    of one value.
    """
    notes = []
    for name, values in params.items():
        if name not in accepts:
            notes.append(f"“{name}” is not a setting of this app")
            continue
        rejected = [v for v in values if v != "" and not accepts[name](v)]
        notes += [f"{name} “{value}” is not in this topic" for value in rejected]
    return notes
