"""The records: the contract between pipeline stages, the store and users.

Plain dataclasses, no spaCy objects. Every record that points into an article carries
character offsets (``start``, ``end``) into ``Article.text``.

Stages write their results onto the Doc as lists of plain dicts whose keys are the field
names of these dataclasses (see :mod:`newsgraph.extensions`); plain dicts survive
``nlp.pipe(n_process=N)`` serialization. :mod:`newsgraph.docrecords` turns a finished Doc
into an :class:`ArticleResult`.

Nested values (a span, an actor reference, a place reference) are plain dicts with the
keys documented on each field, so that they serialize to JSON unchanged.

These dataclasses are also the storage schema: :mod:`newsgraph.store.schema` builds each
table's columns from a record's fields (the SQL type from the annotation; ``list``/``dict``
values are stored as JSON text), so a new field is one edit here plus a migration: give it
``field(..., metadata=column(since=N))`` and add migration ``N`` (see that module). Field
metadata made by :func:`column` says what the annotation cannot: ``NOT NULL``, the primary
key, another SQL type, the schema version that added the column.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, TypeVar

# PLOVER 16 categories (PLOVER manual, current version).
PLOVER_CATEGORIES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

CERTAINTIES: tuple[str, ...] = (
    "asserted",
    "claimed",
    "alleged",
    "unclear",
    "denied",
    "hypothetical",
    "future",
)

# Precision of a date value: day, week, month, quarter, year; "reported" means the event date
# fell back to the publication date (the report's date, not the event's).
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year", "reported")


# Keys of the storage metadata a field may carry (see :func:`column`).
COLUMN = "newsgraph.column"


@dataclass(frozen=True)
class ColumnMeta:
    """What a field's annotation cannot say about its column."""

    not_null: bool = False
    primary_key: bool = False
    sql: str | None = None  # SQL type when the annotation's default is not the one
    since: int = 1  # schema version (migration) that added the column
    default: str | None = None  # SQL DEFAULT expression


def column(
    *,
    not_null: bool = False,
    primary_key: bool = False,
    sql: str | None = None,
    since: int = 1,
    default: str | None = None,
) -> dict[str, ColumnMeta]:
    """Field metadata for the store: ``field(metadata=column(not_null=True))``."""
    return {COLUMN: ColumnMeta(not_null, primary_key, sql, since, default)}


@dataclass
class Article:
    """One input article, as read (before NLP)."""

    id: str = field(metadata=column(primary_key=True))
    text: str = field(metadata=column(not_null=True))
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_precision: str | None = None  # day | month | year | datetime
    language: str | None = None
    input: str | None = None  # where it came from: path, path:line, "<stdin>"
    content_hash: str = field(default="", metadata=column(not_null=True))
    ingested_at: str | None = None


@dataclass
class Sentence:
    article_id: str = field(metadata=column(not_null=True))
    idx: int = field(metadata=column(not_null=True))
    start: int = field(metadata=column(not_null=True))
    end: int = field(metadata=column(not_null=True))
    text: str


@dataclass
class Mention:
    """A stretch of text that names something: entity, actor or place."""

    article_id: str = field(metadata=column(not_null=True))
    start: int = field(metadata=column(not_null=True))
    end: int = field(metadata=column(not_null=True))
    text: str
    # person | organization | place | nationality | state | group | title | alias | pronoun |
    # actor (an agent phrase: "Ukrainian forces") | other
    kind: str
    label: str | None = None  # the NER label or the stage that made it
    actor_id: str | None = None
    place_id: str | None = None


@dataclass
class Actor:
    """An actor of one article (ids are unique within the article: "a1", "a2", ...)."""

    id: str = field(metadata=column(not_null=True))
    name: str
    article_id: str = field(default="", metadata=column(not_null=True))
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO / NGO / ... for non-state
    sector: str | None = None  # PLOVER sector code: GOV, MIL, COP, REB, ...
    kind: str | None = None  # person | organization | state | group
    aliases: list[str] = field(default_factory=list)
    dictionary_id: str | None = None  # entry of the actor dictionary that matched, if any


@dataclass
class Place:
    """A resolved place of one article (ids unique within the article: "p1", ...)."""

    id: str = field(metadata=column(not_null=True))
    name: str
    article_id: str = field(default="", metadata=column(not_null=True))
    geonames_id: int | None = field(default=None, metadata=column(sql="BIGINT"))
    country: str | None = None  # ISO 3166-1 alpha-3
    admin1: str | None = None  # ISO 3166-2
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # country | admin1 | admin2 | city | ...
    precision: int | None = None  # 1 town, 2 district, 3 region or country


@dataclass
class DateExpr:
    """A date expression in the text, resolved against the publication date."""

    article_id: str = field(metadata=column(not_null=True))
    start: int = field(metadata=column(not_null=True))
    end: int = field(metadata=column(not_null=True))
    text: str
    value: str | None  # ISO 8601 (2025-04-08, 2025-04, 2025, 2025-W15, 2025-Q3)
    precision: str | None  # day | week | month | quarter | year


@dataclass
class Quote:
    article_id: str = field(metadata=column(not_null=True))
    start: int = field(metadata=column(not_null=True))
    end: int = field(metadata=column(not_null=True))
    text: str
    kind: str  # direct | indirect | mixed
    # {"name", "country", "sector", "start", "end", "actor_id"} or None
    speaker: dict[str, Any] | None = None
    cue: str | None = None  # the cue word(s) text, e.g. "said"
    cue_start: int | None = None
    cue_end: int | None = None
    channel: str | None = None  # "Telegram post", "told CNN", ...


@dataclass
class Event:
    """One PLOVER event. Actor references are dicts:
    {"name", "country", "sector", "kind", "start", "end", "actor_id"};
    spans are {"start", "end", "text"}; place is
    {"name", "geonames_id", "country", "admin1", "lat", "lon", "precision"}."""

    article_id: str = field(metadata=column(not_null=True))
    category: str = field(metadata=column(not_null=True))
    trigger: dict[str, Any]
    sentence: dict[str, Any]
    rule: str
    mode: str | None = None
    context: str | None = None
    cameo_root: str | None = None
    quad_class: int | None = None  # 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    intensity: float | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    place: dict[str, Any] | None = None
    date: str | None = None
    date_precision: str | None = None
    certainty: str = "asserted"
    claimed_by: dict[str, Any] | None = None
    items: list[str] = field(default_factory=list)
    confidence: float | None = None
    # counts of the event: [{"kind", "low", "high", "best", "text", "start", "end", "rule"}]
    # (kind: killed | injured | arrested | displaced | participants | captured)
    magnitudes: list[dict[str, Any]] = field(default_factory=list, metadata=column(since=2))


@dataclass
class Failure:
    """An input, or part of one, that did not become records, with the reason."""

    input: str
    stage: str  # read | decode | parse | language | nlp | store
    kind: str  # short machine-readable reason: empty-text, not-json, binary, ...
    message: str  # one line for a person
    article_id: str | None = None


@dataclass
class Run:
    """One ``newsgraph ingest`` run, as the store records it."""

    id: int | None = field(default=None, metadata=column(primary_key=True, default="nextval('runs_id')"))
    started_at: str | None = None
    finished_at: str | None = None
    version: str | None = None
    command: str | None = None
    inputs: int | None = None
    articles_new: int | None = None
    articles_updated: int | None = None
    articles_unchanged: int | None = None
    failures: int | None = None
    sentences: int | None = None
    mentions: int | None = None
    events: int | None = None
    status: str | None = None


@dataclass
class Story:
    """A real-world happening and the articles that report it (``newsgraph stories``).

    ``id`` is the id of the article that opened the story; it never changes afterwards."""

    id: str = field(metadata=column(primary_key=True))
    title: str | None = None  # the opening article's title
    first_seen: str | None = None  # earliest publication date of a member
    last_seen: str | None = None
    articles: int = 0
    outlets: list[str] = field(default_factory=list)  # distinct outlets (sources) of the members
    # distinct origins: an outlet's own report, an agency whose credit a report carries, or
    # the origin of the report a copy duplicates (docs/STORIES.md)
    independent_outlets: list[str] = field(default_factory=list)
    updated_at: str | None = None


@dataclass
class StoryArticle:
    """One article's place in a story, its duplicate link and what the clustering keeps of it."""

    article_id: str = field(metadata=column(primary_key=True))
    story_id: str = field(default="", metadata=column(not_null=True))
    linked_to: str | None = None  # the member it was most similar to (None: opened the story)
    similarity: float | None = None  # to ``linked_to``
    duplicate_of: str | None = None  # earliest near-duplicate stored before it
    duplicate_similarity: float | None = None  # estimated Jaccard of word shingles
    outlet: str | None = None
    credit: str | None = None  # news agency credited in the text ("(Reuters) -")
    origin: str | None = None  # the independent source it counts as
    published: str | None = None
    lead_date: str | None = None  # date of its first event, when dated to the day
    lead_category: str | None = None  # PLOVER category of that event
    content_hash: str | None = None  # of the article when it was clustered
    terms: dict[str, float] = field(default_factory=dict)  # top TF-IDF terms, L2-normalized
    signature: list[int] = field(default_factory=list, metadata=column(sql="VARCHAR"))


@dataclass
class StoryTerm:
    """Document frequency of a word over the clustered articles (the IDF of new ones)."""

    term: str = field(metadata=column(primary_key=True))
    df: int = 0


@dataclass
class EventCluster:
    """One real-world event as several sentences and articles report it (``newsgraph clusters``).

    ``id`` is the id (``ARTICLE:IDX``) of its first member event; docs/STORIES.md has the keys,
    windows and rules."""

    id: str = field(metadata=column(primary_key=True))
    story_id: str = field(default="", metadata=column(not_null=True))
    category: str = ""
    mode: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)  # distinct {name, country, sector}
    targets: list[dict[str, Any]] = field(default_factory=list)
    place: dict[str, Any] | None = None  # the most precise place of a member
    date: str | None = None  # the most precise date of a member
    date_range: list[str] = field(default_factory=list)  # [earliest, latest] member date
    certainty: str = "asserted"  # consensus (or "disputed")
    claimed_by: list[dict[str, Any]] = field(default_factory=list)  # every claimant
    mentions: int = 0  # member events
    articles: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    independent_outlets: list[str] = field(default_factory=list)
    first_seen: str | None = None  # earliest publication of a member's article
    last_seen: str | None = None
    # [{event_id, article_id, idx, sentence: {start, end}, certainty, outlet, origin, published}]
    members: list[dict[str, Any]] = field(default_factory=list)
    magnitudes: list[dict[str, Any]] = field(default_factory=list)  # [{kind, low, best, high, reports}]
    conflicts: list[dict[str, Any]] = field(default_factory=list)  # [{type, kind?, values: [...]}]
    merge_reason: list[dict[str, Any]] = field(default_factory=list)  # [{event_id, joined, keys}]


@dataclass
class ClusterEvent:
    """Which cluster an event (``article_id``, ``idx``) belongs to."""

    article_id: str = field(metadata=column(not_null=True))
    idx: int = field(metadata=column(not_null=True))
    cluster_id: str = field(default="", metadata=column(not_null=True))
    story_id: str = field(default="", metadata=column(not_null=True))


@dataclass
class ArticleResult:
    """Everything the pipeline produced for one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


R = TypeVar("R")



def from_dict(cls: type[R], data: dict[str, Any], **extra: Any) -> R:
    """Build record ``cls`` from a dict, ignoring keys the record does not have."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values = {k: v for k, v in data.items() if k in names}
    values.update(extra)
    return cls(**values)


def to_dict(record: Any) -> dict[str, Any]:
    return dataclasses.asdict(record)
