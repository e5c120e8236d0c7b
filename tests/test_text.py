import pandas as pd
import pytest

from stancekit.text import escape_markdown, escape_plotly, format_date, safe_link_url


@pytest.mark.parametrize(
    "hostile",
    [
        "![tracker](https://evil.example/pixel.png)",
        "[click](javascript:alert(1))",
        "<script>alert(1)</script>",
        ":red[coloured] **bold** _it_ `code` $x^2$",
        "# heading\n- list",
    ],
)
def test_escape_markdown_leaves_no_active_syntax(hostile):
    escaped = escape_markdown(hostile)
    # every character with a Markdown meaning is preceded by a backslash, so it renders literally
    for position, char in enumerate(escaped):
        if char in "[]()!<>*_`$:#":
            assert escaped[position - 1] == "\\", (hostile, escaped, position)


def test_escape_markdown_keeps_plain_text_and_collapses_newlines():
    assert escape_markdown("Starmer said yes") == "Starmer said yes"
    assert escape_markdown("line one\nline two") == "line one line two"


def test_escape_plotly_escapes_html_and_wraps():
    assert escape_plotly("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    wrapped = escape_plotly("one two three four five six", width=10)
    assert wrapped.count("<br>") >= 2
    assert "<" not in wrapped.replace("<br>", "")


@pytest.mark.parametrize(
    "url",
    [
        "https://kyivindependent.com/a-b",
        "http://spacewar.com/afp/250220164100.jw7y0g3h.html",
        "HTTPS://EXAMPLE.ORG/path?q=1#frag",
    ],
)
def test_safe_link_url_accepts_web_links(url):
    assert safe_link_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>",
        "ftp://example.org/file",
        "/relative/path",
        "https://",
        "https://exa mple.org",
        "",
        None,
        42,
        "vbscript:msgbox",
        "  javascript:x",
    ],
)
def test_safe_link_url_rejects_everything_else(url):
    assert safe_link_url(url) is None


def test_safe_link_url_encodes_characters_that_end_a_markdown_link():
    url = safe_link_url("https://en.wikipedia.org/wiki/Coalition_(war)<x>")
    assert url == "https://en.wikipedia.org/wiki/Coalition_%28war%29%3Cx%3E"


def test_format_date():
    assert format_date(pd.Timestamp("2025-03-03")) == "3 Mar 2025"
