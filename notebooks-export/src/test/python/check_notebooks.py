"""Checks exported notebooks with Jupyter's reference implementation, nbformat.

    /usr/bin/python3 notebooks-export/src/test/python/check_notebooks.py DIR [HTML_DIR]

For every DIR/*.ipynb, read as raw JSON (nothing repaired, no ids filled in):
  - it validates against the nbformat 4.5 schema (nbformat.validator.iter_validate, which never changes the notebook),
  - every cell has its own id,
  - nbformat.validate() finds nothing to repair,
  - the file is byte for byte what nbformat itself writes for the same notebook,
  - with HTML_DIR: the page `jupyter nbconvert --to html` made of it shows every plot as an inline PNG.
Prints one line per notebook and exits with 1 if any check fails.
"""
import copy
import json
import pathlib
import sys

import nbformat
import nbformat.validator


def check(path, html_dir):
    text = path.read_text(encoding="utf-8")
    raw = json.loads(text)
    problems = []
    if (raw.get("nbformat"), raw.get("nbformat_minor")) != (4, 5):
        problems.append("not nbformat 4.5: %r.%r" % (raw.get("nbformat"), raw.get("nbformat_minor")))
    for error in nbformat.validator.iter_validate(raw, version=4, version_minor=5):
        problems.append("schema: %s" % error.message)
    ids = [cell.get("id") for cell in raw.get("cells", [])]
    if None in ids:
        problems.append("%d cells without an id" % ids.count(None))
    if len(set(ids)) != len(ids):
        problems.append("duplicate cell ids")
    repaired = copy.deepcopy(raw)
    nbformat.validate(repaired, version=4, version_minor=5)
    if repaired != raw:
        problems.append("nbformat.validate() had to repair the notebook")
    if nbformat.writes(nbformat.reads(text, as_version=4)) + "\n" != text:
        problems.append("not in the form nbformat writes (sorted keys, indent 1, lines split)")
    images = sum(1 for cell in raw["cells"] for output in cell.get("outputs", [])
                 if "image/png" in output.get("data", {}))
    if html_dir is not None:
        html = html_dir / (path.stem + ".html")
        shown = html.read_text(encoding="utf-8").count('<img src="data:image/png;base64,') if html.exists() else -1
        if shown != images:
            problems.append("%s shows %d of the %d plots" % (html.name, max(shown, 0), images))
    status = "FAIL: " + "; ".join(problems) if problems else "valid nbformat 4.5"
    print("%s: %s, %d cells, %d plots, %d bytes" % (path.name, status, len(ids), images, len(text.encode())))
    return not problems


def main():
    folder = pathlib.Path(sys.argv[1])
    html_dir = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        print("no notebooks in %s" % folder)
        return 1
    print("nbformat %s" % nbformat.__version__)
    results = [check(path, html_dir) for path in notebooks]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
