"""The token estimate used for sizes, limits and cost: characters divided by six.

AWS's dataset guides say to plan with about 6 characters per token and state the
per-record character quota as "token quota x 6 (estimated)"; studykit uses exactly
that rule so its checks match the published limits. It is an estimate, not a
tokenizer: every model has its own tokenizer, and English prose usually runs nearer
4 characters per token, so true counts are often higher (up to ~1.5x) than this
estimate; code, numbers and non-Latin scripts can cost more still.
"""

from __future__ import annotations

from studykit.datasets.limits import CHARS_PER_TOKEN
from studykit.datasets.sources import TEXT_DATA

ESTIMATOR = f"characters / {CHARS_PER_TOKEN}, rounded up (AWS's planning rule)"
ERROR_NOTE = (
    "An estimate: each model has its own tokenizer. English prose often runs ~4 characters per "
    "token, so true counts can be up to ~1.5x this estimate; code and non-Latin text, more."
)
SOURCE = TEXT_DATA


def estimate_tokens(chars: int) -> int:
    """Tokens for ``chars`` characters of text, by AWS's 6-characters-per-token rule."""
    return -(-chars // CHARS_PER_TOKEN)
