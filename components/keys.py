"""Every session-state and widget key, named once. Short, because the view's state is mirrored in
the URL under these names (widgets bound with bind="query-params"), so any view can be shared."""

BLOCS = "blocs"
ACTORS = "actors"
ISSUES = "issues"
AS_OF = "as_of"
ISSUE = "issue"  # the issue picked on the deep-dive, timeline and presenter pages
DEEP_DIVE_ISSUE = ISSUE
COMPARE_A = "bloc_a"
COMPARE_B = "bloc_b"
SOURCES_SEARCH = "q"
SOURCES_EVIDENCE = "evidence"
BETWEEN = "between"  # the two dates of "what changed"
CHANGES_MODE = "compare"  # "what changed": between two dates or between two chapters
CHAPTER_FROM = "from_chapter"  # "what changed": the earlier chapter (its number)
CHAPTER_TO = "to_chapter"  # "what changed": the later chapter
CHAPTER_PICK = "chapter_pick"  # the sidebar's chapter buttons (they move "as of"; not in the URL)
SLIDE_CHAPTER = "slide_chapter"  # presenter: positions at the end of this chapter
TIMELINE_PERIOD = "period"  # timeline: the whole story or one chapter
ISSUE_GROUP = "group"  # overview: one group of issues or all
STAND_ALL = "stand_all"  # "where do you stand?": every issue instead of the curated set
ONLY_MOVES = "moves"  # "what changed": hide first statements
TIMELINE_PICK = "timeline_pick"  # the statement clicked in the timeline (not in the URL)
LINK_NOTES_SHOWN = "link_notes_shown"  # link settings already reported as ignored in this session

# Bring your own topic: this session's own dataset (never shared, never written to disk).
CUSTOM_DATASET = "custom_dataset"
PENDING_DATASET = "pending_dataset"  # a switch requested mid-run, applied at the start of the next run
UPLOAD_STANCES = "upload_stances"
UPLOAD_ISSUES = "upload_issues"
UPLOAD_EVENTS = "upload_events"
UPLOAD_TITLE = "upload_title"
UPLOAD_SEEN = "upload_seen"  # the files already processed, so a rerun does not load them again
UPLOAD_REPORT = "upload_report"  # the outcome of the last upload, shown until the next one
EDITOR = "editor"
SHARE = "share"  # the footer's share-and-cite box, built only when opened
CARDS_PAGE = "cards_page"
OTHER_STATEMENTS = "others::"  # + actor + "::" + issue: a card's "other statements", opened or not
SOURCES_PAGE = "sources_page"
CHANGES_PAGE = "changes_page"

# Classroom activities: every key a student's input lives under starts with its activity's prefix,
# so "Start again" can clear exactly this student's answers and nothing else.
STAND_PREFIX = "stand_"
STAND_ANSWER = STAND_PREFIX + "answer::"  # + issue
STAND_IMPORTANT = STAND_PREFIX + "important::"  # + issue
STAND_SUBMITTED = STAND_PREFIX + "submitted"
STAND_METRIC = STAND_PREFIX + "metric"
STAND_EXPLAIN = STAND_PREFIX + "explain"
GUESS_PREFIX = "guess_"
GUESS_ACTOR = GUESS_PREFIX + "actor"
GUESS_ANSWER = GUESS_PREFIX + "answer::"  # + actor + "::" + issue
GUESS_REVEALED = GUESS_PREFIX + "revealed"  # the actor whose guesses are revealed
GUESS_CHAPTER = GUESS_PREFIX + "chapter"  # guess the position at the end of this chapter
PRESENTER_ISSUE = "slide"


# Choices that refer to one dataset's blocs, actors, issues and dates: forgotten when the dataset changes.
VIEW_KEYS = (
    BLOCS,
    ACTORS,
    ISSUES,
    AS_OF,
    ISSUE,
    COMPARE_A,
    COMPARE_B,
    SOURCES_SEARCH,
    SOURCES_EVIDENCE,
    BETWEEN,
    ONLY_MOVES,
    CHANGES_MODE,
    CHAPTER_FROM,
    CHAPTER_TO,
    CHAPTER_PICK,
    SLIDE_CHAPTER,
    TIMELINE_PERIOD,
    ISSUE_GROUP,
    PRESENTER_ISSUE,
    CARDS_PAGE,
    SOURCES_PAGE,
    CHANGES_PAGE,
    TIMELINE_PICK,
    EDITOR,
)
ACTIVITY_PREFIXES = (STAND_PREFIX, GUESS_PREFIX)
