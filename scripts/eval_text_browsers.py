"""Score the flattened-text cleaner on text-browser dumps of the dev HTML (an unseen flattening).

    python scripts/eval_text_browsers.py        # needs Debian's w3m and lynx; also elinks and links if installed

Each browser is run twice: at 200 columns without its list of links, and in its own layout, as a user
runs it (``DEFAULT_LAYOUT``: 80 columns, numbered links and the list of their addresses). Document
converters are scored too when installed (``CONVERTERS``: html2text's Markdown, pandoc's plain text and
Markdown).

The dumps are cached under /tmp/flat/dumps (never in the repo); the benchmark scorer reads the
cleaner's output and each tool's raw dump (keep everything) for comparison. The shipped model was
fitted on these very pages (in their flat form), so this figure is optimistic; for the honest one, each
page cleaned by a fold model that never saw it, run ``scripts/train_flat.py --browsers``.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DUMPS = Path("/tmp/flat/dumps")
DATA = ROOT.parent / "shared" / "data" / "extraction"
SCORER = ROOT.parent / "shared" / "bench" / "extraction" / "score.py"
TOOLS = {"w3m": ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-I", "UTF-8", "-cols", "200"],
         "lynx": ["lynx", "-dump", "-nolist", "-display_charset=utf-8", "-assume_charset=utf-8",
                  "-width=200"]}
#: other text browsers, scored when installed (Debian's elinks and links); no training run ever reads their dumps
MORE_TOOLS = {"elinks": ["elinks", "-dump", "-dump-width", "200", "-dump-charset", "utf-8", "-no-references",
                         "-no-numbering", "-eval", 'set document.codepage.assume = "utf-8"',
                         "-eval", "set document.codepage.force_assumed = 1"],
              "links": ["links", "-dump", "-width", "200", "-codepage", "utf-8", "-html-assume-codepage", "utf-8"]}
#: each browser as a user would run it: only the character set fixed, so the dump keeps the browser's own
#: layout (wrapped at 80 columns; lynx and elinks also number every link, "[12]", and end the page with
#: the list of their addresses). Scored when installed; never trained on
DEFAULT_LAYOUT = {"w3m-80": ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-I", "UTF-8"],
                  "lynx-80": ["lynx", "-dump", "-display_charset=utf-8", "-assume_charset=utf-8"],
                  "elinks-80": ["elinks", "-dump", "-dump-charset", "utf-8",
                                "-eval", 'set document.codepage.assume = "utf-8"',
                                "-eval", "set document.codepage.force_assumed = 1"],
                  "links-80": ["links", "-dump", "-codepage", "utf-8", "-html-assume-codepage", "utf-8"]}

#: document converters with their defaults: html2text (Markdown wrapped at 78 columns; scored when the
#: package is importable: pip install html2text, for this measurement only, not a dependency) and pandoc
#: (plain text wrapped at 72 columns, and its own Markdown with fenced divs, attributes and raw HTML)
CONVERTERS = {"html2text": [sys.executable, "-m", "html2text"],
              "pandoc-txt": ["pandoc", "-f", "html", "-t", "plain"],
              "pandoc-md": ["pandoc", "-f", "html", "-t", "markdown"]}


def installed_tools() -> dict[str, list[str]]:
    """w3m and lynx (required), and each of :data:`MORE_TOOLS`, :data:`DEFAULT_LAYOUT` and
    :data:`CONVERTERS` that is installed."""
    others = {**MORE_TOOLS, **DEFAULT_LAYOUT, **CONVERTERS}
    more = {tool: cmd for tool, cmd in others.items()
            if (importlib.util.find_spec("html2text") is not None if tool == "html2text" else shutil.which(cmd[0]))}
    missing = sorted(set(others) - set(more))
    if missing:
        print(f"not installed, not scored: {', '.join(missing)}", file=sys.stderr)
    return {**TOOLS, **more}


def score(folder: Path) -> dict[str, float]:
    subprocess.run([sys.executable, str(SCORER), str(folder), str(DATA / "gold"), "--bootstrap", "0",
                    "--json", str(folder / "_s.json")], capture_output=True, check=True)
    return json.loads((folder / "_s.json").read_text())


def text_dump(tool: str, cmd: list[str], pid: str, page: Path) -> str:
    """The text browser's dump of one dev page (cached)."""
    cached = DUMPS / tool / f"{pid}.txt"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    page.write_bytes(gzip.open(DATA / "html" / f"{pid}.html.gz").read())
    dump = subprocess.run([*cmd, str(page)], capture_output=True, timeout=30).stdout.decode("utf-8", "replace")
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(dump, encoding="utf-8")
    return dump


def main() -> None:
    from dateline.extract.flat import clean_flat

    ids = (DATA / "ids.txt").read_text().split()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        page = root / "page.html"
        for tool, cmd in installed_tools().items():
            cleaned, raw = root / f"{tool}-clean", root / f"{tool}-raw"
            cleaned.mkdir()
            raw.mkdir()
            for i in ids:
                dump = text_dump(tool, cmd, i, page)
                (cleaned / f"{i}.json").write_text(json.dumps({"text": clean_flat(dump).text}))
                (raw / f"{i}.json").write_text(json.dumps({"text": dump}))
            for name, folder in (("dateline", cleaned), ("keep everything", raw)):
                m = score(folder)
                print(f"{tool:<10} {name:<16} F1 {m['f1']:.4f}  P {m['precision']:.4f}  R {m['recall']:.4f}")


if __name__ == "__main__":
    main()
