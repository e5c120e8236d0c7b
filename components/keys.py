"""Every session-state and widget key, named once. Short, because they may appear in URLs."""

BLOCS = "blocs"
ACTORS = "actors"
ISSUES = "issues"
DEEP_DIVE_ISSUE = "issue"
COMPARE_A = "bloc_a"
COMPARE_B = "bloc_b"
SOURCES_SEARCH = "q"
SOURCES_EVIDENCE = "evidence"

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
PRESENTER_ISSUE = "present_issue"
