"""What kind of row a position is, and how much it counts for an actor's latest position.

A government's position is what it said on the record: its own words, or a joint statement it signed.
What the media report of it comes next, and last what another voice (an envoy's own view, a party) said.
The latest position is the newest row of the best rank an actor has (see data/CODEBOOK.md, 3.3).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from stancekit.i18n import N_

OWN_STATEMENT, JOINT_STATEMENT, REPORTED, OTHER_VOICE = 0, 1, 2, 3
STANDING_LABELS: dict[int, str] = {
    OWN_STATEMENT: N_("On the record"),
    JOINT_STATEMENT: N_("Joint statement"),
    # i18n: a kind of statement: media citing sources, not the actor's own words
    REPORTED: N_("Reported"),
    OTHER_VOICE: N_("Another voice"),
}


def standing(stances: pd.DataFrame) -> pd.Series:
    """Each row's kind: 0 own statement, 1 joint statement, 2 reported, 3 another voice (see precedence()).

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


ON_THE_RECORD = 0  # precedence of own and joint statements alike: the newer of the two sets the position
PRECEDENCE: dict[int, int] = {OWN_STATEMENT: ON_THE_RECORD, JOINT_STATEMENT: ON_THE_RECORD, REPORTED: 1, OTHER_VOICE: 2}


def precedence(stances: pd.DataFrame) -> pd.Series:
    """Each row's rank for the latest position: 0 on the record (own or joint), 1 reported, 2 another voice."""
    kinds = standing(stances).to_numpy()
    ranks = np.array([PRECEDENCE[k] for k in range(len(PRECEDENCE))], dtype=np.int8)[kinds]
    return pd.Series(ranks, index=stances.index, name="precedence")
