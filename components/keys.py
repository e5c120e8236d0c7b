"""Every session-state and widget key, named once. The view state's keys are short, because they are
mirrored in the URL (widgets bound with bind="query-params"), so any view can be shared."""

from stancekit import view_state

# The keys a view's state lives under in the URL (stancekit.view_state names them and parses their values).
BLOCS, ACTORS, ISSUES, AS_OF = view_state.BLOCS, view_state.ACTORS, view_state.ISSUES, view_state.AS_OF
ISSUE = view_state.ISSUE  # the issue picked on the deep-dive and timeline pages
COMPARE_A, COMPARE_B = view_state.COMPARE_A, view_state.COMPARE_B
SOURCES_SEARCH, SOURCES_EVIDENCE = view_state.SEARCH, view_state.EVIDENCE
BETWEEN = view_state.BETWEEN  # the two dates of "what changed"
CHANGES_MODE = view_state.CHANGES_MODE  # "what changed": between two dates or between two chapters
CHAPTER_FROM, CHAPTER_TO = view_state.CHAPTER_FROM, view_state.CHAPTER_TO  # "what changed": two chapters' ends
SLIDE_CHAPTER = view_state.SLIDE_CHAPTER  # presenter: positions at the end of this chapter
TIMELINE_PERIOD = view_state.TIMELINE_PERIOD  # timeline: the whole story or one chapter
ISSUE_GROUP = view_state.ISSUE_GROUP  # overview: one group of issues or all
ONLY_MOVES = view_state.ONLY_MOVES  # "what changed": hide first statements
PRESENTER_ISSUE = view_state.SLIDE  # presenter: the issue on screen
PRESENTER_QUOTE = view_state.SLIDE_QUOTE  # presenter: the bloc whose words the slide quotes
OVERVIEW_ISSUE = "overview_issue"  # the overview's phone form: the issue listed (not in the URL)
OVERVIEW_FORM = "overview_form"  # the overview as a matrix or as lists (the device's; not in the URL)
CHAPTER_PICK = "chapter_pick"  # the sidebar's chapter buttons (they move "as of"; not in the URL)
STAND_ALL = "stand_all"  # "where do you stand?": every issue instead of the curated set
TIMELINE_PICK = "timeline_pick"  # the statement clicked in the timeline (not in the URL)
LINK_NOTES_SHOWN = "link_notes_shown"  # link settings already reported as ignored in this session
RUN_CONTEXT = "run_context"  # the view context the router built in this run, for the page it runs

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

# Class Pulse: the class code in the URL; the rest lives in this browser session only.
LANG = view_state.LANG  # the language picker (?lang=fr)
CLASS_CODE = view_state.JOIN  # the join code, typed or brought by the join link (?join=)
SEAT = view_state.SEAT  # a joined student's id in the address bar (?seat=CODE-ID): a reload keeps it
PULSE_PREFIX = "pulse_"  # every Class Pulse key of a session starts so: leaving a class clears exactly these
PULSE_STUDENT = "pulse_student"  # (code, student id, pseudonym) once joined
PULSE_TEACHER = "pulse_teacher"  # (code, teacher token) for the class this session teaches
PULSE_ANSWER = "pulse_answer::"  # + code + "::" + round + "::" + activity + "::" + actor guessed + "::" + issue
PULSE_SAVED = "pulse_saved::"  # + an answer's key: what happened when it was last sent (saved or refused)
PULSE_JOIN_LIMIT = "pulse_join_limit"  # join attempts of this session (a RateLimit)
PULSE_SUBMIT_LIMIT = "pulse_submit_limit"  # answers sent by this session (a RateLimit)
PULSE_SETUP_ISSUES = "pulse_setup_issues"  # the teacher's pick of questions before starting
PULSE_SETUP_ACTOR = "pulse_setup_actors"  # the actors the class guesses
PULSE_GUESSING = "pulse_guessing::"  # + code: the actor a student is guessing now
PULSE_ROUND = "pulse_round"
PULSE_TAB = "pulse_tab"  # a phone's open tab: where do you stand, guess the stances, or the results
PULSE_VIEW = "pulse_view"  # the projector's open tab: the class's answers, next to the actors or the blocs
PULSE_REMOVE = "pulse_remove"
PULSE_JOIN_MESSAGE = "pulse_join_message"  # why the last join was refused, shown once
PULSE_START_MESSAGE = "pulse_start_message"  # why starting a class was refused, shown once
PULSE_TEACHER_MESSAGE = "pulse_teacher_message"  # why the last teacher action was refused, shown once


# Choices that refer to one dataset's blocs, actors, issues and dates: forgotten when the dataset changes.
VIEW_KEYS = (
    *view_state.PARSERS,  # every key the URL carries
    CHAPTER_PICK,
    CARDS_PAGE,
    SOURCES_PAGE,
    CHANGES_PAGE,
    TIMELINE_PICK,
    EDITOR,
)
ACTIVITY_PREFIXES = (STAND_PREFIX, GUESS_PREFIX)
