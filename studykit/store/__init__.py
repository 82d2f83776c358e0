"""The learner's progress: one SQLite file of sessions, answers, exam results and review cards."""

from __future__ import annotations

from studykit.store.bookmarks import Bookmark, add_bookmark, bookmarks, remove_bookmark
from studykit.store.cards import CardRecord, all_cards, load_card, save_card
from studykit.store.connection import Store, open_store
from studykit.store.location import data_dir, default_store_path
from studykit.store.results import ExamRecord, exam_history, record_exam, reset_progress
from studykit.store.sessions import (
    UNANSWERED,
    AnswerRecord,
    SavedAnswer,
    SavedSession,
    all_answers,
    clear_answer,
    finish_session,
    latest_active_session,
    list_sessions,
    load_session,
    record_answer,
    save_place,
    session_answers,
    start_session,
)

__all__ = [
    "UNANSWERED",
    "AnswerRecord",
    "Bookmark",
    "CardRecord",
    "ExamRecord",
    "SavedAnswer",
    "SavedSession",
    "Store",
    "add_bookmark",
    "all_answers",
    "all_cards",
    "bookmarks",
    "clear_answer",
    "data_dir",
    "default_store_path",
    "exam_history",
    "finish_session",
    "latest_active_session",
    "list_sessions",
    "load_card",
    "load_session",
    "open_store",
    "record_answer",
    "record_exam",
    "remove_bookmark",
    "reset_progress",
    "save_card",
    "save_place",
    "session_answers",
    "start_session",
]
