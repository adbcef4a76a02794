#!/usr/bin/env python3
"""What users would otherwise do: read table 三 with pandas.read_html and check its sums.

For each HTML file: pandas.read_html (lxml) reads every table, the one with 本年新收 is
taken as table 三, the seven numbers of each row are read, and the checks nianbao calls
T3-3 (six applicant columns = 总计, per row) and T3-1 (一 + 二 = （七）总计 + 四, per column)
are done. Timed in-process (median of N runs, imports excluded), side by side with
`nianbao check --format json FILE` timed as a whole process (start-up included).

usage: table3.py NIANBAO_BINARY N FILE.html...     (NIANBAO_PANDAS_COPIES: size of the long batch, default 50)
"""
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import pandas as pd

NUM = re.compile(r"^\s*(\d+)\s*$")


def number(x):
    m = NUM.match(str(x))
    return int(m.group(1)) if m else None


def table3(html):
    """(rows, findings): rows as (label, [7 numbers]); findings as strings."""
    tables = pd.read_html(io.StringIO(html))
    t = next((t for t in tables if t.astype(str).apply(lambda c: c.str.contains("本年新收")).any().any()), None)
    if t is None:
        return [], ["table 三 not found"]
    rows = []
    for _, r in t.astype(str).iterrows():
        cells = list(r)
        nums = [number(c) for c in cells]
        # The last seven cells that are numbers are the values; the label is the longest text before.
        values = [n for n in nums if n is not None][-7:]
        if len(values) == 7:
            label = max((c for c, n in zip(cells, nums) if n is None), key=len, default="")
            rows.append((label, values))
    findings = []
    for label, v in rows:
        if sum(v[:6]) != v[6]:
            findings.append(f"T3-3 {label}: {sum(v[:6])} != {v[6]}")
    by = lambda key: next((v for l, v in rows if key in l), None)
    new, carried, total, forward = by("本年新收"), by("上年结转"), by("总计"), by("结转下年度")
    if all(x is not None for x in (new, carried, total, forward)):
        for c in range(7):
            if new[c] + carried[c] != total[c] + forward[c]:
                findings.append(f"T3-1 column {c + 1}")
    return rows, findings


def median_ms(f, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def check_all(files):
    """`table3.py --check FILE...`: what a user's script does, once per run: read and check every file."""
    for path in files:
        rows, findings = table3(open(path, encoding="utf-8", errors="replace").read())
        print(path, len(rows), len(findings))


def main():
    if sys.argv[1] == "--check":
        return check_all(sys.argv[2:])
    binary, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    print(f"{'file':<28} {'KB':>6} {'rows':>5} {'pandas ms':>10} {'nianbao CLI ms':>15} {'ratio':>7}  findings (pandas | nianbao)")
    total_p = total_n = 0.0
    for path in files:
        html = open(path, encoding="utf-8", errors="replace").read()
        rows, findings = table3(html)
        p = median_ms(lambda: table3(open(path, encoding="utf-8", errors="replace").read()), n)
        cli = lambda: subprocess.run([binary, "check", "--format", "json", path], capture_output=True, check=False)
        out = cli().stdout
        ours = json.loads(out.decode().splitlines()[0])
        ours_codes = sorted(d["code"] for d in ours["diagnostics"] if d["code"].startswith("T3"))
        c = median_ms(cli, n)
        total_p += p
        total_n += c
        print(f"{path.split('/')[-1]:<28} {len(html.encode()) // 1024:>6} {len(rows):>5} {p:>10.1f} {c:>15.1f} {p / c:>6.1f}×  {len(findings)} | {' '.join(ours_codes) or '0'}")
    print(f"{'all':<28} {'':>6} {'':>5} {total_p:>10.1f} {total_n:>15.1f} {total_p / total_n:>6.1f}×")
    # What a process costs before any checking, spawned from this (pandas-loaded) interpreter.
    idle = median_ms(lambda: subprocess.run([binary, "--version"], capture_output=True, check=False), n)
    print(f"(of each nianbao CLI figure, {idle:.1f} ms is spawning a process from this interpreter: `nianbao --version`)")
    # Side by side as a user runs them: one command over all the files, start-up and imports included.
    p, c = pandas_script_ms(files, n), nianbao_check_ms(binary, files, n)
    print(f"one command over all {len(files)} files: pandas script {p:.0f} ms, nianbao check {c:.0f} ms: {p / c:.1f}×")
    # A longer batch: COPIES copies of the same files in a temporary folder, one command each,
    # fewer runs (the pandas side takes seconds). Start-up matters less here; per-file cost more.
    copies = int(os.environ.get("NIANBAO_PANDAS_COPIES", "50"))
    if copies > 1:
        with tempfile.TemporaryDirectory() as d:
            many = []
            for k in range(copies):
                for i, path in enumerate(files):
                    dst = os.path.join(d, f"{k:04}-{i}-{os.path.basename(path)}")
                    shutil.copyfile(path, dst)
                    many.append(dst)
            runs = max(1, n // 5)
            p = pandas_script_ms(many, runs)
            for jobs in ([], ["-j", "1"]):
                c = nianbao_check_ms(binary, [d], runs, jobs)
                how = "one thread" if jobs else f"all {os.cpu_count()} cores"
                print(f"one command over {len(many)} files ({copies} copies, {runs} runs), nianbao on {how}: pandas script {p:.0f} ms, nianbao check {c:.0f} ms: {p / c:.1f}×")


def pandas_script_ms(files, runs):
    """This script's `--check` over the files as one process: interpreter start-up and imports included."""
    script = [sys.executable, __file__, "--check", *files]
    return median_ms(lambda: subprocess.run(script, capture_output=True, check=True), runs)


def nianbao_check_ms(binary, paths, runs, jobs=()):
    """`nianbao check --format json` over the paths (files or folders) as one process."""
    ours = [binary, "check", "--format", "json", "--no-progress", *jobs, *paths]
    return median_ms(lambda: subprocess.run(ours, capture_output=True, check=False), runs)

if __name__ == "__main__":
    main()
