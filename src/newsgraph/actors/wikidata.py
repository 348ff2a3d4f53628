"""Import office-holders from a local Wikidata extract into an actor dictionary.

Input: JSON Lines of Wikidata entities in the shape of the Wikidata JSON dumps (one entity
per line; the dump's ``[`` / ``]`` lines and trailing commas are accepted). Used:

- people: ``labels.en``, ``aliases.en``, ``claims.P39`` (position held) with qualifiers
  ``P580`` (start time) and ``P582`` (end time); ``claims.P27`` (citizenship) as a fallback
  country;
- positions (the ``P39`` values), when they are in the file: ``labels.en`` (the role) and
  ``claims.P17`` (country) or ``claims.P1001`` (jurisdiction);
- countries, when they are in the file: ``claims.P298`` (ISO 3166-1 alpha-3); otherwise their
  English label is looked up in the country table.

Output: one dictionary entry per position held, with dates (see docs/ACTORS.md), written
as JSON Lines (``.jsonl``) or YAML (``.yaml``/``.yml``), usable with ``--actors FILE``.
Nothing is downloaded.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

from newsgraph.actors.dictionary import DictionaryError, Entry, write_jsonl
from newsgraph.language.countries import country_of

SECTORS_FILE = Path(__file__).parent / "data" / "sectors.tsv"


def _sector_terms() -> list[tuple[str, str, bool]]:
    with SECTORS_FILE.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t")
    return [(r["term"].lower(), r["sector"], r["strength"] == "strong") for r in rows]


def sector_of_role(role: str, terms: list[tuple[str, str, bool]] | None = None) -> str | None:
    """PLOVER sector of an office's name: the strongest, longest title word in it."""
    low = role.lower().replace("\u2019", "'")
    best: tuple[bool, int, str] | None = None
    for term, sector, strong in terms if terms is not None else _sector_terms():
        if re.search(r"(?<![a-z])" + re.escape(term) + r"s?(?![a-z])", low):
            key = (strong, len(term), sector)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def _label(entity: dict[str, Any]) -> str | None:
    labels = entity.get("labels") or {}
    en = labels.get("en")
    if isinstance(en, dict):
        value = en.get("value")
        return str(value) if value else None
    return str(en) if isinstance(en, str) else None


def _aliases(entity: dict[str, Any]) -> list[str]:
    raw = (entity.get("aliases") or {}).get("en") or []
    out = []
    for item in raw:
        value = item.get("value") if isinstance(item, dict) else item
        if value:
            out.append(str(value))
    return out


def _snak_value(snak: dict[str, Any]) -> Any:
    return ((snak or {}).get("datavalue") or {}).get("value")


def _claim_ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in (entity.get("claims") or {}).get(prop) or []:
        value = _snak_value(claim.get("mainsnak") or {})
        if isinstance(value, dict) and value.get("id"):
            out.append(str(value["id"]))
    return out


def _claim_string(entity: dict[str, Any], prop: str) -> str | None:
    for claim in (entity.get("claims") or {}).get(prop) or []:
        value = _snak_value(claim.get("mainsnak") or {})
        if isinstance(value, str):
            return value
    return None


def wikidata_date(value: Any) -> str | None:
    """``{"time": "+2019-05-20T00:00:00Z", "precision": 11}`` -> ``2019-05-20`` (or
    ``2019-05`` / ``2019`` for month and year precision)."""
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    match = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value["time"])
    if not match:
        return None
    year, month, day = match.groups()
    precision = int(value.get("precision") or 11)
    if precision <= 9 or month == "00":
        return year
    if precision == 10 or day == "00":
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def _qualifier_date(claim: dict[str, Any], prop: str) -> str | None:
    for snak in (claim.get("qualifiers") or {}).get(prop) or []:
        date = wikidata_date(_snak_value(snak))
        if date:
            return date
    return None


def read_entities(src: Path) -> dict[str, dict[str, Any]]:
    """Entities by id; raises :class:`DictionaryError` naming the line on bad input."""
    if not src.exists():
        raise DictionaryError(f"{src}: Wikidata extract not found")
    entities: dict[str, dict[str, Any]] = {}
    with src.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            text = line.strip().rstrip(",")
            if text in ("", "[", "]"):
                continue
            try:
                entity = json.loads(text)
            except json.JSONDecodeError as exc:
                raise DictionaryError(
                    f"{src}:{no}: not a JSON entity ({exc.msg}); expected one Wikidata entity "
                    "per line, as in the JSON dumps"
                ) from exc
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                raise DictionaryError(f"{src}:{no}: an entity must be an object with an 'id'")
            entities[entity["id"]] = entity
    return entities


def _country(qid: str, entities: dict[str, dict[str, Any]]) -> str | None:
    entity = entities.get(qid)
    if entity is None:
        return None
    code = _claim_string(entity, "P298")
    if code and re.fullmatch(r"[A-Z]{3}", code):
        return code
    label = _label(entity)
    return country_of(label) if label else None


def _country_in_label(label: str) -> str | None:
    """ "President of Ukraine" -> UKR; "Russian Minister of Defence" -> RUS."""
    words = re.findall(r"[\w'.-]+", label)
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            code = country_of(" ".join(words[i : i + n]))
            if code:
                return code
    return None


def entries_from_entities(entities: dict[str, dict[str, Any]]) -> list[Entry]:
    terms = _sector_terms()
    entries: list[Entry] = []
    for qid, entity in entities.items():
        claims = (entity.get("claims") or {}).get("P39") or []
        if not claims:
            continue
        name = _label(entity)
        if not name:
            continue
        citizenship = next(
            (c for c in (_country(q, entities) for q in _claim_ids(entity, "P27")) if c), None
        )
        for claim in claims:
            value = _snak_value(claim.get("mainsnak") or {})
            pos_id = value.get("id") if isinstance(value, dict) else None
            if not pos_id:
                continue
            position = entities.get(pos_id) or {}
            role = _label(position) if position else None
            country = None
            for prop in ("P17", "P1001"):
                for q in _claim_ids(position, prop) if position else []:
                    country = country or _country(q, entities)
            if country is None and role:
                country = _country_in_label(role)
            country = country or citizenship
            start = _qualifier_date(claim, "P580")
            end = _qualifier_date(claim, "P582")
            entries.append(
                Entry(
                    id=f"wd-{qid}-{pos_id}-{start or 'undated'}",
                    name=name,
                    aliases=tuple(_aliases(entity)),
                    country=country,
                    sector=sector_of_role(role, terms) if role else None,
                    kind="person",
                    start=start,
                    end=end,
                    role=role,
                    note=f"imported from Wikidata {qid} (position {pos_id})",
                )
            )
    entries.sort(key=lambda e: e.id)
    return entries


def import_wikidata(src: Path, dest: Path) -> int:
    """Read a local Wikidata extract, write dictionary entries with dates; return the count.

    ``dest`` ending in ``.yaml``/``.yml`` is written as YAML, anything else as JSON Lines.
    """
    src, dest = Path(src), Path(dest)
    entities = read_entities(src)
    entries = entries_from_entities(entities)
    if not entries:
        raise DictionaryError(
            f"{src}: no entity with positions held (P39) and an English label; nothing to import"
        )
    if dest.suffix.lower() in (".yaml", ".yml"):
        import yaml

        with dest.open("w", encoding="utf-8") as fh:
            yaml.safe_dump(
                {"actors": [e.to_json() for e in entries]}, fh, allow_unicode=True, sort_keys=False
            )
        return len(entries)
    return write_jsonl(entries, dest)
