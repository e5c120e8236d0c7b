"""The app's pages in menu order: module in app_pages/ → URL path ("" for the default page).

One table for the benchmarks and the tests; tests/test_project.py checks it against app_pages/ and the
router (dashboard.py)."""

URL_PATHS = {
    "overview": "",
    "europe_vs_us": "europe-vs-us",
    "issue_deep_dive": "issue",
    "timeline": "timeline",
    "what_changed": "changes",
    "agreement_map": "agreement",
    "sources": "sources",
    "where_do_you_stand": "stand",
    "guess_the_stance": "guess",
    "discussion_prompts": "prompts",
    "presenter": "present",
    "handout": "handout",
    "your_data": "data",
}
PAGES = list(URL_PATHS)
