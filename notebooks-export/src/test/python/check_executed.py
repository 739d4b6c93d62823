"""Checks notebooks that Jupyter executed in the workshop's kernel against the notebooks as exported.

    /usr/bin/python3 notebooks-export/src/test/python/check_executed.py EXPORTED_DIR EXECUTED_DIR

EXECUTED_DIR holds `jupyter nbconvert --to notebook --execute` of each EXPORTED_DIR/*.ipynb. For every notebook:
  - every code cell ran (an execution count) and none has an error output,
  - each cell printed what the export recorded when the lesson ran, and showed as many plots.
Timings differ from run to run, so an elapsed time ("... in 5.31 s") counts as the export's "[elapsed time omitted]",
and a cell whose export left out a timing conclusion or a chart of timings is compared by its other lines only.
Prints one line per notebook and exits with 1 if any check fails.
"""
import json
import pathlib
import re
import sys

ELAPSED = re.compile(r" in \d+(\.\d+)? (ms|s)$")
TIMING_PLACEHOLDERS = ("[a conclusion from timings", "[a chart of timings")


def printed(cell):
    return "".join("".join(o["text"]) for o in cell["outputs"] if o["output_type"] == "stream").splitlines()


def images(cell):
    return sum(1 for o in cell["outputs"] if "image/png" in o.get("data", {}))


def check(exported_path, executed_path):
    exported = [c for c in json.loads(exported_path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    if not executed_path.exists():
        return ["not executed"]
    executed = [c for c in json.loads(executed_path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    problems = []
    if len(exported) != len(executed):
        return ["%d code cells, the export has %d" % (len(executed), len(exported))]
    for want, got in zip(exported, executed):
        errors = [o for o in got["outputs"] if o["output_type"] == "error"]
        if got.get("execution_count") is None:
            problems.append("%s did not run" % got["id"])
        if errors:
            problems.append("%s: %s: %s" % (got["id"], errors[0]["ename"], errors[0]["evalue"]))
            continue
        want_lines = printed(want)
        got_lines = [ELAPSED.sub(" in [elapsed time omitted]", line) for line in printed(got)]
        loose = any(line.startswith(TIMING_PLACEHOLDERS) for line in want_lines)
        if loose:
            want_lines = [line for line in want_lines if not line.startswith(TIMING_PLACEHOLDERS)]
            missing = [line for line in want_lines if line not in got_lines]
            if missing:
                problems.append("%s did not print %r" % (got["id"], missing[0]))
            if images(got) < images(want):
                problems.append("%s showed %d plots, the export %d" % (got["id"], images(got), images(want)))
        else:
            if got_lines != want_lines:
                diff = next(((w, g) for w, g in zip(want_lines + [""] * len(got_lines), got_lines + [""] * len(want_lines))
                             if w != g), None)
                problems.append("%s printed %r where the export has %r" % (got["id"], diff[1], diff[0]))
            if images(got) != images(want):
                problems.append("%s showed %d plots, the export %d" % (got["id"], images(got), images(want)))
    return problems


def main():
    exported_dir, executed_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    notebooks = sorted(exported_dir.glob("*.ipynb"))
    if not notebooks:
        print("no notebooks in %s" % exported_dir)
        return 1
    ok = True
    for path in notebooks:
        problems = check(path, executed_dir / path.name)
        ok = ok and not problems
        print("%s: %s" % (path.name, "FAIL: " + "; ".join(problems) if problems
                          else "ran top to bottom in the kernel, outputs as exported"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
