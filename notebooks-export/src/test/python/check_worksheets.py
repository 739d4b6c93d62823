"""Checks exercise worksheets that Jupyter executed in the workshop's kernel.

    /usr/bin/python3 notebooks-export/src/test/python/check_worksheets.py EXPORTED_DIR EXECUTED_DIR

EXPORTED_DIR is what `./workshop notebooks` wrote: worksheets/NN-set.ipynb (the students' stubs) and
answer-keys/NN-set.ipynb (the solutions). EXECUTED_DIR holds the same two folders, each notebook as
`jupyter nbconvert --to notebook --execute` left it. For every exported notebook:
  - it was executed, every code cell ran (an execution count) and none has an error output,
  - its code cells are the exported ones, and each grading cell, `check("function");`, printed that function's
    result: in an answer key PASS (and no FAIL anywhere), in a worksheet FAIL or BLOCKED (and no PASS).
Prints one line per notebook, naming the cell that is wrong, and exits with 1 if any check fails.
"""
import json
import pathlib
import re
import sys

GRADING = re.compile(r'^check\("(\w+)"\);$')
FOLDERS = {"answer-keys": "PASS", "worksheets": "FAIL"}


def source(cell):
    return "".join(cell["source"]).strip()


def printed(cell):
    return "".join("".join(o["text"]) for o in cell["outputs"] if o["output_type"] == "stream")


def check(exported_path, executed_path, expect):
    if not executed_path.exists():
        return ["not executed"]
    exported = [c for c in json.loads(exported_path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    executed = [c for c in json.loads(executed_path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    if [c["id"] for c in exported] != [c["id"] for c in executed]:
        return ["its code cells are not the exported ones"]
    problems = []
    graded = 0
    for cell in executed:
        errors = [o for o in cell["outputs"] if o["output_type"] == "error"]
        if cell.get("execution_count") is None:
            problems.append("%s did not run" % cell["id"])
        if errors:
            problems.append("%s: %s: %s" % (cell["id"], errors[0]["ename"], errors[0]["evalue"]))
            continue
        match = GRADING.match(source(cell))
        if not match:
            continue
        graded += 1
        function, text = match.group(1), printed(cell)
        first = text.splitlines()[0] if text else "nothing"
        # the result line, as ./workshop check prints it: "✓ PASS    sigmoid", "✗ FAIL    sigmoid", "– BLOCKED ..."
        status = re.match(r"^\S (PASS|FAIL|BLOCKED) +%s$" % re.escape(function), first)
        if expect == "PASS" and (not status or status.group(1) != "PASS" or "FAIL" in text):
            problems.append("%s: check(\"%s\") printed %r, not PASS" % (cell["id"], function, first))
        if expect == "FAIL" and (not status or status.group(1) == "PASS" or "PASS" in text):
            problems.append("%s: check(\"%s\") printed %r, not FAIL or BLOCKED" % (cell["id"], function, first))
    if graded == 0:
        problems.append("no grading cells")
    return problems


def main():
    exported_dir, executed_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    ok = True
    count = 0
    for folder, expect in FOLDERS.items():
        for path in sorted((exported_dir / folder).glob("*.ipynb")):
            count += 1
            problems = check(path, executed_dir / folder / path.name, expect)
            ok = ok and not problems
            print("%s/%s: %s" % (folder, path.name, "FAIL: " + "; ".join(problems) if problems
                                 else "ran top to bottom, every check(...) printed " +
                                 ("PASS" if expect == "PASS" else "FAIL or BLOCKED")))
    if count == 0:
        print("no worksheets under %s" % exported_dir)
        return 1
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
