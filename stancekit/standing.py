"""How much a row counts for an actor's latest position: its own words on the record come first.

A government's position is what it said on the record. A joint statement it signed comes next, then
what the media report of it, and last what another voice (an envoy's own view, a party) said. The
latest position is the newest row of the best kind an actor has (see data/CODEBOOK.md, 3.3).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

OWN_STATEMENT, JOINT_STATEMENT, REPORTED, OTHER_VOICE = 0, 1, 2, 3
STANDING_LABELS: dict[int, str] = {
    OWN_STATEMENT: "On the record",
    JOINT_STATEMENT: "Joint statement",
    REPORTED: "Reported",
    OTHER_VOICE: "Another voice",
}


def standing(stances: pd.DataFrame) -> pd.Series:
    """Each row's rank for the latest position: 0 own statement, 1 joint statement, 2 reported, 3 another voice.

    Reads `evidence`, `voice` and `joint` as typed tables hold them (lower case, '' when empty); a raw table
    is lower-cased first. Tables without these columns count every row as an own statement.
    """
    rows = len(stances)

    def column(name: str) -> np.ndarray:
        if name not in stances.columns:
            return np.full(rows, "", dtype=object)
        values = stances[name].fillna("").astype(str)
        return values.str.strip().str.lower().to_numpy(dtype=object)

    evidence, voice, joint = column("evidence"), column("voice"), column("joint")
    ranks = np.full(rows, OWN_STATEMENT, dtype=np.int8)
    ranks[joint != ""] = JOINT_STATEMENT
    ranks[(evidence != "") & (evidence != "statement")] = REPORTED
    ranks[voice == "other"] = OTHER_VOICE
    return pd.Series(ranks, index=stances.index, name="standing")
