"""Compare two runs' records article by article (the check behind "records identical").

Used when code is reorganised or sped up: both runs are `accord extract` outputs (JSONL) over the
same inputs; records are matched by doc_id and compared field by field, ignoring `source` (the
path differs between checkouts). Prints the count of identical records and, for each
difference, the article and the first differing fields.

    python scripts/records_diff.py before.jsonl after.jsonl [--show 5]
"""
from __future__ import annotations

import argparse
import json
import sys

IGNORED = ("source",)


def load(path: str) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                for key in IGNORED:
                    rec.pop(key, None)
                out[rec["doc_id"]] = rec
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--show", type=int, default=5, help="differing articles to describe")
    args = ap.parse_args(argv)
    a, b = load(args.before), load(args.after)
    same = [k for k in a if k in b and a[k] == b[k]]
    differ = [k for k in a if k in b and a[k] != b[k]]
    print(f"{len(same)}/{len(a)} identical; {len(differ)} differ; {len(set(a) - set(b))} only before; "
          f"{len(set(b) - set(a))} only after")
    for k in differ[: args.show]:
        fields = [f for f in sorted(set(a[k]) | set(b[k])) if a[k].get(f) != b[k].get(f)]
        print(f"- {k} ({a[k].get('lang')}): {', '.join(fields)}")
        for f in fields[:3]:
            print(f"    before {f}: {json.dumps(a[k].get(f), ensure_ascii=False)[:300]}")
            print(f"    after  {f}: {json.dumps(b[k].get(f), ensure_ascii=False)[:300]}")
    return 0 if not differ and set(a) == set(b) else 1


if __name__ == "__main__":
    sys.exit(main())
