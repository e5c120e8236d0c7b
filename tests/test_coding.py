"""The double coding: agreement recomputed from the two codings, and every disagreement reconciled."""

from __future__ import annotations

import krippendorff
import numpy as np
import pandas as pd
import pytest

from stancekit.bundled import DATA_DIR
from stancekit.reliability import krippendorff_alpha

CODING = DATA_DIR / "coding"


def unit_of(row: pd.Series) -> str:
    """The coding unit of a row: a joint statement on an issue counts once for all its signatories."""
    if row["joint"]:
        return f"joint:{row['joint']}|{row['issue']}"
    return f"{row['actor']}|{row['issue']}|{row['date']:%Y-%m-%d}|{row['source_id']}|{row['voice'] or 'lead'}"


@pytest.fixture(scope="module")
def codings() -> pd.DataFrame:
    first = pd.read_csv(CODING / "coder_a.csv")
    second = pd.read_csv(CODING / "coder_b.csv", keep_default_na=False)
    assert first["unit"].is_unique and second["unit"].is_unique
    assert set(first["unit"]) == set(second["unit"])
    return first.merge(second, on="unit", suffixes=("_a", "_b"))


def test_krippendorff_alpha_agrees_with_the_krippendorff_package(codings):
    ours = krippendorff_alpha(list(zip(codings["position_a"], codings["position_b"], strict=True)))
    data = np.array([codings["position_a"], codings["position_b"]], dtype=float)
    assert ours == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal"))


def test_agreement_meets_the_target_and_is_the_reported_figure(codings):
    alpha = krippendorff_alpha(list(zip(codings["position_a"], codings["position_b"], strict=True)))
    assert alpha >= 0.80
    assert f"**{alpha:.3f}**" in (CODING / "README.md").read_text(encoding="utf-8")
    assert len(codings) == 385


def test_every_disagreement_is_reconciled_with_a_reason(codings):
    log = pd.read_csv(CODING / "reconciliation.csv", keep_default_na=False).set_index("unit")
    disagreements = codings[codings["position_a"] != codings["position_b"]].set_index("unit")
    assert set(log.index) == set(disagreements.index)
    assert (log["coder_a"] == disagreements["position_a"]).all()
    assert (log["coder_b"] == disagreements["position_b"]).all()
    assert log["final"].isin([-2, -1, 0, 1, 2]).all()
    assert (log["reason"].str.len() > 20).all() and (log["rule"] != "").all()


def test_the_table_carries_the_reconciled_codes(bundled, codings):
    log = pd.read_csv(CODING / "reconciliation.csv", keep_default_na=False).set_index("unit")["final"]
    final = codings.set_index("unit")["position_a"].copy()
    final.update(log)
    units = bundled.stances.apply(unit_of, axis=1)
    assert set(units) == set(final.index)  # every row was double coded, and nothing else was
    assert (bundled.stances["position"].to_numpy() == final.loc[units].to_numpy()).all()
