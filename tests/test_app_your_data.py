"""Bring your own topic in AppTest: upload, refuse broken files, edit, go back, stay within the session."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from components import keys
from components.pages import PAGES
from stancekit.text import escape_markdown
from testkit.apptest import (
    assert_clean,
    before,
    by_label,
    content,
    go,
    labels,
    ntr,
    open_app,
    table,
    tr,
    twin,
)

DATA_PAGE = "your_data"
BACK = "Back to the bundled topic"  # the sidebar button of a session with its own data
TEMPLATE = Path(__file__).resolve().parents[1] / "data" / "template"
CORPUS = Path(__file__).parent / "corpus"
FIX = "What is wrong and how to fix it"  # the problems table's last column
BUNDLED_TITLE = escape_markdown(content("names", "topic", "A European force for Ukraine (2025–2026)"))
TIMELINE_ALT = (
    "Timeline of {events} key events and of {actors} actors' positions on "
    "{issue} from strongly opposes to strongly supports; the Table tab lists the same statements."
)


def problems_shown(at: AppTest) -> pd.DataFrame:
    """The problems table on the page, as a reader sees it (the Markdown escapes rendered away)."""
    shown = next(t.value for t in at.table if tr(FIX) in t.value.columns)
    return shown.reset_index().map(lambda cell: re.sub(r"\\(.)", r"\1", str(cell)))


def upload(at: AppTest, key: str, path: Path) -> AppTest:
    at.file_uploader(key=key).upload(path.name, path.read_bytes(), "text/csv")
    return at.run()


def upload_template(at: AppTest) -> AppTest:
    at.text_input(key=keys.UPLOAD_TITLE).input("A school phone ban").run()
    upload(at, keys.UPLOAD_ISSUES, TEMPLATE / "issues.csv")
    upload(at, keys.UPLOAD_EVENTS, TEMPLATE / "events.csv")
    return upload(at, keys.UPLOAD_STANCES, TEMPLATE / "stances.csv")


def test_template_upload_replaces_the_data_on_every_page():
    at = upload_template(open_app(DATA_PAGE))
    assert_clean(at)
    loaded = ntr(
        "Loaded {name}: {count} position. Every page now shows this topic.",
        "Loaded {name}: {count} positions. Every page now shows this topic.",
        18,
    )
    assert at.success[0].value == loaded.format(name=escape_markdown("stances.csv"), count=18)
    assert "A school phone ban" in at.info[0].value
    assert by_label(at.sidebar, "button", BACK)
    go(at, "overview")
    assert set(twin(at, "overview")["Actor"]) == {
        "Student council",
        "Year 12 reps",
        "Parents' association",
        "Teachers' union branch",
        "Head teacher",
        "School nurse",
        "Local council",
    }
    go(at, "europe_vs_us")
    assert_clean(at)
    assert at.main.title[0].value == tr("Compare blocs: where they differ")
    assert (at.selectbox(key=keys.COMPARE_A).value, at.selectbox(key=keys.COMPARE_B).value) == ("Students", "Parents")
    go(at, "issue_deep_dive")
    assert any("Phones should be switched off and put away during lessons" in m.value for m in at.markdown)
    go(at, "timeline")
    assert before(tr(TIMELINE_ALT), events=3) in at.get("plotly_chart")[0].proto.alt
    for page in (
        "where_do_you_stand",
        "guess_the_stance",
        "discussion_prompts",
        "presenter",
        "handout",
        "what_changed",
        "agreement_map",
        "sources",
    ):
        go(at, page)
        assert_clean(at)


def test_broken_file_is_refused_with_every_problem_and_the_data_kept():
    at = open_app(DATA_PAGE)
    upload(at, keys.UPLOAD_STANCES, CORPUS / "bad_blank_required_cells.csv")
    assert not at.exception
    refused = ntr(
        "{name} was not loaded: {count} problem to fix. The data you were looking at is still in use. Fix "
        "the rows below and upload the file again.",
        "{name} was not loaded: {count} problems to fix. The data you were looking at is still in use. Fix "
        "the rows below and upload the file again.",
        2,
    )
    assert at.error[0].value == refused.format(name=escape_markdown("bad_blank_required_cells.csv"), count=2)
    problems = problems_shown(at)
    assert problems[[tr("File"), tr("Row"), tr("Column")]].values.tolist() == [
        ["stances.csv", "2", "actor"],
        ["stances.csv", "2", "summary"],
    ]
    assert BUNDLED_TITLE in at.info[0].value
    go(at, "overview")
    assert len(twin(at, "overview")) == 119  # still the bundled topic (its 12 central issues)


def test_files_of_the_wrong_kind_get_one_clear_sentence():
    for name, sentence in [
        (
            "bad_excel_xlsx_renamed.csv",
            "This is an Excel workbook (.xlsx) or another zipped file, not a CSV. In Excel or "
            "LibreOffice choose File → Save As → “CSV UTF-8 (comma delimited)”, then upload that file.",
        ),
        (
            "bad_json_instead_of_csv.csv",
            "This is JSON, not CSV. Export the data as a table with one column per field (see the template).",
        ),
        ("bad_binary_png.csv", "This is an image (PNG), not a CSV table."),
    ]:
        at = upload(open_app(DATA_PAGE), keys.UPLOAD_STANCES, CORPUS / name)
        assert not at.exception
        assert problems_shown(at)[tr(FIX)].tolist()[0] == tr(sentence)


def test_problems_in_a_companion_file_are_named_by_file():
    at = open_app(DATA_PAGE)
    at.file_uploader(key=keys.UPLOAD_ISSUES).upload("issues.csv", b"issue\nPhones off in lessons\n", "text/csv")
    at.run()
    upload(at, keys.UPLOAD_STANCES, TEMPLATE / "stances.csv")
    problems = problems_shown(at)
    assert problems[[tr("File"), tr("Column")]].values.tolist() == [["issues.csv", "proposition"]]
    assert BUNDLED_TITLE in at.info[0].value


def test_back_to_the_bundled_topic():
    at = upload_template(open_app(DATA_PAGE))
    by_label(at.sidebar, "button", BACK).click().run()
    assert_clean(at)
    assert BUNDLED_TITLE in at.info[0].value
    assert tr(BACK) not in labels(at.sidebar, "button")


def test_edit_in_the_app_with_live_validation_then_apply():
    at = upload_template(open_app(DATA_PAGE))
    assert [editor.editing_mode for editor in at.data_editor] == ["dynamic"]
    edits = {"edited_rows": {0: {"position": "yes"}}, "added_rows": [], "deleted_rows": []}
    at.session_state[keys.EDITOR] = edits
    at.run()
    assert_clean(at)
    warning = ntr(
        "{count} problem in the edited table; fix it to apply the edits.",
        "{count} problems in the edited table; fix them to apply the edits.",
        1,
    )
    assert at.warning[0].value == warning.format(count=1)
    position = tr(
        "position must be a whole number from −2 to 2 (−2 strongly opposes, 0 split, "
        "+2 strongly supports); found '{value}'."
    )
    assert problems_shown(at)[tr(FIX)].tolist()[0] == position.format(value="yes")
    apply = by_label(at, "button", "Apply edits")
    assert apply.disabled
    at.session_state[keys.EDITOR] = {"edited_rows": {0: {"position": "-2"}}, "added_rows": [], "deleted_rows": [1]}
    at.run()
    assert at.success[-1].value == tr("The edited table is valid.")
    by_label(at, "button", "Apply edits").click().run()
    assert_clean(at)
    counts = ntr("{count} position of {actors} on {issues}", "{count} positions of {actors} on {issues}", 17)
    assert before(counts, count=17) in at.info[0].value
    go(at, "sources")
    council = table(at)
    council = council[(council["Actor"] == "Student council") & (council["Issue"] == "Phones off in lessons")]
    assert council["Stance"].tolist() == [f"▼▼ {tr('Strongly opposes')} (−2)"]


def test_two_sessions_never_share_an_upload():
    alice, bob = upload_template(open_app(DATA_PAGE)), open_app()
    bob.run()
    assert "Student council" not in set(twin(bob, "overview")["Actor"])
    assert len(twin(bob, "overview")) == 119
    go(alice, "overview")
    assert "Student council" in set(twin(alice, "overview")["Actor"])


def test_nothing_is_written_to_disk():
    data_dir = TEMPLATE.parent
    before = {p: p.stat().st_mtime for p in data_dir.rglob("*")}
    upload_template(open_app(DATA_PAGE))
    assert {p: p.stat().st_mtime for p in data_dir.rglob("*")} == before


def test_a_topic_without_events_or_issues_works_on_every_page():
    at = upload(open_app(DATA_PAGE), keys.UPLOAD_STANCES, TEMPLATE / "stances.csv")
    for spec in PAGES:
        if spec.module != "your_data":
            go(at, spec.module)
            assert_clean(at)
    assert before(tr(TIMELINE_ALT), events=0) in go(at, "timeline").get("plotly_chart")[0].proto.alt
