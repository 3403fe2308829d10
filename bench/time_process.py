#!/usr/bin/env python3
"""Times a whole process (start to exit) several times and prints one JSON metric row.

usage: time_process.py METRIC INPUT RUNS -- COMMAND...
"""
import json
import subprocess
import sys
import time


def main() -> int:
    metric, input_name, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1e3)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, round((len(times) - 1) * q))]
    print(json.dumps({"metric": metric, "median": pick(0.5), "p95": pick(0.95), "unit": "ms", "input": input_name, "samples": runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
