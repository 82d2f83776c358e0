"""Readable titles of cited sources, from ``content/_sources.yaml``.

Learners see a source by its title ("Course notes: Amazon Bedrock and generative AI", an AWS
page's own title), not by its raw reference (``seed:004_58f35748c833f60f.txt``, a bare URL);
``--json`` and instructor tools keep the exact reference and add the title beside it. The file
maps each reference, exactly as cited, to its title, one line per source, and is loaded as
strictly as a concept file. A reference without a title is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from studykit.fields import Field
from studykit.yamlfile import load_yaml

SOURCES_FILE = "_sources.yaml"
MAX_TITLE = 200

CITED = re.compile(
    r"seed:\d{3}_[0-9a-f]{16}\.txt"
    r"|https://(?:docs\.aws\.amazon\.com|aws\.amazon\.com|github\.com/aws-samples)/[^\s\"'<>()\[\]]*[^\s\"'<>()\[\].,;:!?]"
)
"""A source reference inside prose (an explanation that says "Source: https://…")."""


@dataclass(frozen=True)
class SourceTitles:
    """Titles by exact reference; ``title_of`` answers None for a reference without one."""

    titles: dict[str, str] = field(default_factory=dict)

    def title_of(self, source: str) -> str | None:
        return self.titles.get(source)

    def __contains__(self, source: object) -> bool:
        return source in self.titles

    def __len__(self) -> int:
        return len(self.titles)

    def record(self, source: str) -> dict[str, str | None]:
        """``{"source": …, "source_title": …}``: the exact reference and its title, for JSON."""
        return {"source": source, "source_title": self.title_of(source)}


def load_source_titles(folder: Path) -> SourceTitles:
    """The titles of a content folder; none when it has no ``_sources.yaml``."""
    path = folder / SOURCES_FILE
    if not path.exists():
        return SourceTitles()
    root = Field(load_yaml(path))
    if root.value is None:
        return SourceTitles()
    if not isinstance(root.value, dict):
        raise root.error(
            "the sources file must map each cited source to its title",
            '"<source exactly as cited>": "<page title>", one line per source',
        )
    titles = {}
    for key in root.value:
        item = root.child(key)
        if not isinstance(key, str):
            raise item.error(f"{key!r} is not a source", "quote the source", of_key=True)
        source = _source(root, key)
        title = item.text(max_length=MAX_TITLE)
        if "\n" in title:
            raise item.error(f"the title of {source!r} spans several lines", "write it on one line")
        titles[source] = title
    return SourceTitles(titles)


def _source(root: Field, key: str) -> str:
    """The key as a source reference, checked like a fact's source (errors point at the key)."""
    from studykit.concepts.loader import SEED_PATTERN, URL_PATTERN

    if not (SEED_PATTERN.match(key) or URL_PATTERN.match(key)):
        raise root.child(key).error(
            f"{key!r} is neither a seed note nor an AWS documentation URL",
            "write seed:<file name> or https://docs.aws.amazon.com/..., exactly as cited",
            of_key=True,
        )
    return key


def source_titles(folder: Path | None = None) -> SourceTitles:
    """The titles of ``folder`` (the shipped content by default), the shipped ones filling gaps."""
    shipped = shipped_source_titles()
    if folder is None:
        return shipped
    from studykit.resources import content_dir

    if folder.resolve() == content_dir().resolve():
        return shipped
    own = load_source_titles(folder)
    return SourceTitles({**shipped.titles, **own.titles})


@lru_cache(maxsize=1)
def shipped_source_titles() -> SourceTitles:
    """The shipped titles, read once per process and kept in the parse cache."""
    from studykit.parse_cache import cached
    from studykit.resources import content_dir

    folder = content_dir()
    return cached("sources", [folder / SOURCES_FILE], lambda: load_source_titles(folder))


def cited_in(text: str) -> Iterator[re.Match[str]]:
    """Every source reference written in ``text``, in order."""
    return CITED.finditer(text)


def cited_parts(text: str, titles: SourceTitles) -> list[tuple[str, str | None]]:
    """``text`` split for a writer that shows sources by title: ``(prose, None)`` pieces and
    ``(source, title)`` pieces for each titled reference; an untitled reference stays prose."""
    parts: list[tuple[str, str | None]] = []
    end = 0
    for match in cited_in(text):
        title = titles.title_of(match.group())
        if title is None:
            continue
        if match.start() > end:
            parts.append((text[end : match.start()], None))
        parts.append((match.group(), title))
        end = match.end()
    if end < len(text) or not parts:
        parts.append((text[end:], None))
    return parts


def show_by_title(
    text: str,
    titles: SourceTitles,
    plain: Callable[[str], str],
    link: Callable[[str, str], str],
) -> str:
    """``text`` for one output format: prose through ``plain``, a titled page as ``link(url, title)``,
    any other titled reference (a course note) as its plain title."""
    shown = []
    for part, title in cited_parts(text, titles):
        if title is None:
            shown.append(plain(part))
        elif part.startswith("https://"):
            shown.append(link(part, title))
        else:
            shown.append(plain(title))
    return "".join(shown)
