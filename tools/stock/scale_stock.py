#!/usr/bin/env python3
"""A stock CSV copied N times over, for runs at scale (docs/scaling.md).

Copy k (k = 1 .. N) holds every dwelling of the source with a new dwelling_id
((k - 1) * (max id + 1) + id: copy 1 keeps the source's ids) and its cité renamed "NAME #k"
(copy 1 keeps the names): N times the cités, each with the same dwellings, households and
attributes, so that a run over the copy does N times the work of a run over the source
with the same mix. The dwellings' random draws follow their ids: the copies do not repeat
each other's households' lives.

  coron stock generate --seed 2017 -o stock.csv
  tools/stock/scale_stock.py stock.csv 15 -o stock-1m.csv    # 1,050,000 dwellings
"""
import argparse
import csv
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", help="stock CSV (docs/stock-csv.md)")
    parser.add_argument("copies", type=int, help="how many copies of the source (N >= 1)")
    parser.add_argument("-o", "--output", required=True, help="stock CSV to write")
    args = parser.parse_args()
    if args.copies < 1:
        parser.error("copies: expected at least 1")

    with open(args.source, newline="", encoding="utf-8") as f:
        first = f.readline()
        format_line = first if first.startswith("#") else None
        if format_line is None:
            f.seek(0)
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    try:
        id_col = header.index("dwelling_id")
        cite_col = header.index("cite_name")
    except ValueError as missing:
        print(f"{args.source}: not a stock CSV ({missing})", file=sys.stderr)
        return 2
    span = max(int(r[id_col]) for r in rows) + 1

    with open(args.output, "w", newline="", encoding="utf-8") as out:
        if format_line is not None:
            out.write(format_line)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for k in range(1, args.copies + 1):
            for r in rows:
                copy = list(r)
                if k > 1:
                    copy[id_col] = str((k - 1) * span + int(r[id_col]))
                    copy[cite_col] = f"{r[cite_col]} #{k}"
                writer.writerow(copy)
    print(f"wrote {args.output}: {len(rows) * args.copies} dwellings, {args.copies} copies of {args.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
