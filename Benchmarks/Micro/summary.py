"""Turns `swift package benchmark --format markdown` output into Benchmarks/results/micro-<commit>.md.

Usage: summary.py BENCHMARK_OUTPUT.md COMMIT LOAD_AVERAGE
"""
import datetime
import os
import re
import sys

# Work per iteration, to turn the median time into a rate (see README.md for the inputs).
WORK = {
    "TwoPass.addRows 200k rows x 8 terms": (1_600_000, "nonzeros"),
    "TwoPass.baseline addRow 200k rows x 8 terms": (1_600_000, "nonzeros"),
    "LinearModel.validate synthetic 1.6M nonzeros": (1_600_000, "nonzeros"),
    "Event.models match-at-risk": (90_963, "nonzeros"),
    "LinearModel.validate match-at-risk": (90_963, "nonzeros"),
    "GLPK.load match-at-risk": (90_963, "nonzeros"),
    "Reservist.CallUpNetwork 3000 reservists": (512_381, "arcs"),
    "Reservist.network.linearModel 3000 reservists": (1_024_762, "nonzeros"),
    "LinearModel.validate reservist network 3000": (1_024_762, "nonzeros"),
    "GLPK.load reservist network 3000": (1_024_762, "nonzeros"),
}

SCALE = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}
TIME = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1, "s": 1e3}


def parse(text: str) -> dict[str, dict[str, tuple[float, int]]]:
    """benchmark -> metric -> (median in base units, samples)."""
    results: dict[str, dict[str, tuple[float, int]]] = {}
    current = None
    for line in text.splitlines():
        if line.startswith("### "):
            current = line[4:].strip()
            results[current] = {}
            continue
        if current is None or not line.startswith("| ") or line.startswith("| Metric") or line.startswith("|:"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        name, p50, samples = cells[0], float(cells[3]), int(cells[8])
        # "Time (wall clock) (ms) *", "Malloc (total) (K) *", "Memory (resident peak) (M)": the
        # second parenthesised group, when there is one, is the unit.
        groups = re.findall(r"\(([^()]*)\)", name)
        unit = groups[1] if len(groups) > 1 else ""
        base = name.split()[0]
        if base == "Time":
            value = p50 * TIME.get(unit, 1)  # ms
        elif base == "Memory":
            value = p50 * SCALE.get(unit, 1) / 1e6  # bytes scaled by the unit, in MB
        elif base == "Throughput":
            value = p50
        else:
            value = p50 * SCALE.get(unit, 1)
        results[current][base] = (value, samples)
    return results


def main() -> None:
    path, commit, load = sys.argv[1], sys.argv[2], sys.argv[3]
    text = open(path).read()
    results = parse(text)
    memory = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0) / 1048576
    print("# Micro-benchmarks")
    print()
    print("commit %s, %d cores, %.0f GiB, %s UTC, load average %s at start; ordo-one/benchmark 1.38.1 "
          "(malloc-interposer), release build" % (commit, os.cpu_count(), memory,
                                                  datetime.datetime.now(datetime.timezone.utc).strftime(
                                                      "%Y-%m-%d %H:%M"), load))
    print()
    print("Command: `cd Benchmarks/Micro && swift package benchmark` (this file: `Benchmarks/Micro/run.sh`). "
          "Inputs are built outside the measurement; see Benchmarks/Micro/README.md for what each benchmark "
          "covers. Medians (p50) over the samples; the machine was shared with other builds, so wall times "
          "are indicative; malloc counts vary by a few between samples (rows in thousands are rounded by the "
          "tool); peak resident memory is the whole process's, inputs included.")
    print()
    print("| benchmark | wall p50 ms | throughput p50 /s | rate at p50 | mallocs p50 | peak resident p50 MB | samples |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, metrics in results.items():
        wall = metrics.get("Time", (None, 0))
        throughput = metrics.get("Throughput", (None, 0))
        mallocs = metrics.get("Malloc", (None, 0))
        resident = metrics.get("Memory", (None, 0))
        rate = "—"
        if name in WORK and wall[0]:
            amount, unit = WORK[name]
            rate = "%.1f M %s/s" % (amount / (wall[0] / 1000) / 1e6, unit)

        def show(value, digits=0):
            return "—" if value is None else "{:,.{}f}".format(value, digits).replace(",", " ")
        print("| %s | %s | %s | %s | %s | %s | %d |" % (
            name, show(wall[0], 1 if wall[0] is not None and wall[0] < 10 else 0), show(throughput[0]), rate, show(mallocs[0]), show(resident[0]), wall[1]))
    print()
    print("## Full output")
    print()
    start = text.find("## Baseline")
    print(text[start:].rstrip() if start >= 0 else text.rstrip())


if __name__ == "__main__":
    main()
