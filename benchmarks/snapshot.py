"""Snapshot what every stage writes on a fixed corpus, to prove a refactoring changes nothing.

    python benchmarks/snapshot.py take  --shared ../shared --out /tmp/snap/before.jsonl
    python benchmarks/snapshot.py take  --shared ../shared --out /tmp/snap/after.jsonl
    python benchmarks/snapshot.py diff /tmp/snap/before.jsonl /tmp/snap/after.jsonl

The corpus is the demo articles, the reference article and samples of the gold sets beside
the project (PLOVER, CAMEO, geoparsing, PolNeAR, TempEval, VOA, BBC). The base model's parse
is cached (``--cache``, a DocBin) so that repeated snapshots run only the newsgraph stages.
Each output line is one article: every ``ng_*`` Doc extension and the stage errors.
Without ``--shared`` (or when it is absent) only the demo corpus is used.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _articles(shared: Path | None, per_set: int) -> Iterator[object]:
    from newsgraph.ingest import read_inputs
    from newsgraph.records import Article

    demo = ROOT / "demo"
    paths = [str(demo / "articles"), str(demo / "html"), str(demo / "wire.jsonl")]
    if shared is not None and shared.exists():
        paths += [str(shared / "corpus" / "seed"), str(shared / "corpus" / "voa")]
        bbc = sorted((shared / "corpus" / "bbc").rglob("*.txt"))[:per_set]
        paths += [str(p) for p in bbc]
    for item in read_inputs(paths):
        if isinstance(item, Article):
            yield item
    if shared is None or not shared.exists():
        return
    ev = shared / "eval"
    from newsgraph.evaluate import cameo, geo, plover, quotes, timex

    sentences, _ = plover.load_gold(ev / "plover_gsr")
    for s in sentences:
        yield Article(id="plover:" + s.id, text=s.text, published=s.date)
    csents, _ = cameo.load_gold(ev / "cameo_conflibert")
    for c in csents[: per_set * 3]:
        yield Article(id="cameo:" + c.id, text=c.text)
    for name in ("Corpora/lgl.xml", "GWN.xml"):
        docs, _ = geo.load_gold(ev / "geoparsing" / name)
        for d in docs[:per_set]:
            yield Article(id=f"geo:{name}:{d.id}", text=d.text, published=d.published)
    qdocs, _ = quotes.load_gold(ev / "polnear" / "dev")
    for q in qdocs:
        yield Article(id="quotes:" + q.id, text=q.text)
    for t in timex.load_gold(ev / "tempeval3")[:per_set]:
        yield Article(
            id="timex:" + t.id, text=t.text, published=t.dct, published_precision="day"
        )


def take(args: argparse.Namespace) -> int:
    from spacy.tokens import DocBin

    from newsgraph.nlp import STAGES, build_pipeline
    from newsgraph.pipeline import MAX_CHARS, Analyzer
    from newsgraph.stage import doc_errors

    shared = Path(args.shared) if args.shared else None
    nlp = build_pipeline()
    stage_names = [f for _s, f, _m in STAGES if f in nlp.pipe_names]
    cache = Path(args.cache)
    started = time.perf_counter()
    if not cache.exists():
        analyzer = Analyzer(nlp=nlp)
        seen: set[str] = set()
        bin_ = DocBin(store_user_data=True)
        with nlp.select_pipes(disable=stage_names):
            arts = []
            for a in _articles(shared, args.per_set):
                if a.id in seen:  # type: ignore[attr-defined]
                    continue
                seen.add(a.id)  # type: ignore[attr-defined]
                arts.append(a)
            for doc in nlp.pipe((analyzer.make_doc(a) for a in arts), batch_size=32):  # type: ignore[arg-type]
                bin_.add(doc)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(bin_.to_bytes())
        print(f"parsed {len(arts)} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    assert MAX_CHARS
    bin_ = DocBin(store_user_data=True).from_bytes(cache.read_bytes())
    started = time.perf_counter()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc in bin_.get_docs(nlp.vocab):
            for name in stage_names:
                doc = nlp.get_pipe(name)(doc)
            row = {"id": (doc._.ng_meta or {}).get("article_id")}
            for ext in sorted(k for k in dir(doc._) if k.startswith("ng_")):
                row[ext] = getattr(doc._, ext)
            row["errors"] = doc_errors(doc)
            fh.write(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str) + "\n")
            n += 1
    print(f"stages on {n} articles in {time.perf_counter() - started:.1f} s -> {out}", file=sys.stderr)
    return 0


def diff(args: argparse.Namespace) -> int:
    a = Path(args.before).read_text(encoding="utf-8").splitlines()
    b = Path(args.after).read_text(encoding="utf-8").splitlines()
    if len(a) != len(b):
        print(f"article counts differ: {len(a)} vs {len(b)}")
    bad = 0
    for la, lb in zip(a, b, strict=False):
        if la == lb:
            continue
        bad += 1
        ra, rb = json.loads(la), json.loads(lb)
        keys = sorted(k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k))
        if bad <= args.show:
            print(f"{ra.get('id')}: differs in {', '.join(keys)}")
            for k in keys[:3]:
                print(f"  before {k}: {json.dumps(ra.get(k), ensure_ascii=False)[:600]}")
                print(f"  after  {k}: {json.dumps(rb.get(k), ensure_ascii=False)[:600]}")
    print(f"{bad} of {len(a)} articles differ" if bad else f"identical ({len(a)} articles)")
    return 1 if bad or len(a) != len(b) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("take")
    t.add_argument("--shared", default=str(ROOT.parent / "shared"))
    t.add_argument("--out", required=True)
    t.add_argument("--cache", default="/tmp/newsgraph-snapshot/parsed.spacy")
    t.add_argument("--per-set", type=int, default=120)
    d = sub.add_parser("diff")
    d.add_argument("before")
    d.add_argument("after")
    d.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    return take(args) if args.cmd == "take" else diff(args)


if __name__ == "__main__":
    sys.exit(main())
