"""Property-based fuzzing: whatever bytes arrive, the loader returns a table or raises StanceDataError."""

from __future__ import annotations

import csv
import io

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancekit.schema import REQUIRED_COLUMNS, StanceDataError
from stancekit.topic_files import read_stances

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(data: bytes) -> None:
    try:
        table = read_stances(data)
    except StanceDataError as error:
        assert error.problems, "a refusal must say what is wrong"
        assert all(problem.message for problem in error.problems)
    else:
        assert isinstance(table, pd.DataFrame) and len(table) > 0


@FUZZ
@given(st.binary(max_size=2_000))
def test_random_bytes(data):
    load_or_refuse(data)


@FUZZ
@given(st.binary(max_size=500))
def test_random_bytes_after_a_valid_header(data):
    load_or_refuse(b"actor,bloc,issue,position,date,summary,source\n" + data)


cells = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30)
headers = st.lists(
    st.sampled_from([*REQUIRED_COLUMNS, "quote", "evidence", "source_url", "Actor ", "x", ""]), min_size=1, max_size=10
)


@FUZZ
@given(
    headers,
    st.lists(st.lists(cells, max_size=12), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_random_csv_tables(header, rows, delimiter, encoding):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = buffer.getvalue().encode("utf-8")
    load_or_refuse(data)


@FUZZ
@given(
    st.lists(
        st.tuples(
            cells,
            cells,
            cells,
            st.sampled_from(["-2", "0", "2", "x", "−1", ""]),
            st.sampled_from(["2025-01-01", "2025-13-01", "", "1/1/25"]),
            cells,
            cells,
        ),
        max_size=10,
    )
)
def test_random_rows_under_the_real_header(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(REQUIRED_COLUMNS)
    writer.writerows(rows)
    load_or_refuse(buffer.getvalue().encode())
