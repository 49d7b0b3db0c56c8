"""Encode the CAMEO event codes (Schrodt et al.) with Goldstein values and PLOVER mappings in
Dateline's own format, src/dateline/data/cameo.json, from the published lookup table.

    python scripts/build_cameo.py ../shared/data/events/cameo.tsv

These are public standards (code, name, quad class, Goldstein value, PLOVER type and mode).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "cameo.json"


def main() -> None:
    src = Path(sys.argv[1])
    codes = {}
    with src.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            codes[row["code"]] = {
                "name": row["name"], "root": row["root"], "quad": int(row["quad_class"]),
                "goldstein": float(row["goldstein"]),
                "plover": row["plover_event"] or None, "mode": row["plover_mode"] or None,
            }
    OUT.write_text(json.dumps({"source": "CAMEO 1.1b3 codes; Goldstein (1992) values as used by "
                               "GDELT; PLOVER mapping CAMEO2PLOVER-2021", "codes": codes},
                              indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(codes)} codes -> {OUT}")


if __name__ == "__main__":
    main()
