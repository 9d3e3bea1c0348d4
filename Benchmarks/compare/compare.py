"""Continuum beside monolithic glpsol and HiGHS on the same models, same machine, same run.

Called by run.sh (which builds the binaries and the virtualenv); see README.md beside this file.

For each scenario:
  1. Continuum solves it as a user would (`continuum solve S --time-limit L --format json`):
     whole-process wall time and peak memory, status, objective, bound and gap from the JSON.
  2. The model Continuum solves is exported: event scenarios with `continuum solve --export-mps`
     (one free-MPS file per independent component, in a separate short run so that the timed
     run is not slowed by writing files); reservist scenarios with continuum-export-network
     (Benchmarks/Micro), because `continuum solve --export-mps` exports nothing for them
     (that is checked and reported).
  3. glpsol and HiGHS each solve every exported file from scratch, one file after another, with
     the same time limit L per file and the same relative gap; a scenario's figures add up its
     components: time = sum (one core, sequential; the max is given too), objective = sum,
     bound = sum, gap recomputed from the sums.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Run:
    code: int
    wall: float
    rss_mib: float
    stdout: str
    stderr: str
    killed: bool = False


def measured(cmd: list[str], timeout: float) -> Run:
    """Runs `cmd`, returns its exit code, wall time and peak resident memory (its own, via wait4)."""
    start = time.monotonic()
    out_path, err_path = "/tmp/compare-stdout.%d" % os.getpid(), "/tmp/compare-stderr.%d" % os.getpid()
    with open(out_path, "w") as out, open(err_path, "w") as err:
        process = subprocess.Popen(cmd, stdout=out, stderr=err)
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid != 0:
                break
            if time.monotonic() - start > timeout and not killed:
                process.kill()
                killed = True
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    with open(out_path) as out, open(err_path) as err:
        stdout, stderr = out.read(), err.read()
    os.unlink(out_path)
    os.unlink(err_path)
    return Run(process.returncode, wall, usage.ru_maxrss / 1024, stdout, stderr, killed)


def relative_gap(objective: Optional[float], bound: Optional[float]) -> Optional[float]:
    """The gap as Continuum computes it (LinearModel.relativeGap)."""
    if objective is None or bound is None:
        return None
    difference = abs(objective - bound)
    if difference <= 1e-9 * max(1.0, abs(objective)):
        return 0.0
    return difference / max(abs(objective), 1e-9)


@dataclass
class Result:
    """One solver on one model file (or Continuum on one scenario)."""
    wall: Optional[float]
    rss_mib: Optional[float]
    status: str
    objective: Optional[float]
    bound: Optional[float]
    note: str = ""


# MARK: glpsol

def glpsol(path: str, limit: float, gap: float, work: str) -> tuple[Result, dict]:
    solution = path + ".glpsol.sol"
    if os.path.exists(solution):
        os.unlink(solution)
    run = measured(["glpsol", "--freemps", path, "--tmlim", str(int(limit)), "--mipgap", repr(gap),
                    "-w", solution], timeout=2 * limit + 60)
    log = run.stdout + run.stderr
    size = {}
    m = re.search(r"(\d+) rows, (\d+) columns, (\d+) non-zeros", log)
    if m:
        size = {"rows": int(m.group(1)), "columns": int(m.group(2)), "nonzeros": int(m.group(3))}
    m = re.search(r"(\d+) integer variables", log)
    size["integers"] = int(m.group(1)) if m else 0
    if run.killed:
        return Result(run.wall, run.rss_mib, "killed", None, None, "killed at 2×limit+60 s"), size
    objective = bound = None
    status = "error"
    s_line = None
    if os.path.exists(solution):
        with open(solution) as f:
            for line in f:
                if line.startswith("s "):
                    s_line = line.split()
                    break
        os.unlink(solution)
    time_limit = "TIME LIMIT EXCEEDED" in log
    if s_line and s_line[1] == "mip":
        code, value = s_line[4], float(s_line[5])
        status = {"o": "optimal", "f": "feasible", "n": "no-feasible-point", "u": "no-point"}.get(code, code)
        if code in ("o", "f"):
            objective = value
        if code == "o":
            bound = value
        else:
            # The last progress line: "+ N: mip = OBJ >= BOUND GAP% (active; done)".
            bounds = re.findall(r"^\+\s*\d+:.*?>=\s+(\S+)", log, re.M)
            if bounds and bounds[-1] == "tree":
                bound = objective
            elif bounds:
                try:
                    bound = float(bounds[-1])
                except ValueError:
                    bound = None
        if code == "f" and "RELATIVE MIP GAP TOLERANCE REACHED" in log:
            status = "gap-reached"
        elif code != "o" and time_limit:
            status = "time-limit" + ("" if objective is not None else " (no point)")
    elif s_line and s_line[1] == "bas":
        primal, dual, value = s_line[4], s_line[5], float(s_line[6])
        if "OPTIMAL LP SOLUTION FOUND" in log:
            status, objective, bound = "optimal", value, value
        elif time_limit:
            status = "time-limit"
            objective = value if primal == "f" else None
        else:
            status = "primal %s dual %s" % (primal, dual)
    elif time_limit:
        status = "time-limit (no point)"
    note = ""
    if run.code != 0:
        note = "exit %d: %s" % (run.code, log.strip().splitlines()[-1] if log.strip() else "")
    return Result(run.wall, run.rss_mib, status, objective, bound, note), size


# MARK: HiGHS

def highs(path: str, limit: float, gap: float, python: str, here: str) -> tuple[Result, dict]:
    run = measured([python, os.path.join(here, "highs_solve.py"), path, repr(limit), repr(gap)],
                   timeout=2 * limit + 60)
    if run.killed:
        return Result(run.wall, run.rss_mib, "killed", None, None, "killed at 2×limit+60 s"), {}
    lines = [l for l in run.stdout.splitlines() if l.startswith("{")]
    if run.code != 0 or not lines:
        tail = (run.stderr.strip().splitlines() or ["?"])[-1]
        return Result(run.wall, run.rss_mib, "error", None, None, "exit %d: %s" % (run.code, tail)), {}
    data = json.loads(lines[-1])
    status = {"Optimal": "optimal", "Time limit reached": "time-limit",
              "Infeasible": "infeasible"}.get(data["status"], data["status"])
    if status == "time-limit" and data.get("objective") is None:
        status = "time-limit (no point)"
    bound = data.get("bound")
    if bound is not None and abs(bound) == float("inf"):
        bound = None
    # Time inside the process (read + solve), without Python's start and import (in the notes).
    inside = data["read_seconds"] + data["solve_seconds"]
    note = "read %.2f s" % data["read_seconds"]
    return Result(inside, run.rss_mib, status, data.get("objective"), bound, note), data


# MARK: Continuum's own engine on the exported file

def continuum_lp(binary: str, path: str, limit: float, gap: float) -> Result:
    """`continuum lp solve FILE`: Continuum's GLPK engine (validation, presolve, cuts, wall-clock
    limit) on the monolithic model, without the planner's decomposition and heuristics."""
    output = path + ".lp.json"
    run = measured([binary, "lp", "solve", path, "--time-limit", repr(limit), "--gap", repr(gap),
                    "--format", "json", "--output", output], timeout=2 * limit + 60)
    if run.killed:
        return Result(run.wall, run.rss_mib, "killed", None, None, "killed at 2×limit+60 s")
    if not os.path.exists(output):
        tail = (run.stderr.strip().splitlines() or ["?"])[-1]
        return Result(run.wall, run.rss_mib, "error", None, None, "exit %d: %s" % (run.code, tail))
    with open(output) as f:
        data = json.load(f)
    os.unlink(output)
    has_point = data.get("point") not in (None, "none")
    status = data["status"] + ("" if has_point or data["status"] in ("infeasible", "unbounded") else " (no point)")
    return Result(run.wall, run.rss_mib, status, data.get("objective") if has_point else None, data.get("bound"))


# MARK: aggregation

@dataclass
class Aggregate:
    results: list[Result] = field(default_factory=list)

    def total(self) -> Result:
        rs = self.results
        if not rs:
            return Result(None, None, "no model", None, None)
        wall = sum(r.wall for r in rs)
        rss = max(r.rss_mib for r in rs)
        objective = sum(r.objective for r in rs) if all(r.objective is not None for r in rs) else None
        bound = sum(r.bound for r in rs) if all(r.bound is not None for r in rs) else None
        statuses = {}
        for r in rs:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        if len(statuses) == 1:
            status = next(iter(statuses))
        else:
            status = ", ".join("%d %s" % (n, s) for s, n in sorted(statuses.items()))
        note = "max %.2f s" % max(r.wall for r in rs) if len(rs) > 1 else ""
        if objective is None:
            missing = sum(1 for r in rs if r.objective is None)
            note = (note + "; " if note else "") + "%d of %d without a point: no total" % (missing, len(rs))
        notes = [r.note for r in rs if r.note and not r.note.startswith("read ")]
        if notes:
            note = (note + "; " if note else "") + "; ".join(sorted(set(notes)))
        return Result(wall, rss, status, objective, bound, note)


def fmt(value: Optional[float], digits: int = 2) -> str:
    if value is None:
        return "—"
    return "{:,.{}f}".format(value, digits).replace(",", " ")


def fmt_gap(objective: Optional[float], bound: Optional[float]) -> str:
    g = relative_gap(objective, bound)
    return "—" if g is None else "%.4f %%" % (100 * g)


def row(name: str, r: Result, gap_text: Optional[str] = None) -> str:
    gap_text = gap_text if gap_text is not None else fmt_gap(r.objective, r.bound)
    return "| %s | %s | %s | %s | %s | %s | %s | %s |" % (
        name, fmt(r.wall), fmt(r.rss_mib, 0), r.status, fmt(r.objective), fmt(r.bound), gap_text, r.note)


# MARK: Continuum

SUMMARY_EVENT = re.compile(r"solved in ([\d.]+) s: (\d+) people in (\d+) classes, (\d+) components?, (\d+) columns "
                           r"\((\d+) integer\), (\d+) rows, (\d+) nonzeros; status (\S+), gap (.*)$", re.M)
SUMMARY_RESERVIST = re.compile(r"solved in ([\d.]+) s(?: \(built in [\d.]+ s\))?: (\d+) reservists, (\d+) missions, (\d+) allowed call-ups, "
                               r"(.*?); status (\S+), gap (.*)$", re.M)


def continuum_solve(binary: str, scenario: str, limit: float, work: str) -> tuple[Result, str]:
    output = os.path.join(work, "plan.json")
    run = measured([binary, "solve", scenario, "--time-limit", repr(limit), "--format", "json",
                    "--output", output], timeout=3 * limit + 120)
    summary = next((l for l in run.stderr.splitlines() if l.startswith("solved in")), "")
    if run.code != 0 or not os.path.exists(output):
        tail = (run.stderr.strip().splitlines() or ["?"])[-1]
        return Result(run.wall, run.rss_mib, "error", None, None, "exit %d: %s" % (run.code, tail)), summary
    with open(output) as f:
        plan = json.load(f)
    return Result(run.wall, run.rss_mib, plan["status"], plan.get("objective"), plan.get("bound")), summary


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--continuum", required=True)
    parser.add_argument("--exporter", required=True)
    parser.add_argument("--time-limit", type=float, default=60)
    parser.add_argument("--gap", type=float, default=1e-4)
    parser.add_argument("--work", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--commit", default="unknown")
    parser.add_argument("--scenarios", nargs="*", default=[])
    parser.add_argument("--reservists", nargs="*", default=[], help="generated instances, N:DEPARTMENTS:DAYS")
    args = parser.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    limit, gap = args.time_limit, args.gap
    python = sys.executable

    glpsol_version = subprocess.run(["glpsol", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    highs_version = json.loads(subprocess.run(
        [python, "-c", "import highspy, json; h = highspy.Highs(); h.setOptionValue('output_flag', False); "
                       "print(json.dumps(h.version()))"], capture_output=True, text=True).stdout.strip().splitlines()[-1])
    memory = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0) / 1048576
    load = os.getloadavg()

    out: list[str] = []

    def emit(line: str = "") -> None:
        out.append(line)
        print(line, flush=True)

    emit("# Continuum beside monolithic glpsol and HiGHS")
    emit()
    emit("commit %s, %d cores, %.0f GiB, %s, %s UTC; time limit %g s, relative gap %g; %s; HiGHS %s (highspy); "
         "load average %.1f at start" % (args.commit, os.cpu_count(), memory, platform.machine(),
                                          datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
                                          limit, gap, glpsol_version, highs_version, load[0]))
    emit()
    emit("What is compared, per scenario: **Continuum** is the whole `continuum solve SCENARIO --time-limit %g "
         "--format json` process (read, build, solve, roster; %s), as a user runs it; its objective and bound "
         "are those of its JSON output (an event roster's objective is recomputed from the named people, which "
         "can exceed the model's when weekly hours leave planned places unfilled). **glpsol** and **HiGHS** solve "
         "the very model Continuum builds, exported to free MPS, monolithically from the file: glpsol with "
         "`--tmlim %d --mipgap %g` and default options otherwise, HiGHS %s with `time_limit=%g`, "
         "`mip_rel_gap=%g` and default options otherwise (its own thread count). An event scenario exports one "
         "MPS per independent component: each file is solved alone with the full time limit, one after another; "
         "the scenario's **time is the sum** over its components (the max, as if all ran at once, is in the "
         "notes), its objective and bound are the sums, and its gap is recomputed from them (as Continuum "
         "does: |objective − bound| / |objective|). A total objective needs a point in every component. Where "
         "glpsol or HiGHS proves the model's optimum, Continuum's notes give its distance to it. A fourth row, "
         "**`continuum lp solve FILE`** (same limit and gap), is Continuum's own GLPK engine on the same "
         "monolithic file (validation, presolve and dual simplex for LPs, branch and cut for MIPs) without the "
         "planner's decomposition and heuristics. "
         "Times include reading the MPS file (HiGHS: measured inside its process, without Python's start "
         "and import of highspy, about 0.7 s); peak memory is the largest process's. Other processes shared "
         "the machine, so times are indicative."
         % (limit, "components on 2 threads by default", int(limit), gap, highs_version, limit, gap))
    emit()

    summary_rows: list[str] = []

    def section(title: str, description: list[str], continuum: Result, files: list[tuple[str, str]],
                export_note: str) -> None:
        glp, hig, eng = Aggregate(), Aggregate(), Aggregate()
        details = []
        for label, path in files:
            g, size = glpsol(path, limit, gap, args.work)
            h, _ = highs(path, limit, gap, python, here)
            e = continuum_lp(args.continuum, path, limit, gap)
            glp.results.append(g)
            hig.results.append(h)
            eng.results.append(e)
            shape = "%s × %s, %s nonzeros, %s integer" % (
                size.get("rows", "?"), size.get("columns", "?"), size.get("nonzeros", "?"), size.get("integers", "?"))
            details.append("| %s | %s | %s s, %s, %s | %s s, %s, %s | %s s, %s, %s |" % (
                label, shape, fmt(g.wall), g.status, fmt(g.objective), fmt(h.wall), h.status, fmt(h.objective),
                fmt(e.wall), e.status, fmt(e.objective)))
            print("  %s: glpsol %s %s, HiGHS %s %s, continuum lp solve %s %s" % (
                label, g.status, fmt(g.wall), h.status, fmt(h.wall), e.status, fmt(e.wall)),
                file=sys.stderr, flush=True)
        emit("## %s" % title)
        emit()
        for line in description:
            emit(line)
        emit()
        emit("| solver | wall s | peak MiB | status | objective | bound | gap | notes |")
        emit("|---|---|---|---|---|---|---|---|")
        gt, ht, et = glp.total(), hig.total(), eng.total()
        # Where glpsol or HiGHS proved the same model's optimum, how far Continuum's objective is from it.
        proven = [(name, r.objective) for name, r in (("glpsol", gt), ("HiGHS", ht))
                  if files and r.status == "optimal" and r.objective is not None]
        if proven and continuum.objective is not None:
            optimum = proven[-1][1]
            excess = (continuum.objective - optimum) / max(abs(optimum), 1e-9)
            who = " and ".join(name for name, _ in proven)
            if abs(excess) <= 1e-9:
                continuum.note = "equals the optimum proven by %s" % who
            else:
                continuum.note = "%+.3f %% from the optimum proven by %s" % (100 * excess, who)
        emit(row("Continuum", continuum))
        if files:
            emit(row("glpsol", gt))
            emit(row("HiGHS", ht))
            emit(row("`continuum lp solve`", et))
        else:
            for name in ("glpsol", "HiGHS", "`continuum lp solve`"):
                emit("| %s | — | — | not run | — | — | — | %s |" % (name, export_note))
        emit()
        if files:
            emit("| model file | rows × columns | glpsol | HiGHS | `continuum lp solve` |")
            emit("|---|---|---|---|---|")
            for d in details:
                emit(d)
            emit()
        summary_rows.append("| %s | %s s, %s, %s | %s s, %s, %s | %s s, %s, %s | %s s, %s, %s |" % (
            title, fmt(continuum.wall), fmt(continuum.objective), fmt_gap(continuum.objective, continuum.bound),
            fmt(gt.wall), fmt(gt.objective), fmt_gap(gt.objective, gt.bound),
            fmt(ht.wall), fmt(ht.objective), fmt_gap(ht.objective, ht.bound),
            fmt(et.wall), fmt(et.objective), fmt_gap(et.objective, et.bound)))

    # Event scenarios.
    for scenario in args.scenarios:
        name = os.path.splitext(os.path.basename(scenario))[0]
        work = os.path.join(args.work, name)
        os.makedirs(os.path.join(work, "mps"), exist_ok=True)
        print("%s: exporting" % name, file=sys.stderr, flush=True)
        export = measured([args.continuum, "solve", scenario, "--time-limit", "1", "--export-mps",
                           os.path.join(work, "mps"), "--format", "json", "--output",
                           os.path.join(work, "export-run.json")], timeout=600)
        files = sorted(glob.glob(os.path.join(work, "mps", "component-*.mps")),
                       key=lambda p: int(re.search(r"component-(\d+)\.mps", p).group(1)))
        print("%s: Continuum" % name, file=sys.stderr, flush=True)
        result, summary = continuum_solve(args.continuum, scenario, limit, work)
        m = SUMMARY_EVENT.search(summary)
        description = []
        if m:
            description.append("`%s`: %s people in %s classes, %s component%s; Continuum's model: %s columns (%s "
                               "integer), %s rows, %s nonzeros." % (scenario, m.group(2), m.group(3), m.group(4),
                                                                     "" if m.group(4) == "1" else "s",
                                                                     m.group(5), m.group(6), m.group(7), m.group(8)))
        note = ""
        if files:
            if len(files) == 1:
                description.append("Compared: the one model written by `continuum solve --export-mps` (%s)."
                                   % os.path.basename(files[0]))
            else:
                description.append("Compared: the %d component models written by `continuum solve --export-mps` "
                                   "(%s), solved one by one and added up." % (
                                       len(files), ", ".join(os.path.basename(f) for f in files)))
        else:
            note = "`--export-mps` wrote no file (exit %d)" % export.code
            description.append("Not compared: " + note + ".")
        section(name, description, result, [(os.path.basename(f), f) for f in files], note)

    # Reservist scenarios: the bundled one and generated ones.
    reservist_inputs = []
    for spec in args.reservists:
        if spec.endswith(".json"):
            reservist_inputs.append((os.path.splitext(os.path.basename(spec))[0], spec, None))
        else:
            n, departments, days = spec.split(":")
            reservist_inputs.append(("reservists-%s" % n, None, (n, departments, days)))
    for name, path, generate in reservist_inputs:
        work = os.path.join(args.work, name)
        os.makedirs(work, exist_ok=True)
        description = []
        if generate:
            n, departments, days = generate
            path = os.path.join(work, "scenario.json")
            subprocess.run([args.continuum, "generate", "reservists", "--reservists", n, "--departments", departments,
                            "--days", days, "--seed", "1", "--output", path], check=True, capture_output=True)
            description.append("Generated: `continuum generate reservists --reservists %s --departments %s --days %s "
                               "--seed 1`." % (n, departments, days))
        # Does `continuum solve --export-mps` export anything here? (Checked, not assumed.)
        export_dir = os.path.join(work, "continuum-export")
        os.makedirs(export_dir, exist_ok=True)
        for stale in glob.glob(os.path.join(export_dir, "*")):
            os.unlink(stale)
        print("%s: Continuum" % name, file=sys.stderr, flush=True)
        result, summary = continuum_solve(args.continuum, path, limit, work)
        measured([args.continuum, "solve", path, "--time-limit", "5", "--export-mps", export_dir, "--format", "json",
                  "--output", os.path.join(work, "export-run.json")], timeout=600)
        exported = sorted(os.listdir(export_dir))
        m = SUMMARY_RESERVIST.search(summary)
        lagrangian = False
        if m:
            lagrangian = "Lagrangian" in m.group(5)
            description.append("`%s`: %s reservists, %s missions, %s allowed call-ups; Continuum solved %s." % (
                os.path.relpath(path) if not generate else name, m.group(2), m.group(3), m.group(4),
                "the whole network with GLPK's simplex (proven optimal)" if not lagrangian else
                "auctions and a Lagrangian relaxation (%s) with warm-started auctions as the primal heuristic: it never builds the whole network" % m.group(5)))
        network = os.path.join(work, "network.mps")
        print("%s: exporting the network" % name, file=sys.stderr, flush=True)
        exporter = measured([args.exporter, path, network], timeout=1200)
        description.append("`continuum solve --export-mps` wrote %s." % (
            "no file for this scenario (the reservist planner does not export)" if not exported
            else ", ".join(exported)))
        files = []
        if exporter.code == 0 and os.path.exists(network):
            files = [("network.mps", network)]
            shape = re.search(r"vertices (\d+) arcs (\d+)", exporter.stdout)
            description.append("Compared instead: the whole call-up network (`CallUpNetwork`: %s vertices, %s arcs), "
                               "written as a free-MPS LP by `continuum-export-network` (Benchmarks/Micro) in %s s, "
                               "%.0f MB; a min-cost flow, so its LP optimum is the integer optimum%s." % (
                                   shape.group(1) if shape else "?", shape.group(2) if shape else "?",
                                   fmt(exporter.wall), os.path.getsize(network) / 1e6,
                                   "" if not lagrangian else ": glpsol and HiGHS solve exactly what Continuum "
                                   "decomposes"))
            note = ""
        else:
            note = "network export failed: exit %d" % exporter.code
            description.append("Not compared: " + note + ".")
        section(name, description, result, files, note)
        if os.path.exists(network):
            os.unlink(network)

    emit("## Summary")
    emit()
    emit("| scenario | Continuum: wall, objective, gap | glpsol: wall (sum), objective, gap | HiGHS: wall (sum), "
         "objective, gap | `continuum lp solve`: wall (sum), objective, gap |")
    emit("|---|---|---|---|---|")
    for line in summary_rows:
        emit(line)
    emit()
    with open(args.output, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
