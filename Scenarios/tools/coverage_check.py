#!/usr/bin/env python3
"""Independent cross-check of a bundled scenario: how much of its demand can be covered, and at what
cost. Needs NumPy and SciPy (HiGHS through scipy.optimize.milp); the generator does not use it.

    python3 Scenarios/tools/coverage_check.py Scenarios/concert.json [--lp] [--time-limit 120]

It builds its own integer program from docs/scenario-format.md and docs/roster-format.md, so its
optimum is a reference for Continuum's planner, not a copy of it. Its reading of the format:

- a person works shifts of the rule templates, each inside one availability window, after
  `lastShiftEnd` + `minRestHours`, inside municipal hours (convention or not), at one zone in one
  role per shift; two shifts of a person are `minRestHours` apart; `hoursThisWeek` + planned hours
  <= `weeklyHoursCap`;
- a patrol lasts one shift; its members share one radio network; at most
  floor(`maxReservistShare` x size) reservists; police reservists never on a `publicOrder` demand;
  municipal agents whose commune has no convention with `jointPatrols` only in templates whose roles
  all admit municipal police only; `armed` roles need a convention with `armed`;
- transport security only in transport zones, municipal police in their commune, private security
  on their site or, when authorised, on public roads;
- objective = sum of costPerHour x hours + sum of priority x missing x slot hours.

When no two shifts fit in the horizon with the rest between them (the one-day scenarios), identical
people are aggregated into classes with integer counts; otherwise each person has variables of their
own. The patrol leader of every bundled template is an active police officer or gendarme, so the
"reservists paired with an active member" rule holds by construction and is not modelled.
"""

import argparse
import importlib.util
import json
import os
import sys
from datetime import timedelta

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("gen", os.path.join(HERE, "make_event_scenarios.py"))
G = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(G)


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if "peopleFile" in doc:
        with open(os.path.join(os.path.dirname(path), doc["peopleFile"]), encoding="utf-8") as f:
            people = G.read_csv(f.read())
    else:
        people = doc["people"]
    return doc, people


def solve(doc, people, relax=False, time_limit=120.0):
    r = G.rules_of(doc)
    shifts = G.shifts_of(doc)
    h0 = G.parse(doc["horizon"]["start"])
    slot = doc["horizon"]["slotMinutes"]
    rest = timedelta(hours=r["minRestHours"])
    zones = {z["id"]: z for z in doc["zones"]}
    communes = {c["id"]: c for c in doc["communes"]}
    templates = {t["id"]: t for t in doc["patrolTemplates"]}

    def slot_of(t):
        return int((t - h0).total_seconds() // 60 // slot)

    one_shift = all(a[1] + rest > b[0] for a in shifts for b in shifts)
    if one_shift:
        groups = {}
        for p in people:
            groups.setdefault(json.dumps({k: v for k, v in p.items() if k != "id"}, sort_keys=True), []).append(p)
        classes = [groups[k] for k in sorted(groups)]
    else:
        classes = [[p] for p in people]
    rep = [c[0] for c in classes]
    work = [set(G.workable_shifts(doc, p, shifts)) for p in rep]

    def joint_ok(p, template):
        if p["corps"] != G.PM:
            return True
        cv = communes[p["commune"]]["convention"]
        if cv and cv["jointPatrols"]:
            return True
        return all(x["corps"] == [G.PM] for x in template["roles"])

    cost, ub, integer, rows = [], [], [], []

    def column(c, upper, is_int=True):
        cost.append(c)
        ub.append(upper)
        integer.append(1 if is_int else 0)
        return len(cost) - 1

    cover, use = {}, {i: [] for i in range(len(classes))}
    keys = {}
    for d in doc["demand"]:
        k = (d["zone"], "patrols", d["patrols"]["template"]) if "patrols" in d \
            else (d["zone"], "post", d["post"]["role"])
        keys.setdefault(k, []).append(d)
    networks = sorted({n for p in rep for n in p.get("radios", [])})
    for k, ds in keys.items():
        zone = zones[k[0]]
        po = any(d.get("publicOrder") for d in ds)
        t0 = min(G.parse(d["start"]) for d in ds)
        t1 = max(G.parse(d["end"]) for d in ds)
        for s in (s for s in shifts if s[0] < t1 and s[1] > t0):
            slots = range(slot_of(s[0]), slot_of(s[1]))
            pay = G.hours(*s)
            if k[1] == "post":
                x = ds[0]["post"]
                for i, p in enumerate(rep):
                    if s in work[i] and G.fits(p, x, zone, communes, po):
                        j = column(p.get("costPerHour", 0) * pay, len(classes[i]))
                        use[i].append((j, s))
                        for t in slots:
                            cover.setdefault(k, {}).setdefault(t, []).append(j)
                continue
            tpl = templates[k[2]]
            size = sum(x["count"] for x in tpl["roles"])
            for net in networks:
                eligible = {x["id"]: [i for i, p in enumerate(rep)
                                      if s in work[i] and net in p.get("radios", []) and joint_ok(p, tpl)
                                      and G.fits(p, x, zone, communes, po)] for x in tpl["roles"]}
                if any(not v for v in eligible.values()):
                    continue
                pj = column(0, np.inf)
                for t in slots:
                    cover.setdefault(k, {}).setdefault(t, []).append(pj)
                reservists = {}
                for x in tpl["roles"]:
                    coefs = {pj: -x["count"]}
                    for i in eligible[x["id"]]:
                        j = column(rep[i].get("costPerHour", 0) * pay, len(classes[i]))
                        use[i].append((j, s))
                        coefs[j] = 1
                        if rep[i]["corps"] in (G.PR, G.GR):
                            reservists[j] = 1
                    rows.append((coefs, 0, 0))
                if reservists:
                    reservists[pj] = -int(r["maxReservistShare"] * size + 1e-9)
                    rows.append((reservists, -np.inf, 0))
    for i, used in use.items():
        if not used:
            continue
        if one_shift:
            rows.append(({j: 1 for j, _ in used}, 0, len(classes[i])))
            continue
        by_shift = {}
        for j, s in used:
            by_shift.setdefault(s, []).append(j)
        starts = sorted(by_shift)
        for a in starts:   # one place per shift, and shifts closer than the rest exclude each other
            rows.append(({j: 1 for b in starts if a[0] <= b[0] < a[1] + rest for j in by_shift[b]}, 0, 1))
        room = r["weeklyHoursCap"] - rep[i].get("hoursThisWeek", 0)
        rows.append(({j: G.hours(*s) for s in starts for j in by_shift[s]}, 0, room))
    shortfall = []
    for k, ds in keys.items():
        for d in ds:
            count = d["post"]["count"] if "post" in d else d["patrols"]["count"]
            size = 1 if "post" in d else sum(x["count"] for x in templates[d["patrols"]["template"]]["roles"])
            for t in range(slot_of(G.parse(d["start"])), slot_of(G.parse(d["end"]))):
                sj = column(d["priority"] * slot / 60, count, False)
                shortfall.append((sj, size * slot / 60, d["id"]))
                coefs = {j: 1 for j in cover.get(k, {}).get(t, [])}
                coefs[sj] = 1
                rows.append((coefs, count, np.inf))

    ri, ci, vals, lo, hi = [], [], [], [], []
    for n, (coefs, low, high) in enumerate(rows):
        for j, v in coefs.items():
            ri.append(n)
            ci.append(j)
            vals.append(v)
        lo.append(low)
        hi.append(high)
    a = coo_matrix((vals, (ri, ci)), shape=(len(rows), len(cost))).tocsr()
    res = milp(np.array(cost, dtype=float), constraints=[LinearConstraint(a, lo, hi)],
               bounds=Bounds(np.zeros(len(cost)), np.array(ub, dtype=float)),
               integrality=np.zeros(len(cost)) if relax else np.array(integer),
               options={"time_limit": time_limit, "mip_rel_gap": 1e-4})
    if res.x is None:
        return {"status": res.message}
    x = res.x
    short_cost = sum(cost[j] * x[j] for j, _, _ in shortfall)
    missing = {}
    for j, ph, did in shortfall:
        if x[j] > 1e-6:
            missing[did] = missing.get(did, 0) + x[j] * ph
    demand_ph = 0.0
    for d in doc["demand"]:
        count = d["post"]["count"] if "post" in d else d["patrols"]["count"]
        size = 1 if "post" in d else sum(x["count"] for x in templates[d["patrols"]["template"]]["roles"])
        demand_ph += count * size * G.hours(G.parse(d["start"]), G.parse(d["end"]))
    return {"status": res.message, "objective": res.fun, "staff": res.fun - short_cost, "shortfall": short_cost,
            "demandHours": demand_ph, "missingHours": sum(missing.values()), "missing": missing,
            "columns": len(cost), "rows": len(rows), "classes": len(classes)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario")
    ap.add_argument("--lp", action="store_true", help="solve the linear relaxation only")
    ap.add_argument("--time-limit", type=float, default=120)
    args = ap.parse_args()
    doc, people = load(args.scenario)
    out = solve(doc, people, args.lp, args.time_limit)
    if "objective" not in out:
        print(out["status"])
        return 2
    print("%s: %d columns, %d rows, %d classes; %s" % (args.scenario, out["columns"], out["rows"], out["classes"],
                                                       out["status"]))
    print("objective %.1f = staff %.1f + shortfall %.1f" % (out["objective"], out["staff"], out["shortfall"]))
    print("demand %.0f person-hours, missing %.1f (%.2f %% covered)"
          % (out["demandHours"], out["missingHours"], 100 * (1 - out["missingHours"] / out["demandHours"])))
    for did, ph in sorted(out["missing"].items(), key=lambda kv: (-kv[1], kv[0]))[:20]:
        print("  missing %-40s %7.1f person-hours" % (did, ph))
    return 0


if __name__ == "__main__":
    sys.exit(main())
