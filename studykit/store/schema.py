"""The progress file's schema, as an ordered list of migrations.

``PRAGMA user_version`` records how many migrations a file has had, and
``PRAGMA application_id`` marks the file as studykit's, so a foreign SQLite file
is told apart from an old studykit one. Append a migration to change the schema;
never edit one that has shipped.
"""

from __future__ import annotations

APPLICATION_ID = 0x53544B50  # "STKP": studykit progress

MIGRATIONS: tuple[str, ...] = (
    # 1: sessions, their answers, exam results, review cards and review log.
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('quiz', 'exam', 'review')),
        seed INTEGER,
        question_ids TEXT NOT NULL,
        settings TEXT NOT NULL DEFAULT '{}',
        position INTEGER NOT NULL DEFAULT 0,
        flagged TEXT NOT NULL DEFAULT '[]',
        time_limit_seconds REAL,
        remaining_seconds REAL,
        state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'finished')),
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX sessions_by_state ON sessions (state, kind, updated_at);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        elapsed_seconds REAL NOT NULL,
        domain INTEGER,
        concepts TEXT NOT NULL DEFAULT '[]',
        answered_at TEXT NOT NULL,
        UNIQUE (session_id, question_id)
    );
    CREATE INDEX answers_by_time ON answers (answered_at);
    CREATE TABLE exams (
        session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
        correct INTEGER NOT NULL,
        total INTEGER NOT NULL,
        scaled_score INTEGER NOT NULL,
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        domains TEXT NOT NULL DEFAULT '[]',
        finished_at TEXT NOT NULL
    );
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        card TEXT NOT NULL,
        due TEXT NOT NULL,
        domain INTEGER,
        concepts TEXT NOT NULL DEFAULT '[]',
        reviews INTEGER NOT NULL DEFAULT 0,
        lapses INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX cards_by_due ON cards (due);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY,
        question_id TEXT NOT NULL,
        rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
        reviewed_at TEXT NOT NULL,
        duration_ms INTEGER
    );
    """,
    # 2: answers the learner marked as a guess, and bookmarks (flagged questions) that outlive a session.
    """
    ALTER TABLE answers ADD COLUMN guessed INTEGER NOT NULL DEFAULT 0 CHECK (guessed IN (0, 1));
    CREATE TABLE bookmarks (
        question_id TEXT PRIMARY KEY,
        domain INTEGER,
        concepts TEXT NOT NULL DEFAULT '[]',
        flagged_at TEXT NOT NULL
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
