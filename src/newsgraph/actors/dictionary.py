"""Actor dictionaries: entries the text may not explain (organizations, office-holders).

One entry per actor *role*. Fields (see docs/ACTORS.md):

===========  ====================================================================
``id``       unique id (kept as ``Actor.dictionary_id``); made from the name if absent
``name``     the name as written in news ("Andrii Sybiha", "United Nations")
``aliases``  other spellings and short forms ("Sybiha", "UN", "U.N.")
``country``  ISO 3166-1 alpha-3, or IGO / NGO / IMG for non-state actors
``sector``   PLOVER sector code (GOV, MIL, MED, ...)
``kind``     person | organization | state | group
``start``    first day the entry is true (ISO date, or YYYY-MM, or YYYY); empty: always
``end``      last day the entry is true; empty: still true
``role``     free text ("foreign minister"), for people reading the file
``note``     free text: why the entry is coded this way
===========  ====================================================================

Files may be JSON Lines (``.jsonl``), JSON (a list), YAML (a list, or a mapping with an
``actors`` list) or CSV with a header row (``aliases`` separated by ``|``).
"""

from __future__ import annotations

import csv
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsgraph.actors.datafiles import read_words
from newsgraph.errors import NewsgraphError
from newsgraph.language.fuzzy import NearIndex

DATA_DIR = Path(__file__).parent / "data"
BUILTIN_FILES: tuple[str, ...] = ("organizations.jsonl", "leaders.jsonl")

KINDS: frozenset[str] = frozenset({"person", "organization", "state", "group"})
FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "aliases",
    "country",
    "sector",
    "kind",
    "start",
    "end",
    "role",
    "note",
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}[A-Za-z]*$")


class DictionaryError(NewsgraphError):
    """An actor dictionary file cannot be read; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    start: str | None = None
    end: str | None = None
    role: str | None = None
    note: str | None = None
    source: str = field(default="", compare=False)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, published: str | None) -> bool:
        """Whether the entry holds on the article date.

        Undated entries always apply. For an article without a date, only entries that are
        still open (no ``end``) apply: the dictionary's present.
        """
        if not self.dated:
            return True
        day = article_day(published)
        if day is None:
            return self.end is None
        if self.start is not None and day < _pad(self.start, low=True):
            return False
        return not (self.end is not None and day > _pad(self.end, low=False))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.aliases:
            out["aliases"] = list(self.aliases)
        for key in ("country", "sector", "kind", "start", "end", "role", "note"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


def _pad(date: str, *, low: bool) -> str:
    if len(date) == 4:
        return date + ("-01-01" if low else "-12-31")
    if len(date) == 7:
        return date + ("-01" if low else "-31")
    return date


def article_day(published: str | None) -> str | None:
    """YYYY-MM-DD of an article's ``published`` value (date or datetime), or None."""
    if not published:
        return None
    text = str(published).strip()
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "entry"


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def make_entry(raw: dict[str, Any], where: str) -> Entry:
    """Validate one raw mapping; raise :class:`DictionaryError` naming ``where``."""
    if not isinstance(raw, dict):
        raise DictionaryError(f"{where}: expected a mapping with at least 'name', got {raw!r}")
    unknown = [str(k) for k in raw if k not in FIELDS]
    if unknown:
        raise DictionaryError(
            f"{where}: unknown key(s) {', '.join(unknown)}; an entry may have {', '.join(FIELDS)}"
        )
    name = _clean(raw.get("name"))
    if not name:
        raise DictionaryError(f"{where}: entry has no 'name'")
    aliases_raw = raw.get("aliases") or []
    if isinstance(aliases_raw, str):
        aliases_raw = [a for a in re.split(r"\s*\|\s*", aliases_raw) if a]
    if not isinstance(aliases_raw, list):
        raise DictionaryError(f"{where}: 'aliases' must be a list or a '|'-separated string")
    aliases = tuple(str(a).strip() for a in aliases_raw if str(a).strip())
    country = _clean(raw.get("country"))
    if country is not None:
        country = country.upper()
        if not _CODE.match(country):
            raise DictionaryError(
                f"{where}: country {country!r} is not a 3-letter code (ISO alpha-3, IGO, NGO)"
            )
    sector = _clean(raw.get("sector"))
    if sector is not None and not _SECTOR.match(sector):
        raise DictionaryError(f"{where}: sector {sector!r} is not a PLOVER code such as GOV")
    kind = _clean(raw.get("kind"))
    if kind is not None and kind not in KINDS:
        raise DictionaryError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(KINDS))}")
    dates: dict[str, str | None] = {}
    for key in ("start", "end"):
        value = _clean(raw.get(key))
        if value is not None:
            value = value[:10]
            if not _DATE.match(value):
                raise DictionaryError(
                    f"{where}: {key} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
                )
        dates[key] = value
    ident = _clean(raw.get("id")) or slug(name + ("-" + dates["start"] if dates["start"] else ""))
    return Entry(
        id=ident,
        name=name,
        aliases=aliases,
        country=country,
        sector=sector,
        kind=kind,
        start=dates["start"],
        end=dates["end"],
        role=_clean(raw.get("role")),
        note=_clean(raw.get("note")),
        source=where.split(":")[0],
    )


def _raw_rows(path: Path) -> Iterator[tuple[str, Any]]:
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read actor dictionary ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{path}: not UTF-8 text") from exc
    if suffix == ".jsonl":
        for no, line in enumerate(text.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                try:
                    yield f"{path}:{no}", json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DictionaryError(f"{path}:{no}: not JSON ({exc.msg})") from exc
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DictionaryError(f"{path}: not JSON ({exc.msg})") from exc
        yield from _listed(path, data)
    elif suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DictionaryError(f"{path}: not YAML ({exc})") from exc
        yield from _listed(path, data)
    elif suffix in (".csv", ".tsv"):
        reader = csv.DictReader(
            (ln for ln in text.splitlines() if not ln.startswith("#")),
            delimiter="\t" if suffix == ".tsv" else ",",
        )
        if reader.fieldnames is None or "name" not in reader.fieldnames:
            raise DictionaryError(f"{path}: the header row must name a 'name' column")
        for no, row in enumerate(reader, 2):
            yield f"{path}:{no}", row
    else:
        raise DictionaryError(
            f"{path}: unknown dictionary format {suffix!r}; use .yaml, .csv, .jsonl or .json"
        )


def _listed(path: Path, data: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("actors"), list):
        data = data["actors"]
    if data is None:
        return
    if not isinstance(data, list):
        raise DictionaryError(f"{path}: expected a list of actors (or a mapping with 'actors')")
    for no, item in enumerate(data, 1):
        yield f"{path}:entry {no}", item


def load_file(path: str | Path) -> list[Entry]:
    """Entries of one dictionary file; raises :class:`DictionaryError` on bad content."""
    p = Path(path)
    if not p.exists():
        raise DictionaryError(f"{p}: actor dictionary not found")
    return [make_entry(raw, where) for where, raw in _raw_rows(p)]


def load_builtin() -> list[Entry]:
    entries: list[Entry] = []
    for name in BUILTIN_FILES:
        entries.extend(load_file(DATA_DIR / name))
    return entries


class ActorDictionary:
    """Entries indexed by surface form (names and aliases)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = []
        self.by_form: dict[str, list[Entry]] = {}
        # people by a spelling-tolerant key ("Omar El Bashir" = "Omar al-Bashir")
        self.by_loose: dict[str, list[Entry]] = {}
        self.surnames: dict[str, list[Entry]] = {}  # one-word loose keys of people
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                # a later file (the user's) overrides an earlier entry of the same id
                self.entries = [e for e in self.entries if e.id != entry.id]
                for index in (self.by_form, self.by_loose, self.surnames):
                    for forms in index.values():
                        forms[:] = [e for e in forms if e.id != entry.id]
            seen.add(entry.id)
            self.entries.append(entry)
            for form in (entry.name, *entry.aliases):
                self.by_form.setdefault(_form_key(form), []).append(entry)
                if entry.kind == "person":
                    loose = loose_key(form)
                    if loose.count(" ") >= 1:  # two words at least: no loose surnames
                        self.by_loose.setdefault(loose, []).append(entry)
                    elif loose:
                        self.surnames.setdefault(loose, []).append(entry)
        # last words of people's names and aliases, for one-edit variants ("Mitterand")
        self.surname_near = NearIndex(k.rsplit(" ", 1)[-1] for k in (*self.by_loose, *self.surnames))

    def forms(self) -> list[str]:
        out: set[str] = set()
        for entry in self.entries:
            out.add(entry.name)
            out.update(entry.aliases)
        return sorted(out)

    def find(self, text: str, published: str | None) -> Entry | None:
        """The entry named ``text`` that holds on the article date (the latest-starting one)."""
        forms = self.by_form.get(_form_key(text), [])
        if not forms:
            loose = loose_key(text)
            if loose.count(" ") >= 1:
                forms = self.by_loose.get(loose, [])
        # prefer dated (more specific) entries, then the most recent start; user entries
        # come last in the list, so on a full tie the user's entry wins
        return self._in_force(forms, published)


    def find_near(self, text: str, published: str | None, min_letters: int) -> Entry | None:
        """A person whose name differs from ``text`` by one edit in the surname
        ("Mitterand", "Francois Mitterand", "Habyariman"): the surname has ``min_letters``
        letters or more (in the text and in the dictionary), the other words match, and the
        variants name one person only."""
        key = loose_key(text)
        words = key.split(" ")
        if not words[-1] or len(words[-1]) < min_letters:
            return None
        forms: list[Entry] = []
        for near in self.surname_near.near(words[-1]):
            if len(near) < min_letters:
                continue  # "Borneo" is not "Borne": both surnames must be long
            variant = " ".join([*words[:-1], near])
            forms += (self.by_loose if len(words) > 1 else self.surnames).get(variant, [])
        people = [e for e in forms if e.kind == "person"]
        if len({e.name for e in people}) != 1:
            return None
        return self._in_force(people, published)

    def _in_force(self, forms: list[Entry], published: str | None) -> Entry | None:
        candidates = [e for e in forms if e.applies(published)]
        if not candidates:
            return _person_outside_terms(forms, published)
        return max(
            enumerate(candidates),
            key=lambda ie: (ie[1].dated, ie[1].start or "", ie[0]),
        )[1]


def _person_outside_terms(forms: list[Entry], published: str | None) -> Entry | None:
    """A person named on a date outside every term of office they hold in the dictionary.

    A person's country does not change when a term ends, so the most recent term still
    gives the country. The sector comes from a term only when the date falls inside it:
    an undated article keeps the most recent term's sector (the dictionary's best guess),
    a dated article outside every term gets no sector from the dictionary (the person may
    be a former office-holder, ELI in PLOVER terms, or not yet in office; the text decides).
    Organizations and groups are not covered: their country or sector can change.
    """
    people = [e for e in forms if e.kind == "person" and e.country]
    if not people:
        return None
    latest = max(enumerate(people), key=lambda ie: (ie[1].start or "", ie[0]))[1]
    if article_day(published) is None:
        return latest
    return replace(latest, sector=None)


@functools.cache
def name_particles() -> frozenset[str]:
    """Arabic articles, honorifics and titles dropped for the loose match
    (data/name_particles.txt)."""
    return frozenset(read_words(DATA_DIR / "name_particles.txt"))


def loose_key(text: str) -> str:
    """A person's name with case, accents, hyphens, dots and Arabic articles ignored."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.split(r"[\s\-.']+", text)
    drop = name_particles()
    return " ".join(w for w in words if w and w not in drop)


def _form_key(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return re.sub(r"\s+", " ", text)


def write_jsonl(entries: Iterable[Entry], dest: str | Path) -> int:
    count = 0
    with Path(dest).open("w", encoding="utf-8") as fh:
        for entry in entries:
            fh.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")
            count += 1
    return count
