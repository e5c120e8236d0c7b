import io

import pandas as pd
import pytest

from stancekit.export import export_rows, neutralise_formulas, to_csv_bytes
from stancekit.topic_files import read_stances


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", '=HYPERLINK("http://x")'])
def test_cells_a_spreadsheet_would_run_are_prefixed(cell):
    assert neutralise_formulas(pd.DataFrame({"text": [cell]})).at[0, "text"] == "'" + cell


def test_harmless_cells_and_numbers_are_untouched():
    table = pd.DataFrame({"text": ["Starmer said", "", "a=b"], "position": [-2, 1, 0]})
    safe = neutralise_formulas(table)
    assert safe["text"].tolist() == ["Starmer said", "", "a=b"]
    assert safe["position"].tolist() == [-2, 1, 0]
    assert table.at[0, "text"] == "Starmer said"  # the input is not changed


def test_csv_has_a_bom_and_round_trips_through_the_loader(bundled):
    rows = export_rows(bundled.stances)
    data = to_csv_bytes(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    back = read_stances(io.BytesIO(data))
    assert len(back) == len(bundled.stances)
    assert back["summary"].tolist() == bundled.stances["summary"].tolist()
    assert (back["date"] == bundled.stances["date"]).all()
