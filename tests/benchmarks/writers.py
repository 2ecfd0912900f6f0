"""Clerks' writes beside back-to-back imports, for 60 s: how many succeed, and how long each waits.

    python -m tests.benchmarks.writers --size 100000 --seconds 60

A synthetic database of SIZE assignments is exported (without its versions); one process then imports
that sheet again and again, each time with every note changed (so each import updates every
assignment), while this process runs ``tracker note`` on one assignment every 2.5 s, as a clerk at the
command line would. Prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _tracker(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tracker", *args], capture_output=True, text=True, check=False)


def _with_notes(source: Path, target: Path, note: str) -> None:
    with source.open(encoding="utf-8-sig", newline="") as read, target.open("w", encoding="utf-8", newline="") as out:
        rows = csv.reader(read)
        header = next(rows)
        column, version = header.index("note"), header.index("version")
        writer = csv.writer(out)
        writer.writerow(header[:version] + header[version + 1 :])  # a sheet of the directive's, not an export:
        for row in rows:  # without the version it was exported at, it does not conflict with later changes
            row[column] = note
            writer.writerow(row[:version] + row[version + 1 :])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tracker-writers-"))
    try:
        url = f"sqlite:///{work / 'w.db'}"
        _tracker("--db", url, "db", "init", "--synthetic", str(options.size)).check_returncode()
        exported = work / "export.csv"
        _tracker("--db", url, "export", str(exported)).check_returncode()
        files = [work / "a.csv", work / "b.csv"]
        _with_notes(exported, files[0], "lượt A")
        _with_notes(exported, files[1], "lượt B")
        loop = (
            "import subprocess, sys, time\n"
            "end = time.monotonic() + float(sys.argv[1]); n = 0; ok = 0\n"
            "while time.monotonic() < end:\n"
            "    command = [sys.executable, '-m', 'tracker', '--db', sys.argv[2], 'import', sys.argv[3 + n % 2]]\n"
            "    r = subprocess.run(command, capture_output=True)\n"
            "    n += 1; ok += r.returncode == 0\n"
            "print(n, ok)\n"
        )
        importer = subprocess.Popen(
            [sys.executable, "-c", loop, str(options.seconds), url, *map(str, files)], stdout=subprocess.PIPE, text=True
        )
        time.sleep(1.0)
        waits: list[float] = []
        failures: list[str] = []
        end = time.monotonic() + options.seconds - 2
        count = 0
        while time.monotonic() < end:
            count += 1
            started = time.monotonic()
            result = _tracker("--db", url, "note", "1", f"ghi chú {count}")
            waits.append(time.monotonic() - started)
            if result.returncode != 0:
                failures.append(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "?")
            time.sleep(max(0.0, 2.5 - (time.monotonic() - started)))
        imports, imported = map(int, importer.communicate()[0].split())
        waits.sort()
        print(
            json.dumps(
                {
                    "size": options.size,
                    "seconds": options.seconds,
                    "imports": imports,
                    "imports_ok": imported,
                    "writes": count,
                    "writes_ok": count - len(failures),
                    "write_wait_p50_s": round(waits[len(waits) // 2], 2),
                    "write_wait_max_s": round(waits[-1], 2),
                    "failures": failures[:3],
                },
                ensure_ascii=False,
            )
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
