"""Renderers: the same rows as JSON Lines or as text for a person, and the progress bar.

Commands fetch rows from the query layer (:func:`newsgraph.store.queries.select`) and hand
them to one of these; nothing here reads the database.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from newsgraph.cli.app import err, out
from newsgraph.records import ArticleResult


# --------------------------------------------------------------------------- JSON
def emit_json(rows: Iterable[dict[str, Any]]) -> None:
    """JSON Lines on stdout, one object per row, streaming."""
    write = sys.stdout.write
    for row in rows:
        write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


# --------------------------------------------------------------------------- progress
class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} art/s" if speed else "– art/s", style="cyan")


def progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet,
        transient=False,
    )


# --------------------------------------------------------------------------- text
KIND_STYLES = {
    "person": "bold magenta",
    "organization": "bold cyan",
    "place": "bold green",
    "nationality": "yellow",
    "state": "bold blue",
    "group": "bold cyan",
}


def render_marked(text: str, spans: list[dict[str, Any]]) -> Text:
    """Article text with each mention wrapped as [text]kind, non-overlapping, left to right."""
    rendered = Text()
    pos = 0
    for m in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        if m["start"] < pos:
            continue
        rendered.append(text[pos : m["start"]])
        style = KIND_STYLES.get(m["kind"] or "", "bold")
        rendered.append("[", style="dim")
        rendered.append(text[m["start"] : m["end"]], style=style)
        rendered.append(f"]{m['tag']}", style="dim")
        pos = m["end"]
    rendered.append(text[pos:])
    return rendered


def print_article(result: ArticleResult) -> None:
    """An article: title, metadata, the text with its mentions marked, the counts."""
    a = result.article
    out.print(f"[bold]{a.title or '(untitled)'}[/]")
    meta = " · ".join(
        x for x in (a.id, a.published, a.source, a.url, a.input) if x
    )
    out.print(f"[dim]{meta}[/]\n")
    actors = {x.id: x for x in result.actors}
    spans = []
    for m in result.mentions:
        tag = m.kind or "?"
        actor = actors.get(m.actor_id or "")
        if actor is not None:
            code = " ".join(c for c in (actor.country, actor.sector) if c)
            tag = f"{actor.kind or m.kind}{':' + code if code else ''}"
        spans.append({"start": m.start, "end": m.end, "kind": actor.kind if actor else m.kind, "tag": tag})
    out.print(render_marked(a.text, spans))
    out.print(
        f"\n[dim]{len(result.sentences)} sentences · {len(result.mentions)} mentions · "
        f"{len(result.events)} events · {len(result.quotes)} quotes · {len(result.dates)} dates[/]"
    )


STAT_COUNTS = ("articles", "sentences", "mentions", "actors", "places", "dates", "quotes", "events", "failures", "runs")
STAT_LISTS = (
    ("mentions_by_kind", "mentions by kind"),
    ("events_by_category", "events by category"),
    ("events_by_certainty", "events by certainty"),
    ("top_actors", "top actors"),
    ("top_places", "top places"),
    ("failures_by_kind", "failures by reason"),
)


def print_stats(db: str, s: dict[str, Any]) -> None:
    out.print(f"[bold]{db}[/]")
    for key in STAT_COUNTS:
        out.print(f"  {key:<10} {s[key]:>8,}")
    for key, title in STAT_LISTS:
        if s[key]:
            out.print(f"[bold]{title}[/]")
            for name, count in s[key]:
                out.print(f"  {str(name):<40} {count:>6,}")


def short(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, dict):
        if "name" in value:
            code = " ".join(str(value.get(k)) for k in ("country", "sector") if value.get(k))
            return f"{value['name']}{' (' + code + ')' if code else ''}"
        if "text" in value:
            return str(value["text"])
    if isinstance(value, list):
        return "; ".join(short(v) for v in value) or "–"
    return str(value)


def print_event(ev: dict[str, Any]) -> None:
    head = ev["category"] + (f"/{ev['mode']}" if ev.get("mode") else "")
    date = f"{ev['date'] or '?'} ({ev['date_precision'] or '?'})"
    line = Text()
    line.append(f"{ev['article_id']}  ", style="dim")
    line.append(head, style="bold")
    line.append(f"  {ev['certainty']}", style="yellow" if ev["certainty"] != "asserted" else "green")
    if ev.get("claimed_by"):
        line.append(f" by {short(ev['claimed_by'])}", style="yellow")
    line.append(f"  {date}", style="dim")
    out.print(line)
    place = f" @ {short(ev['place'])}" if ev.get("place") else ""
    out.print(f"  {short(ev['sources'])} → {short(ev['targets'])}{place}")
    if ev.get("items"):
        out.print(f"  items: {', '.join(ev['items'])}")
    trigger = (ev.get("trigger") or {}).get("text", "")
    out.print(f"  [dim]trigger “{trigger}” · rule {ev.get('rule')}[/]")


def print_quote(q: dict[str, Any]) -> None:
    speaker = short(q["speaker"]) if q.get("speaker") else "(speaker unknown)"
    extra = " · ".join(x for x in (q.get("cue"), q.get("channel")) if x)
    out.print(f"[dim]{q['article_id']}[/]  [bold]{speaker}[/] [dim]{q['kind']}{' · ' + extra if extra else ''}[/]")
    out.print(f"  “{q['text']}”")


# The columns of each tabular listing. Events and quotes print as blocks.
LISTING_COLUMNS: dict[str, tuple[str, ...]] = {
    "places": ("article_id", "text", "name", "country", "admin1", "lat", "lon", "feature"),
    "actors": ("article_id", "text", "name", "country", "sector", "kind"),
    "dates": ("article_id", "text", "value", "precision"),
}
BLOCKS = {"events": print_event, "quotes": print_quote}


def print_rows(kind: str, rows: Iterable[dict[str, Any]]) -> None:
    """Rows of one kind as text on stdout; their count on stderr."""
    if kind in BLOCKS:
        show_one = BLOCKS[kind]
        count = 0
        for row in rows:
            show_one(row)
            count += 1
        err.print(f"[dim]{count} {kind}[/]")
        return
    columns = LISTING_COLUMNS[kind]
    table = Table(*columns, box=None)
    n = 0
    for row in rows:
        table.add_row(*(short(row.get(c)) for c in columns))
        n += 1
    if n:
        out.print(table)
    err.print(f"[dim]{n} {kind}[/]")


def print_articles(rows: Iterable[dict[str, Any]]) -> None:
    table = Table("id", "published", "source", "title", "chars", "events", box=None)
    for r in rows:
        table.add_row(
            r["id"], r["published"] or "–", r["source"] or "–", r["title"] or "–",
            str(r["chars"]), str(r["events"]),
        )
    out.print(table)


def print_failures(rows: Iterable[dict[str, Any]]) -> None:
    table = Table("run", "input", "stage", "reason", "message", box=None)
    n = 0
    for r in rows:
        table.add_row(str(r["run_id"]), r["input"], r["stage"], r["kind"], r["message"])
        n += 1
    if n:
        out.print(table)
    err.print(f"[dim]{n} failures[/]")


def print_stories(rows: Iterable[dict[str, Any]]) -> None:
    table = Table("story", "first seen", "last seen", "articles", "outlets", "independent", "title", box=None)
    n = 0
    for r in rows:
        n += 1
        table.add_row(
            r["story_id"], r["first_seen"] or "–", r["last_seen"] or "–", str(len(r["article_ids"] or [])),
            str(len(r["outlets"] or [])), str(len(r["independent_outlets"] or [])), r["title"] or "–",
        )
    if not n:
        err.print("no stories yet (build them: newsgraph stories build)")
        return
    out.print(table)


def print_story(story: dict[str, Any]) -> None:
    """A story as a timeline: each article with its outlet, origin and events."""
    out.print(Text(story["title"] or story["story_id"], style="bold"))
    out.print(
        f"story {story['story_id']} · {len(story['members'])} articles · "
        f"{story['first_seen'] or '?'} – {story['last_seen'] or '?'}"
    )
    out.print(f"outlets ({len(story['outlets'])}): {', '.join(story['outlets']) or '–'}")
    out.print(
        f"independent ({len(story['independent_outlets'])}): {', '.join(story['independent_outlets']) or '–'}"
    )
    for m in story["members"]:
        out.print()
        line = Text()
        line.append(f"{m['published'] or '?'}  ", style="dim")
        line.append(m["outlet"] or "?", style="bold cyan")
        line.append(f"  {m['title'] or m['article_id']}")
        out.print(line)
        notes = [f"article {m['article_id']}"]
        if m["credit"]:
            notes.append(f"credits {m['credit']}")
        if m["duplicate_of"]:
            notes.append(f"copy of {m['duplicate_of']} ({m['duplicate_similarity']:.2f})")
        elif m["linked_to"]:
            notes.append(f"linked to {m['linked_to']} ({m['similarity']:.2f})")
        out.print(f"  [dim]{' · '.join(notes)}[/]")
        for ev in m["events"][:5]:
            head = ev["category"] + (f"/{ev['mode']}" if ev.get("mode") else "")
            place = f" @ {short(ev['place'])}" if ev.get("place") else ""
            out.print(
                f"  {head} {ev['date'] or '?'}: {short(ev['sources'])} → {short(ev['targets'])}{place}"
                f" [dim]({ev['certainty']})[/]"
            )
        if len(m["events"]) > 5:
            out.print(f"  [dim]… {len(m['events']) - 5} more events[/]")
    if story.get("clusters"):
        out.print()
        out.print(Text("events reported by several articles", style="bold"))
        print_clusters(story["clusters"])


def _flag(f: dict[str, Any]) -> str:
    values = "; ".join(
        f"{v['value']} ({', '.join(v['outlets'] or v['articles'])})" for v in f["values"]
    )
    return f"{f['type']}{' ' + f['kind'] if f.get('kind') else ''}: {values}"


def print_clusters(rows: Iterable[dict[str, Any]]) -> None:
    """Each event cluster: its event, corroboration, magnitudes and conflicting claims."""
    n = 0
    for c in rows:
        n += 1
        head = c["category"] + (f"/{c['mode']}" if c.get("mode") else "")
        place = f" @ {short(c['place'])}" if c.get("place") else ""
        out.print(Text(f"{c['cluster_id']}  {head} {c['date'] or '?'}{place}", style="bold"))
        out.print(
            f"  {short(c['sources'])} → {short(c['targets'])} · certainty {c['certainty']} · "
            f"{c['mentions']} mentions · {len(c['articles'])} articles · {len(c['outlets'])} outlets · "
            f"{len(c['independent_outlets'])} independent · story {c['story_id']}"
        )
        for m in c["magnitudes"]:
            out.print(f"  {m['kind']}: best {m['best']:g} (low {m['low']:g}, high {m['high']:g})")
        for f in c["conflicts"]:
            out.print(f"  [red]conflict[/] {_flag(f)}")
    if not n:
        err.print("no event clusters yet (build them: newsgraph stories build)")
