"""studykit: learn, practise and build training data for model customization on Amazon Bedrock."""

from __future__ import annotations

__version__ = "0.1.0"
