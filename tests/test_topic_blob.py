"""A topic packed with a Class Pulse class comes back as the same topic, and anything else is refused."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest

from stancekit.dataset import Dataset
from stancekit.schema import StanceDataError
from stancekit.topic_blob import pack, unpack


def test_the_bundled_topic_comes_back_with_the_same_fingerprint(bundled):
    back = unpack(pack(bundled))
    assert back.fingerprint == bundled.fingerprint
    assert (back.title, back.description) == (bundled.title, bundled.description)
    assert back.chapters == bundled.chapters and back.source_count == bundled.source_count


def test_an_upload_without_companion_tables_comes_back_with_empty_ones(small_stances):
    issues = pd.DataFrame({"issue": ["Troops", "Deal"], "proposition": ["Send troops.", "Sign."], "explainer": ""})
    topic = Dataset("Mine", "", small_stances, issues)
    blob = pack(topic)
    assert set(zipfile.ZipFile(io.BytesIO(blob)).namelist()) == {"topic.json", "stances.csv", "issues.csv"}
    back = unpack(blob)
    assert back.fingerprint == topic.fingerprint
    assert back.sources.empty and back.chapter_table.empty and back.events.empty


def _zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name.replace("_", "."), data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "blob",
    [
        b"not a zip at all",
        b"",
        _zip(topic_json=b'{"title": "T"}'),  # no stances
        _zip(stances_csv=b"actor\nUK\n"),  # no topic.json
        _zip(topic_json=b"{not json", stances_csv=b"actor\n"),
    ],
)
def test_anything_but_a_packed_topic_is_refused_with_a_reason(blob):
    with pytest.raises(StanceDataError, match="could not be read"):
        unpack(blob)


def test_a_packed_topic_whose_stances_fail_the_checks_is_refused(bundled):
    blob = _zip(topic_json=b'{"title": "T"}', stances_csv=b"actor,issue\nUK,Troops\n")
    with pytest.raises(StanceDataError):
        unpack(blob)
