#!/usr/bin/env python3
"""Generate Continuum's bundled event scenarios (format `continuum-event/1`).

    python3 Scenarios/tools/make_event_scenarios.py          # regenerate everything
    python3 Scenarios/tools/make_event_scenarios.py --check  # regenerate in memory, fail if a file differs

Writes, under Scenarios/:
  match-at-risk.json + match-at-risk.people.csv            risk-4 football match, 80 000 seats
  match-understaffed.json + match-understaffed.people.csv  the same match with 40 % fewer people
  concert.json                                             6 000-seat hall, commune without convention
  psq-week.json                                            one week of 24/7 mixed patrols in a town
  README.md                                                what each scenario models, with its sizes

Standard library only. No clock, no hash order, no unseeded randomness: the same script gives the
same bytes. Every scenario is checked against the invariants of docs/scenario-format.md (assertions
below), the CSV files are read back and checked like inline people, and, when
docs/scenario.schema.json exists and `jsonschema` is importable, every JSON file is validated
against it.

`coverage_check.py` beside this file (SciPy, optional) measures how much demand the people can
cover. People are built from a few *profiles* per corps (rank, qualifications, availability window,
hours already worked), as in real staffing lists; costs depend on corps and rank only. Figures and
their sources are in Scenarios/README.md and /work/shared/domain.md.
"""

import csv
import io
import json
import os
import random
import re
import sys
import textwrap
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.dirname(HERE)
REPO = os.path.dirname(SCENARIOS)
SCHEMA = os.path.join(REPO, "docs", "scenario.schema.json")

FORMAT = "continuum-event/1"
CEST = timezone(timedelta(hours=2))

NP, GN, PM, TS, PS, PR, GR = ("national-police", "gendarmerie", "municipal-police", "transport-security",
                              "private-security", "police-reservist", "gendarmerie-reservist")
CORPS = [NP, GN, PM, TS, PS, PR, GR]
STATE = [NP, GN]
STATUSES = ["OPJ", "APJ", "APJA", "none"]
KINDS = ["venue", "perimeter", "public-road", "transport", "fan-zone"]
ID_RE = re.compile(r"^[A-Za-z0-9_.-]+$")
HHMM_RE = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$")
CSV_COLUMNS = ["id", "corps", "status", "qualifications", "sex", "commune", "radios", "site",
               "publicRoadAuthorised", "availability", "lastShiftEnd", "hoursThisWeek", "costPerHour"]
RULE_DEFAULTS = {
    "patrolMinSize": 2, "patrolMaxSize": 3, "leaderCorps": [NP, GN], "leaderStatus": ["OPJ", "APJ"],
    "maxReservistShare": 0.5, "reservistsPairedWithActive": True, "minShiftHours": 2, "maxShiftHours": 12,
    "minRestHours": 11, "weeklyHoursCap": 48,
    "municipalHoursWithoutConvention": {"start": "06:00", "end": "23:00"},
}


# --------------------------------------------------------------------------------------------
# Time helpers

def iso(t):
    """ISO 8601 with seconds and offset: 2026-05-30T13:00:00+02:00."""
    return t.isoformat()


def parse(text):
    t = datetime.fromisoformat(text)
    assert t.tzinfo is not None, "time without offset: %s" % text
    return t


def hours(a, b):
    return (b - a).total_seconds() / 3600


def minutes_of(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def fmt_num(x):
    """Integers without a decimal point, other numbers as Python prints them."""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


# --------------------------------------------------------------------------------------------
# Scenario builder

class Scenario:
    def __init__(self, name, start, end, slot_minutes):
        self.start, self.end, self.slot = start, end, slot_minutes
        self.doc = {
            "format": FORMAT,
            "name": name,
            "horizon": {"start": iso(start), "end": iso(end), "slotMinutes": slot_minutes},
            "rules": {},
            "communes": [], "sites": [], "zones": [], "patrolTemplates": [], "demand": [],
        }
        self.people = []
        self._seq = {}

    def rules(self, **fields):
        self.doc["rules"].update(fields)

    def commune(self, cid, name, convention=None):
        self.doc["communes"].append({"id": cid, "name": name, "convention": convention})

    def site(self, sid, name):
        self.doc["sites"].append({"id": sid, "name": name})

    def zone(self, zid, name, kind, commune, site=None):
        z = {"id": zid, "name": name, "kind": kind, "commune": commune}
        if site is not None:
            z["site"] = site
        self.doc["zones"].append(z)

    def template(self, tid, roles):
        self.doc["patrolTemplates"].append({"id": tid, "roles": roles})

    def need(self, zone, spec, phases, priority, public_order=False):
        """`spec` is ("patrols", template id) or ("post", {"role", "corps", ...}); `phases` is a list
        of (start, end, count): one demand per phase, consecutive phases never overlap."""
        kind, what = spec
        key = what if kind == "patrols" else what["role"]
        for start, end, count in phases:
            n = self._seq.get((zone, key), 0) + 1
            self._seq[(zone, key)] = n
            d = {"id": "%s.%s.%d" % (zone, key, n), "zone": zone, "start": iso(start), "end": iso(end),
                 "priority": priority}
            if public_order:
                d["publicOrder"] = True
            if kind == "patrols":
                d["patrols"] = {"template": what, "count": count}
            else:
                post = {"role": what["role"], "count": count}
                for f in ("corps", "status", "qualifications", "sex"):
                    if f in what:
                        post[f] = what[f]
                d["post"] = post
            self.doc["demand"].append(d)


def role(rid, count, corps, status=None, qualifications=None, sex=None):
    r = {"id": rid, "count": count, "corps": corps}
    if status:
        r["status"] = status
    if qualifications:
        r["qualifications"] = qualifications
    if sex:
        r["sex"] = sex
    return r


def post(rid, corps, status=None, qualifications=None, sex=None):
    r = role(rid, 0, corps, status, qualifications, sex)
    del r["id"], r["count"]
    return ("post", dict({"role": rid}, **r))


def patrols(tid):
    return ("patrols", tid)


def hourly_shift_templates(start, end, lengths):
    """Shifts starting every hour from the horizon start, keeping the start times that fit."""
    out = []
    for h in lengths:
        times = []
        t = start
        while t + timedelta(hours=h) <= end:
            times.append(t.strftime("%H:%M"))
            t += timedelta(hours=1)
        if times:
            out.append({"startTimes": times, "hours": h})
    return out


def allocate(n, weights):
    """Split n into integer parts proportional to weights (largest remainder, ties to the first)."""
    total = float(sum(weights))
    raw = [n * w / total for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in order[: n - sum(parts)]:
        parts[i] += 1
    return parts


class People:
    """Accumulates people of one scenario, numbering ids per corps prefix."""
    PREFIX = {NP: "np", GN: "gn", PM: "pm", TS: "ts", PS: "ps", PR: "pr", GR: "gr"}

    def __init__(self, width=4):
        self.list, self.width, self.counter = [], width, {}

    def add(self, corps, n, profile):
        for _ in range(n):
            k = self.counter.get(corps, 0) + 1
            self.counter[corps] = k
            p = {"id": "%s-%0*d" % (self.PREFIX[corps], self.width, k), "corps": corps}
            p.update(profile)
            self.list.append(person(p))

    def mix(self, corps, n, weighted_profiles):
        """Add n people of a corps split over (weight, profile) pairs."""
        for (w, prof), k in zip(weighted_profiles, allocate(n, [w for w, _ in weighted_profiles])):
            self.add(corps, k, prof)


def person(p):
    """A person in the field order of docs/scenario-format.md, without empty optional fields."""
    out = {}
    for f in ["id", "corps", "status", "qualifications", "sex", "commune", "radios", "site",
              "publicRoadAuthorised", "availability", "lastShiftEnd", "hoursThisWeek", "costPerHour"]:
        if f in p and p[f] not in (None, [], ""):
            out[f] = p[f]
    return out


def combine(*profiles):
    out = {}
    for p in profiles:
        out.update(p)
    return out


def window(a, b):
    return [{"start": iso(a), "end": iso(b)}]


# --------------------------------------------------------------------------------------------
# 1. Match at risk: Saint-Denis-like stadium, 80 000 seats, risk category 4

MATCH_DAY = datetime(2026, 5, 30, tzinfo=CEST)


def m(h, mi=0):
    """Match-day local time; hours >= 24 are after midnight."""
    return MATCH_DAY + timedelta(hours=h, minutes=mi)


def build_match():
    s = Scenario("Match at risk: risk-4 football match, 80 000-seat stadium, Saint-Denis",
                 m(13), m(25), 15)
    s.rules(shiftTemplates=hourly_shift_templates(m(13), m(25), [6, 8, 10, 12]),
            minShiftHours=6, maxShiftHours=12)

    s.commune("sd", "Saint-Denis",
              {"jointPatrols": True, "hours": {"start": "10:00", "end": "02:00"}, "armed": True})
    s.site("stadium", "Stadium (80 000 seats)")
    s.site("fanzone", "Fan zone (city-run, 8 000 people)")

    for zid, name in [("stand-north", "North stand"), ("stand-south", "South stand"),
                      ("stand-east", "East stand"), ("stand-west", "West stand"),
                      ("pitch", "Pitch side and players' tunnel")]:
        s.zone(zid, name, "venue", "sd", "stadium")
    for g in "abcdef":
        s.zone("gate-" + g, "Gate %s (turnstiles and search point)" % g.upper(), "venue", "sd", "stadium")
    s.zone("perimeter-north", "Outer perimeter, north (pre-filtering)", "perimeter", "sd")
    s.zone("perimeter-south", "Outer perimeter, south (pre-filtering)", "perimeter", "sd")
    s.zone("perimeter-east", "Outer perimeter, east (pre-filtering)", "perimeter", "sd")
    s.zone("perimeter-away", "Away supporters' sector and holding area", "perimeter", "sd")
    s.zone("staging-area", "Command post and mobile reserve", "perimeter", "sd")
    s.zone("station-rer-d", "Stade de France-Saint-Denis station (RER D)", "transport", "sd")
    s.zone("station-rer-b", "La Plaine-Stade de France station (RER B)", "transport", "sd")
    s.zone("fan-walk", "Fan walk from the stations to the stadium", "public-road", "sd")
    s.zone("approach-roads", "Approach roads, closures and coach parks", "public-road", "sd")
    s.zone("fan-zone", "Fan zone", "fan-zone", "sd", "fanzone")

    lead = role("leader", 1, STATE, ["OPJ", "APJ"])
    s.template("po-patrol", [lead, role("member", 2, [NP, GN, GR])])
    s.template("state-patrol", [lead, role("member", 2, [NP, GN, PR, GR])])
    s.template("station-mixed", [lead, role("transport", 1, [TS]), role("member", 1, [NP, GN, PR, GR])])
    s.template("mixed-patrol", [lead, role("municipal", 1, [PM], qualifications=["armed"]),
                                role("member", 1, [NP, GN, PM, PR])])

    # Phases: set-up 13:00-16:00, arrival 16:00-21:00, match 21:00-23:00, dispersal 23:00-01:00.
    po_line = post("po-line", STATE)
    for zone, counts, pats in [
        ("perimeter-north", (60, 200, 330, 220, 420), (6, 24, 16, 32)),
        ("perimeter-south", (50, 180, 300, 200, 380), (6, 20, 14, 28)),
        ("perimeter-east", (40, 160, 260, 160, 320), (4, 16, 10, 20)),
    ]:
        c0, c1, c2, c3, c4 = counts
        s.need(zone, po_line, [(m(13), m(16), c0), (m(16), m(18), c1), (m(18), m(21), c2),
                               (m(21), m(23), c3), (m(23), m(25), c4)], 400, public_order=True)
        p0, p1, p2, p3 = pats
        s.need(zone, patrols("po-patrol"), [(m(13), m(16), p0), (m(16), m(21), p1), (m(21), m(23), p2),
                                            (m(23), m(25), p3)], 1200, public_order=True)
    s.need("perimeter-away", po_line, [(m(16, 30), m(21), 180), (m(21), m(23), 140), (m(23), m(25), 300)],
           400, public_order=True)
    s.need("perimeter-away", patrols("po-patrol"), [(m(16, 30), m(21), 10), (m(21), m(23), 6),
                                                    (m(23), m(25), 14)], 1200, public_order=True)
    s.need("staging-area", post("command", STATE, ["OPJ"]), [(m(14), m(25), 6)], 1000)
    s.need("staging-area", post("po-reserve", STATE), [(m(15), m(25), 300)], 300, public_order=True)

    # Gates: the organiser's search points under an OPJ's supervision.
    gates = {"a": (12, 22, 10), "b": (12, 22, 10), "c": (12, 22, 10), "d": (12, 22, 10),
             "e": (14, 26, 10),   # away supporters' gate: stricter searches
             "f": (4, 6, 6)}      # hospitality and press
    for g, (f, mcount, stewards) in gates.items():
        z = "gate-" + g
        s.need(z, post("opj-search", STATE, ["OPJ"]), [(m(17, 30), m(22, 15), 1)], 800)
        s.need(z, post("search-f", [PS], qualifications=["cnaps-card", "pat-down"], sex="F"),
               [(m(17, 30), m(18, 30), f // 2), (m(18, 30), m(21, 15), f), (m(21, 15), m(22, 15), f // 3)], 1000)
        s.need(z, post("search-m", [PS], qualifications=["cnaps-card", "pat-down"], sex="M"),
               [(m(17, 30), m(18, 30), mcount // 2), (m(18, 30), m(21, 15), mcount),
                (m(21, 15), m(22, 15), mcount // 3)], 800)
        s.need(z, post("gate-steward", [PS], qualifications=["cnaps-card"]),
               [(m(17, 30), m(21, 15), stewards), (m(21, 15), m(22, 45), stewards // 2),
                (m(22, 45), m(24, 30), stewards - 2)], 300)
        s.need(z, post("gate-lead", [PS], qualifications=["cnaps-card", "leader"]), [(m(17), m(24, 30), 1)], 500)

    # Stands and pitch: stewards and private security only.
    for zone, peak in [("stand-north", 180), ("stand-south", 180), ("stand-east", 160), ("stand-west", 160)]:
        s.need(zone, post("stand-steward", [PS], qualifications=["cnaps-card"]),
               [(m(17, 30), m(19, 30), peak // 2), (m(19, 30), m(21), peak * 5 // 6), (m(21), m(23), peak),
                (m(23), m(24, 30), peak * 2 // 3)], 250)
        s.need(zone, post("stand-lead", [PS], qualifications=["cnaps-card", "leader"]), [(m(17), m(24, 30), 8)], 500)
        s.need(zone, post("first-aid", [PS], qualifications=["cnaps-card", "first-aid"]),
               [(m(17, 30), m(24), 6)], 600)
    s.need("pitch", post("pitch-steward", [PS], qualifications=["cnaps-card"]),
           [(m(19), m(21), 50), (m(21), m(23, 30), 70)], 400)
    s.need("pitch", post("tunnel-guard", [PS], qualifications=["cnaps-card"]), [(m(15), m(24, 30), 12)], 500)

    # Stations: transport security inside, State patrols and platform flow control at dispersal.
    for zone in ["station-rer-d", "station-rer-b"]:
        s.need(zone, post("transport-post", [TS]),
               [(m(16), m(18), 6), (m(18), m(21), 12), (m(21), m(22, 45), 4), (m(22, 45), m(25), 18)], 500)
        s.need(zone, patrols("station-mixed"), [(m(17), m(21), 1), (m(22, 45), m(25), 3)], 900)
        s.need(zone, patrols("state-patrol"), [(m(16), m(21), 4), (m(21), m(22, 45), 2), (m(22, 45), m(25), 6)], 900)
        s.need(zone, post("flow-control", STATE), [(m(22, 45), m(25), 80)], 400, public_order=True)

    # Fan walk and approach roads: State patrols, escorts, road closures, authorised stewards, the city.
    s.need("fan-walk", patrols("state-patrol"),
           [(m(16), m(21), 10), (m(21), m(22, 45), 3), (m(22, 45), m(25), 12)], 900)
    s.need("fan-walk", post("escort", STATE), [(m(17), m(20, 30), 140), (m(22, 45), m(24, 30), 140)], 400,
           public_order=True)
    s.need("fan-walk", post("fanwalk-steward", [PS], qualifications=["cnaps-card"]),
           [(m(17), m(21), 30), (m(22, 45), m(24, 45), 30)], 150)
    s.need("approach-roads", post("road-closure", [NP, GN, PR, GR]), [(m(15), m(25), 90)], 200)
    s.need("approach-roads", patrols("state-patrol"), [(m(15), m(25), 6)], 600)
    s.need("approach-roads", post("pm-traffic", [PM]), [(m(16), m(23), 8)], 200)

    # Fan zone: the city's municipal police, joint patrols, the fan zone's own private security.
    s.need("fan-zone", post("pm-fanzone", [PM]), [(m(16), m(23, 30), 10)], 300)
    s.need("fan-zone", patrols("mixed-patrol"), [(m(16), m(20), 3), (m(20), m(23, 30), 4)], 900)
    s.need("fan-zone", post("search-f", [PS], qualifications=["cnaps-card", "pat-down"], sex="F"),
           [(m(15, 30), m(21), 3)], 1000)
    s.need("fan-zone", post("search-m", [PS], qualifications=["cnaps-card", "pat-down"], sex="M"),
           [(m(15, 30), m(21), 6)], 800)
    s.need("fan-zone", post("fz-steward", [PS], qualifications=["cnaps-card"]), [(m(15, 30), m(23, 30), 24)], 250)

    s.people = match_people()
    return s


def match_people():
    ppl = People(width=4)
    # Hours already worked this week and rest carry-in: four standard situations of a State agent
    # on a Saturday (after a night shift ending at 05:00 the 11 h rest allows a start at 16:00).
    week = [(50, {"hoursThisWeek": 24}),
            (15, {"hoursThisWeek": 0}),
            (20, {"hoursThisWeek": 36}),
            (15, {"hoursThisWeek": 40, "lastShiftEnd": iso(m(5))})]

    def state(corps, n, radio, costs):
        ranks = [(8, {"status": "OPJ", "costPerHour": costs[0]}),
                 (77, {"status": "APJ", "costPerHour": costs[1]}),
                 (15, {"status": "APJA", "costPerHour": costs[2]})]
        base = {"qualifications": ["armed"], "radios": sorted(["INPT", radio])}
        ppl.mix(corps, n, [(rw * ww, combine(base, rp, wp)) for rw, rp in ranks for ww, wp in week])

    state(NP, 1750, "ACROPOL", (48, 40, 28))
    state(GN, 1150, "RUBIS", (47, 39, 27))

    # Municipal police of Saint-Denis (convention: INPT shared channel, ~55 % armed).
    pm = {"status": "APJA", "commune": "sd", "radios": ["INPT", "PM-SD"], "costPerHour": 30}
    ppl.mix(PM, 36, [(55, combine(pm, {"qualifications": ["armed"], "hoursThisWeek": 24})),
                     (45, combine(pm, {"hoursThisWeek": 24}))])

    # Transport security (SUGE, GPSR): half carry an INPT handset for joint station patrols.
    ts = {"status": "none", "qualifications": ["armed"], "costPerHour": 34, "hoursThisWeek": 32}
    ppl.mix(TS, 52, [(1, combine(ts, {"radios": ["INPT", "TRANSPORT"]})), (1, combine(ts, {"radios": ["TRANSPORT"]}))])

    # Private security: event stewards (vacataires, no hours this week, some only from 16:00) and
    # permanent agents (35 h already). Female pat-down agents for every search point.
    late = window(m(16), m(25))

    def private(site, n, mix):
        out = []
        for weight, quals, sex, cost, extra in mix:
            base = {"status": "none", "qualifications": ["cnaps-card"] + quals, "sex": sex, "radios": ["SITE"],
                    "site": site, "publicRoadAuthorised": extra.get("road", False), "costPerHour": cost}
            out.append((weight * 6, combine(base, {"hoursThisWeek": 35})))
            if extra.get("late", True):
                out.append((weight * 3, base))
                out.append((weight * 1, combine(base, {"availability": late})))
            else:
                out.append((weight * 4, base))
        ppl.mix(PS, n, out)

    private("stadium", 1330, [
        (80, ["pat-down"], "F", 21, {}),
        (145, ["pat-down"], "M", 21, {}),
        (35, ["leader"], "M", 26, {"late": False}),
        (15, ["leader"], "F", 26, {"late": False}),
        (15, ["first-aid"], "F", 22, {}),
        (15, ["first-aid"], "M", 22, {}),
        (28, [], "M", 19, {"road": True, "late": False}),
        (12, [], "F", 19, {"road": True, "late": False}),
        (690, [], "M", 19, {}),
        (295, [], "F", 19, {}),
    ])
    private("fanzone", 42, [
        (5, ["pat-down"], "F", 21, {}),
        (8, ["pat-down"], "M", 21, {}),
        (18, [], "M", 19, {"late": False}),
        (11, [], "F", 19, {"late": False}),
    ])

    # Reservists: no hours this week; a third only from 15:00 (they come after work).
    for corps, radio, cost in [(PR, "ACROPOL", 22), (GR, "RUBIS", 18)]:
        r = {"status": "APJA", "radios": sorted(["INPT", radio]), "costPerHour": cost}
        ppl.mix(corps, 70, [(2, r), (1, combine(r, {"availability": window(m(15), m(25))}))])
    return ppl.list


def understaffed(match, share_dropped=0.4, seed=20260530):
    """The match with `share_dropped` of every corps removed, stratified by profile, seeded."""
    s = Scenario("", match.start, match.end, match.slot)
    s.doc = json.loads(json.dumps(match.doc))
    s.doc["name"] = "Match at risk, understaffed: the same match with 40 % fewer people in every corps"
    rng = random.Random(seed)
    groups = {}
    for i, p in enumerate(match.people):
        sig = json.dumps({k: v for k, v in p.items() if k != "id"}, sort_keys=True)
        groups.setdefault((p["corps"], sig), []).append(i)
    dropped = set()
    for key in sorted(groups):
        members = groups[key]
        k = int(round(len(members) * share_dropped))
        dropped.update(rng.sample(members, k))
    # Top up per corps so that exactly round(40 %) of each corps goes, whatever the rounding per profile.
    for corps in CORPS:
        idx = [i for i, p in enumerate(match.people) if p["corps"] == corps]
        target = int(round(len(idx) * share_dropped))
        gone = [i for i in idx if i in dropped]
        kept = [i for i in idx if i not in dropped]
        while len(gone) > target:
            back = rng.choice(gone)
            gone.remove(back)
            dropped.discard(back)
        while len(gone) < target:
            out = rng.choice(kept)
            kept.remove(out)
            gone.append(out)
            dropped.add(out)
    s.people = [p for i, p in enumerate(match.people) if i not in dropped]
    return s


# --------------------------------------------------------------------------------------------
# 2. Concert: 6 000-seat hall, commune without a coordination convention

CONCERT_DAY = datetime(2026, 6, 12, tzinfo=CEST)


def c(h, mi=0):
    return CONCERT_DAY + timedelta(hours=h, minutes=mi)


def build_concert():
    s = Scenario("Concert: 6 000-seat hall, municipal police without a convention", c(17), c(25), 15)
    s.rules(shiftTemplates=hourly_shift_templates(c(17), c(25), [4, 6, 8]),
            minShiftHours=4, maxShiftHours=8,
            # Municipal-only patrols are led by a municipal agent (APJ adjoint with the leader
            # qualification); every State-led template still restricts its leader role to OPJ/APJ.
            leaderCorps=[NP, GN, PM], leaderStatus=["OPJ", "APJ", "APJA"],
            municipalHoursWithoutConvention={"start": "06:00", "end": "23:00"})
    s.commune("vb", "Val-de-Brenne", None)
    s.site("hall", "Concert hall (6 000 seats)")
    for zid, name in [("hall-floor", "Standing floor"), ("hall-tiers", "Seated tiers"), ("backstage", "Backstage")]:
        s.zone(zid, name, "venue", "vb", "hall")
    for g in "abc":
        s.zone("entrance-" + g, "Entrance %s (search point)" % g.upper(), "venue", "vb", "hall")
    s.zone("forecourt", "Forecourt and queues", "perimeter", "vb")
    s.zone("hall-avenue", "Avenue and car parks near the hall", "public-road", "vb")
    s.zone("station", "Val-de-Brenne station", "transport", "vb")

    s.template("state-patrol", [role("leader", 1, STATE, ["OPJ", "APJ"]), role("member", 2, [NP, GN, PR])])
    s.template("station-mixed", [role("leader", 1, STATE, ["OPJ", "APJ"]), role("transport", 1, [TS]),
                                 role("member", 1, [NP, GN, PR])])
    s.template("pm-patrol", [role("leader", 1, [PM], ["APJA"], ["leader"]), role("member", 1, [PM])])

    for g, (f, mc, tickets) in {"a": (3, 5, 4), "b": (3, 4, 4), "c": (1, 1, 2)}.items():
        z = "entrance-" + g
        s.need(z, post("search-f", [PS], qualifications=["cnaps-card", "pat-down"], sex="F"),
               [(c(18, 30), c(20, 45), f), (c(20, 45), c(21, 30), 1)], 1000)
        s.need(z, post("search-m", [PS], qualifications=["cnaps-card", "pat-down"], sex="M"),
               [(c(18, 30), c(20, 45), mc), (c(20, 45), c(21, 30), max(1, mc // 2))], 800)
        s.need(z, post("ticketing", [PS], qualifications=["cnaps-card"]),
               [(c(18, 30), c(21, 30), tickets), (c(23), c(24), 2)], 300)
    s.need("entrance-a", post("entrance-lead", [PS], qualifications=["cnaps-card", "leader"]),
           [(c(18), c(24), 1)], 500)
    s.need("hall-floor", post("floor-steward", [PS], qualifications=["cnaps-card"]),
           [(c(19), c(20, 30), 24), (c(20, 30), c(23), 44), (c(23), c(23, 45), 30)], 250)
    s.need("hall-floor", post("floor-lead", [PS], qualifications=["cnaps-card", "leader"]),
           [(c(18, 30), c(23, 45), 2)], 500)
    s.need("hall-floor", post("first-aid", [PS], qualifications=["cnaps-card", "first-aid"]),
           [(c(19), c(23, 30), 3)], 600)
    s.need("hall-tiers", post("tier-steward", [PS], qualifications=["cnaps-card"]),
           [(c(19), c(20, 30), 18), (c(20, 30), c(23, 45), 32)], 250)
    s.need("hall-tiers", post("tier-lead", [PS], qualifications=["cnaps-card", "leader"]),
           [(c(18, 30), c(23, 45), 1)], 500)
    s.need("backstage", post("backstage-guard", [PS], qualifications=["cnaps-card"]), [(c(17), c(25), 4)], 400)

    s.need("forecourt", patrols("state-patrol"),
           [(c(18, 30), c(21), 2), (c(21), c(23), 1), (c(23), c(24, 30), 3)], 900)
    # The commune has no convention: municipal patrols end at 23:00, State patrols take over.
    s.need("hall-avenue", patrols("pm-patrol"), [(c(17), c(19), 1), (c(19), c(23), 2)], 500)
    s.need("hall-avenue", post("pm-traffic", [PM]), [(c(18), c(21), 2)], 200)
    s.need("hall-avenue", patrols("state-patrol"), [(c(23), c(25), 2)], 700)
    s.need("station", post("transport-post", [TS]),
           [(c(18), c(20, 30), 3), (c(20, 30), c(22, 45), 2), (c(22, 45), c(24, 45), 5)], 500)
    s.need("station", patrols("station-mixed"), [(c(22, 45), c(24, 45), 1)], 900)

    ppl = People(width=3)
    for n, status, cost in [(2, "OPJ", 48), (14, "APJ", 40), (4, "APJA", 28)]:
        ppl.mix(NP, n, [(3, {"status": status, "qualifications": ["armed"], "radios": ["ACROPOL", "INPT"],
                             "hoursThisWeek": 24, "costPerHour": cost}),
                        (1, {"status": status, "qualifications": ["armed"], "radios": ["ACROPOL", "INPT"],
                             "hoursThisWeek": 40, "costPerHour": cost})])
    ppl.add(PR, 4, {"status": "APJA", "radios": ["ACROPOL", "INPT"], "costPerHour": 22})
    # No convention: the commune's agents have their own network only (and are unarmed here).
    pm = {"status": "APJA", "commune": "vb", "radios": ["PM-VB"], "hoursThisWeek": 24, "costPerHour": 30}
    ppl.add(PM, 4, combine(pm, {"qualifications": ["leader"]}))
    ppl.add(PM, 6, pm)
    ts = {"status": "none", "qualifications": ["armed"], "hoursThisWeek": 24, "costPerHour": 34}
    ppl.add(TS, 4, combine(ts, {"radios": ["INPT", "TRANSPORT"]}))
    ppl.add(TS, 4, combine(ts, {"radios": ["TRANSPORT"]}))
    late = window(c(18), c(25))
    for n, quals, sex, cost in [(10, ["pat-down"], "F", 21), (14, ["pat-down"], "M", 21), (5, ["leader"], "M", 26),
                                (2, ["leader"], "F", 26), (2, ["first-aid"], "F", 22), (2, ["first-aid"], "M", 22),
                                (70, [], "M", 19), (45, [], "F", 19)]:
        base = {"status": "none", "qualifications": ["cnaps-card"] + quals, "sex": sex, "radios": ["SITE"],
                "site": "hall", "publicRoadAuthorised": False, "costPerHour": cost}
        if quals:
            ppl.add(PS, n, base)
        else:
            ppl.mix(PS, n, [(3, base), (1, combine(base, {"availability": late}))])
    s.people = ppl.list
    return s


# --------------------------------------------------------------------------------------------
# 3. PSQ week: 24/7 daily mixed patrols in a town of ~50 000

WEEK_START = datetime(2026, 6, 1, 5, tzinfo=CEST)   # Monday 05:00, start of the morning shift


def w(day, h=0, mi=0):
    """Local time `h:mi` on day `day` (0 = Monday) of the week; h may exceed 24."""
    return datetime(2026, 6, 1, tzinfo=CEST) + timedelta(days=day, hours=h, minutes=mi)


def build_psq():
    s = Scenario("PSQ week: daily security patrols, town of 50 000, police station and municipal police",
                 WEEK_START, WEEK_START + timedelta(days=7), 60)
    s.rules(shiftTemplates=[{"startTimes": ["05:00", "13:00", "21:00"], "hours": 8},
                            {"startTimes": ["07:00", "19:00"], "hours": 12}],
            minShiftHours=8, maxShiftHours=12, minRestHours=11, weeklyHoursCap=48)
    s.commune("vm", "Villeneuve-sur-Marne",
              {"jointPatrols": True, "hours": {"start": "07:00", "end": "24:00"}, "armed": True})
    s.zone("centre", "Town centre", "public-road", "vm")
    s.zone("north", "Northern estates (priority district)", "public-road", "vm")
    s.zone("south", "Southern districts and market", "public-road", "vm")
    s.zone("station", "Railway station entrance", "transport", "vm")

    lead = role("leader", 1, [NP], ["OPJ", "APJ"])
    s.template("mixed-pair", [lead, role("member", 1, [NP, PM, PR])])
    s.template("night-trio", [lead, role("member", 2, [NP, PR])])

    for d in range(7):
        weekend_night = d in (4, 5)          # Friday and Saturday nights
        # Two patrols around the clock (centre and north), one more in the centre every evening,
        # a night patrol of three in the north every evening and in the centre at weekends.
        s.need("centre", patrols("mixed-pair"),
               [(w(d, 5), w(d, 17), 1), (w(d, 17), w(d, 25), 2), (w(d, 25), w(d, 29), 1)], 600)
        s.need("north", patrols("mixed-pair"), [(w(d, 5), w(d, 29), 1)], 600)
        s.need("north", patrols("night-trio"), [(w(d, 21), w(d, 27), 1)], 800)
        if weekend_night:
            s.need("centre", patrols("night-trio"), [(w(d, 21), w(d, 27), 1)], 800)
        if d < 6:                            # no market patrol on Sunday
            s.need("south", patrols("mixed-pair"), [(w(d, 7), w(d, 19), 1)], 400)
        s.need("station", post("station-entrance", [NP, PM, PR]), [(w(d, 7), w(d, 21), 1)], 300)

    ppl = People(width=3)
    end = WEEK_START + timedelta(days=7)

    def off_days(days):
        """Availability over the week without the given rest days (days run 05:00 to 05:00)."""
        out, cur = [], None
        for d in range(7):
            if d in days:
                if cur is not None:
                    out.append({"start": iso(cur), "end": iso(w(d, 5))})
                    cur = None
            elif cur is None:
                cur = w(d, 5)
        if cur is not None:
            out.append({"start": iso(cur), "end": iso(end)})
        return out

    # National police: 4 days on / 2 off cycles, so six rest-day patterns; a third come off Sunday's
    # night shift (ended Monday 05:00, 5 h already in this week) or Sunday's afternoon shift.
    carry = [{"lastShiftEnd": iso(w(0, 5)), "hoursThisWeek": 5},
             {"lastShiftEnd": iso(w(-1, 21))},
             {}]
    k = 0
    for status, n, cost in [("OPJ", 4, 46), ("APJ", 24, 40), ("APJA", 6, 28)]:
        for _ in range(n):
            cyc = k % 6
            rest = sorted({d for d in range(7) if (d + cyc) % 6 in (4, 5)})
            prof = {"status": status, "qualifications": ["armed"], "radios": ["ACROPOL", "INPT"],
                    "availability": off_days(rest), "costPerHour": cost}
            prof.update(carry[k % 3] if 0 not in rest else {})
            ppl.add(NP, 1, prof)
            k += 1
    # Municipal police: two 5-day patterns.
    for i in range(18):
        rest = (5, 6) if i % 2 == 0 else (0, 1)
        ppl.add(PM, 1, {"status": "APJA", "qualifications": ["armed"] if i % 5 else [], "commune": "vm",
                        "radios": ["INPT", "PM-VM"], "availability": off_days(rest), "costPerHour": 30})
    # Police reservists: three standard call-up windows.
    windows = [window(w(4, 5), end), window(w(0, 5), w(2, 5)), window(w(2, 13), w(5, 5))]
    for i in range(12):
        ppl.add(PR, 1, {"status": "APJA", "radios": ["ACROPOL", "INPT"], "availability": windows[i % 3],
                        "costPerHour": 22})
    s.people = ppl.list
    return s


# --------------------------------------------------------------------------------------------
# Self-check: the invariants of docs/scenario-format.md, and a little domain sense

def on_grid(t, start, slot):
    return (t - start).total_seconds() % (slot * 60) == 0


def in_daily(t0, t1, hours_):
    """Is every minute of [t0, t1) within the daily window (which may cross midnight)?"""
    a, b = minutes_of(hours_["start"]), minutes_of(hours_["end"])
    t = t0
    while t < t1:
        mo = t.hour * 60 + t.minute
        ok = (a <= mo < b) if a < b else (mo >= a or mo < b) if a > b else True
        if not ok:
            return False
        t += timedelta(minutes=15)
    return True


def shifts_of(doc):
    hz = doc["horizon"]
    start, end = parse(hz["start"]), parse(hz["end"])
    out = set()
    day = start.replace(hour=0, minute=0) - timedelta(days=1)
    while day <= end:
        for tpl in doc["rules"]["shiftTemplates"]:
            for st in tpl["startTimes"]:
                t0 = day + timedelta(minutes=minutes_of(st))
                t1 = t0 + timedelta(hours=tpl["hours"])
                if start <= t0 and t1 <= end:
                    out.add((t0, t1))
        day += timedelta(days=1)
    return sorted(out)


def rules_of(doc):
    r = dict(RULE_DEFAULTS)
    r.update(doc["rules"])
    return r


def check(doc, people, where, staffed=True):
    """Assert the format's invariants; with `staffed`, also that every demand role could be filled."""
    def req(cond, msg, *args):
        if not cond:
            raise AssertionError("%s: %s" % (where, msg % args))

    allowed_top = {"format", "name", "horizon", "rules", "communes", "sites", "zones", "patrolTemplates", "demand",
                   "people", "peopleFile"}
    req(set(doc) <= allowed_top, "unknown top-level fields %s", set(doc) - allowed_top)
    req(doc["format"] == FORMAT, "format")
    hz = doc["horizon"]
    start, end, slot = parse(hz["start"]), parse(hz["end"]), hz["slotMinutes"]
    req(end > start and 1 <= slot <= 1440 and (end - start).total_seconds() % (slot * 60) == 0, "horizon")

    def time_ok(text, what, inside=True):
        req(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", text), "%s: time %s needs an offset", what, text)
        t = parse(text)
        req(on_grid(t, start, slot), "%s: %s off the slot grid", what, text)
        if inside:
            req(start <= t <= end, "%s: %s outside the horizon", what, text)
        return t

    r = rules_of(doc)
    allowed_rules = set(RULE_DEFAULTS) | {"shiftTemplates"}
    req(set(doc["rules"]) <= allowed_rules, "unknown rules %s", set(doc["rules"]) - allowed_rules)
    req(doc["rules"].get("shiftTemplates"), "shiftTemplates is required")
    req(1 <= r["patrolMinSize"] <= r["patrolMaxSize"], "patrol sizes")
    req(set(r["leaderCorps"]) <= set(CORPS) and set(r["leaderStatus"]) <= set(STATUSES), "leader rules")
    for tpl in r["shiftTemplates"]:
        req(r["minShiftHours"] <= tpl["hours"] <= r["maxShiftHours"], "shift length %s", tpl["hours"])
        req(tpl["startTimes"] and all(HHMM_RE.match(x) and x != "24:00" for x in tpl["startTimes"]), "start times")
        req(len(set(tpl["startTimes"])) == len(tpl["startTimes"]), "duplicate start times")
        for st in tpl["startTimes"]:
            req(minutes_of(st) % slot == 0 or (minutes_of(st) - start.hour * 60 - start.minute) % slot == 0,
                "start time %s off the grid", st)
    shifts = shifts_of(doc)
    req(shifts, "no shift fits in the horizon")
    for t0, _ in shifts:
        req(on_grid(t0, start, slot), "shift start %s off the grid", t0)

    def ids(items, what):
        seen = set()
        for it in items:
            req(isinstance(it.get("id"), str) and ID_RE.match(it["id"]), "%s id %r", what, it.get("id"))
            req(it["id"] not in seen, "duplicate %s id %s", what, it["id"])
            seen.add(it["id"])
        return seen

    communes = {x["id"]: x for x in doc["communes"]}
    ids(doc["communes"], "commune")
    for cm in doc["communes"]:
        req(set(cm) == {"id", "name", "convention"}, "commune fields %s", sorted(cm))
        cv = cm["convention"]
        if cv is not None:
            req(set(cv) == {"jointPatrols", "hours", "armed"}, "convention fields")
            req(HHMM_RE.match(cv["hours"]["start"]) and HHMM_RE.match(cv["hours"]["end"]), "convention hours")
    sites = ids(doc["sites"], "site")
    zones = {z["id"]: z for z in doc["zones"]}
    ids(doc["zones"], "zone")
    for z in doc["zones"]:
        req(set(z) <= {"id", "name", "kind", "commune", "site"}, "zone fields")
        req(z["kind"] in KINDS, "zone kind %s", z["kind"])
        req(z["commune"] in communes, "zone %s commune", z["id"])
        req("site" not in z or z["site"] in sites, "zone %s site", z["id"])

    templates = {t["id"]: t for t in doc["patrolTemplates"]}
    ids(doc["patrolTemplates"], "template")
    for t in doc["patrolTemplates"]:
        roles = t["roles"]
        ids(roles, "role of " + t["id"])
        size = sum(x["count"] for x in roles)
        req(r["patrolMinSize"] <= size <= r["patrolMaxSize"], "template %s size %d", t["id"], size)
        lead = roles[0]
        req(lead["count"] == 1, "template %s: leader count", t["id"])
        req(set(lead["corps"]) <= set(r["leaderCorps"]), "template %s: leader corps", t["id"])
        req(lead.get("status") and set(lead["status"]) <= set(r["leaderStatus"]), "template %s: leader status",
            t["id"])
        for x in roles:
            check_requirement(x, req, "template %s role %s" % (t["id"], x["id"]))
            req(x["count"] >= 1, "role count")

    ids(doc["demand"], "demand")
    by_key = {}
    for d in doc["demand"]:
        req(set(d) <= {"id", "zone", "start", "end", "priority", "publicOrder", "patrols", "post"}, "demand fields")
        req(("patrols" in d) != ("post" in d), "demand %s: patrols or post", d["id"])
        req(d["zone"] in zones, "demand %s zone", d["id"])
        t0, t1 = time_ok(d["start"], d["id"]), time_ok(d["end"], d["id"])
        req(t0 < t1, "demand %s empty", d["id"])
        req(d["priority"] >= 0, "priority")
        if "patrols" in d:
            req(set(d["patrols"]) == {"template", "count"}, "patrols fields")
            req(d["patrols"]["template"] in templates, "demand %s template", d["id"])
            req(d["patrols"]["count"] >= 1, "count")
            key = (d["zone"], "template", d["patrols"]["template"])
            if d.get("publicOrder"):
                for x in templates[d["patrols"]["template"]]["roles"]:
                    req(PR not in x["corps"], "demand %s: public order template admits police reservists", d["id"])
        else:
            p = d["post"]
            req(set(p) <= {"role", "count", "corps", "status", "qualifications", "sex"}, "post fields")
            req(ID_RE.match(p["role"]), "post role id")
            req(p["count"] >= 1, "count")
            check_requirement(p, req, "demand %s" % d["id"])
            key = (d["zone"], "post", p["role"])
            if d.get("publicOrder"):
                req(PR not in p["corps"], "demand %s: public order post admits police reservists", d["id"])
        for other in by_key.get(key, []):
            req(t1 <= other[0] or other[1] <= t0, "demand %s overlaps another for %s", d["id"], key)
            if key[1] == "post":
                req(other[2] == {k: v for k, v in d["post"].items() if k != "count"},
                    "post role %s in %s has two requirements", key[2], key[0])
        by_key.setdefault(key, []).append((t0, t1, {k: v for k, v in d.get("post", {}).items() if k != "count"}))
        # Domain sense: who may act in this zone at all.
        z = zones[d["zone"]]
        for x in ([d["post"]] if "post" in d else templates[d["patrols"]["template"]]["roles"]):
            if TS in x["corps"]:
                req(z["kind"] == "transport", "demand %s: transport security outside a station", d["id"])
            if PS in x["corps"]:
                req("site" in z or z["kind"] == "public-road", "demand %s: private security off site", d["id"])

    # People.
    ids(people, "person")
    allowed_person = {"id", "corps", "status", "qualifications", "sex", "commune", "radios", "site",
                      "publicRoadAuthorised", "availability", "lastShiftEnd", "hoursThisWeek", "costPerHour"}
    for p in people:
        req(set(p) <= allowed_person, "person %s fields %s", p["id"], set(p) - allowed_person)
        req(p["corps"] in CORPS, "person %s corps", p["id"])
        req(p.get("status", "none") in STATUSES, "person %s status", p["id"])
        req(p.get("sex") in (None, "F", "M"), "person %s sex", p["id"])
        if p["corps"] == PM:
            req(p.get("commune") in communes, "municipal agent %s needs a commune", p["id"])
            req(p.get("status", "none") != "OPJ", "municipal OPJ")
        else:
            req("commune" not in p, "person %s: commune for non-municipal", p["id"])
        if p["corps"] == PS:
            req(p.get("site") in sites, "private agent %s needs a site", p["id"])
        else:
            req("site" not in p and "publicRoadAuthorised" not in p, "person %s: site fields", p["id"])
        if p["corps"] in (PR, GR):
            req(p.get("status") == "APJA", "reservist status")
        prev = None
        for a in p.get("availability", []):
            a0, a1 = time_ok(a["start"], p["id"]), time_ok(a["end"], p["id"])
            req(a0 < a1 and (prev is None or prev <= a0), "person %s availability order", p["id"])
            prev = a1
        if "lastShiftEnd" in p:
            req(parse(p["lastShiftEnd"]) <= start, "person %s lastShiftEnd after the horizon start", p["id"])
            time_ok(p["lastShiftEnd"], p["id"], inside=False)
        req(p.get("hoursThisWeek", 0) >= 0 and p.get("costPerHour", 0) >= 0, "person %s numbers", p["id"])

    # Every demand role can be filled by enough people, one requirement at a time (cheap sanity).
    if not staffed:
        return
    usable = {p["id"]: bool(workable_shifts(doc, p, shifts)) for p in people}
    for d in doc["demand"]:
        z = zones[d["zone"]]
        needs = [(d["post"], d["post"]["count"])] if "post" in d else \
            [(x, x["count"] * d["patrols"]["count"]) for x in templates[d["patrols"]["template"]]["roles"]]
        for x, n in needs:
            fit = sum(1 for p in people if usable[p["id"]] and fits(p, x, z, communes, bool(d.get("publicOrder"))))
            req(fit >= n, "demand %s: %d people could fill %s, %d needed",
                d["id"], fit, x.get("role") or x.get("id"), n)


def check_requirement(x, req, what):
    req(x["corps"] and set(x["corps"]) <= set(CORPS) and len(set(x["corps"])) == len(x["corps"]), "%s corps", what)
    req(set(x.get("status", [])) <= set(STATUSES), "%s status", what)
    req(x.get("sex") in (None, "F", "M"), "%s sex", what)
    req(all(isinstance(q, str) and q for q in x.get("qualifications", [])), "%s qualifications", what)


def fits(p, x, zone, communes, public_order):
    """Can person p hold requirement x in zone (ignoring time and patrol composition)?"""
    if p["corps"] not in x["corps"]:
        return False
    if x.get("status") and p.get("status", "none") not in x["status"]:
        return False
    if not set(x.get("qualifications", [])) <= set(p.get("qualifications", [])):
        return False
    if x.get("sex") and p.get("sex") != x["sex"]:
        return False
    if public_order and p["corps"] == PR:
        return False
    if p["corps"] == TS and zone["kind"] != "transport":
        return False
    if p["corps"] == PM:
        if zone["commune"] != p["commune"]:
            return False
        cv = communes[p["commune"]]["convention"]
        if "armed" in x.get("qualifications", []) and not (cv and cv["armed"]):
            return False
    if p["corps"] == PS:
        if zone.get("site") != p["site"] and not (zone["kind"] == "public-road" and p.get("publicRoadAuthorised")):
            return False
    return True


def workable_shifts(doc, p, shifts):
    """Shifts person p may take on its own: inside availability, after rest, within municipal hours."""
    r = rules_of(doc)
    avail = [(parse(a["start"]), parse(a["end"])) for a in p.get("availability", [])] or \
        [(parse(doc["horizon"]["start"]), parse(doc["horizon"]["end"]))]
    earliest = parse(p["lastShiftEnd"]) + timedelta(hours=r["minRestHours"]) if "lastShiftEnd" in p else None
    daily = None
    if p["corps"] == PM:
        cv = next(x for x in doc["communes"] if x["id"] == p["commune"])["convention"]
        daily = cv["hours"] if cv else r["municipalHoursWithoutConvention"]
    room = r["weeklyHoursCap"] - p.get("hoursThisWeek", 0)
    out = []
    for t0, t1 in shifts:
        if not any(a0 <= t0 and t1 <= a1 for a0, a1 in avail):
            continue
        if earliest is not None and t0 < earliest:
            continue
        if daily is not None and not in_daily(t0, t1, daily):
            continue
        if hours(t0, t1) > room:
            continue
        out.append((t0, t1))
    return out


def max_hours(doc, p, shifts):
    """Most hours person p could work in the horizon: shifts 11 h apart, under the weekly cap."""
    r = rules_of(doc)
    cap = r["weeklyHoursCap"] - p.get("hoursThisWeek", 0)
    rest = timedelta(hours=r["minRestHours"])
    ws = workable_shifts(doc, p, shifts)
    # best[i] = set of totals reachable with shift i as the last shift.
    best = []
    for i, (t0, t1) in enumerate(ws):
        h = int(round(hours(t0, t1)))
        totals = {h}
        for j in range(i):
            if ws[j][1] + rest <= t0:
                totals |= {x + h for x in best[j] if x + h <= cap}
        best.append({x for x in totals if x <= cap})
    return max([max(b) for b in best if b] or [0])


# --------------------------------------------------------------------------------------------
# Statistics (for the README and the report)

def demand_hours(doc):
    """Person-hours demanded, by the set of corps that may fill each role."""
    templates = {t["id"]: t for t in doc["patrolTemplates"]}
    out = {}
    for d in doc["demand"]:
        h = hours(parse(d["start"]), parse(d["end"]))
        roles = [(d["post"], d["post"]["count"])] if "post" in d else \
            [(x, x["count"] * d["patrols"]["count"]) for x in templates[d["patrols"]["template"]]["roles"]]
        for x, n in roles:
            corps = [k for k in x["corps"] if not (d.get("publicOrder") and k == PR)]
            key = " | ".join(corps)
            out[key] = out.get(key, 0) + n * h
    return out


def peak_heads(doc):
    """Sum over (zone, template role or post role) of the largest count: people needed when each
    person serves one place per horizon (true for the one-day scenarios)."""
    templates = {t["id"]: t for t in doc["patrolTemplates"]}
    peaks = {}
    for d in doc["demand"]:
        roles = [(d["post"]["role"], d["post"], d["post"]["count"])] if "post" in d else \
            [(d["patrols"]["template"] + "/" + x["id"], x, x["count"] * d["patrols"]["count"])
             for x in templates[d["patrols"]["template"]]["roles"]]
        for rid, x, n in roles:
            key = (d["zone"], rid, " | ".join(k for k in x["corps"] if not (d.get("publicOrder") and k == PR)))
            peaks[key] = max(peaks.get(key, 0), n)
    out = {}
    for (_, _, corps), n in peaks.items():
        out[corps] = out.get(corps, 0) + n
    return out


def stats(doc, people):
    shifts = shifts_of(doc)
    per_corps = {k: 0 for k in CORPS}
    hours_corps = {k: 0 for k in CORPS}
    cache = {}
    for p in people:
        per_corps[p["corps"]] += 1
        sig = json.dumps({k: v for k, v in p.items() if k != "id"}, sort_keys=True)
        if sig not in cache:
            cache[sig] = max_hours(doc, p, shifts)
        hours_corps[p["corps"]] += cache[sig]
    hz = doc["horizon"]
    return {
        "people": per_corps, "peopleTotal": len(people), "supplyHours": hours_corps,
        "demandHours": demand_hours(doc), "peakHeads": peak_heads(doc),
        "zones": len(doc["zones"]), "demands": len(doc["demand"]), "templates": len(doc["patrolTemplates"]),
        "slots": int(hours(parse(hz["start"]), parse(hz["end"])) * 60 // hz["slotMinutes"]),
        "profiles": len(cache),
    }


# --------------------------------------------------------------------------------------------
# Output

def dump_json(doc):
    """Readable and compact: structure indented, each demand, person, zone, ... on one line."""
    def one(x):
        return json.dumps(x, ensure_ascii=False, separators=(", ", ": "))

    lines = ["{"]
    keys = list(doc)
    for i, k in enumerate(keys):
        v = doc[k]
        comma = "," if i < len(keys) - 1 else ""
        if isinstance(v, list) and v and isinstance(v[0], dict):
            lines.append(' "%s": [' % k)
            for j, item in enumerate(v):
                lines.append("  " + one(item) + ("," if j < len(v) - 1 else ""))
            lines.append(" ]" + comma)
        elif k == "rules":
            lines.append(' "rules": {')
            rk = list(v)
            for j, name in enumerate(rk):
                lines.append('  "%s": %s%s' % (name, one(v[name]), "," if j < len(rk) - 1 else ""))
            lines.append(" }" + comma)
        else:
            lines.append(' "%s": %s%s' % (k, one(v), comma))
    lines.append("}")
    return "\n".join(lines) + "\n"


def csv_cell(p, col):
    v = p.get(col)
    if v is None:
        return ""
    if col in ("qualifications", "radios"):
        return ";".join(v)
    if col == "availability":
        return ";".join("%s/%s" % (a["start"], a["end"]) for a in v)
    if col == "publicRoadAuthorised":
        return "true" if v else "false"
    if col in ("hoursThisWeek", "costPerHour"):
        return fmt_num(v)
    return str(v)


def dump_csv(people):
    buf = io.StringIO()
    wr = csv.writer(buf, lineterminator="\n")
    wr.writerow(CSV_COLUMNS)
    for p in people:
        wr.writerow([csv_cell(p, col) for col in CSV_COLUMNS])
    return buf.getvalue()


def read_csv(text):
    """Read people back as the format describes (empty cell: field absent)."""
    rows = list(csv.reader(io.StringIO(text)))
    header, out = rows[0], []
    for row in rows[1:]:
        assert len(row) == len(header), "CSV row width"
        p = {}
        for col, cell in zip(header, row):
            if cell == "":
                continue
            if col in ("qualifications", "radios"):
                p[col] = cell.split(";")
            elif col == "availability":
                p[col] = [{"start": a.split("/")[0], "end": a.split("/")[1]} for a in cell.split(";")]
            elif col == "publicRoadAuthorised":
                assert cell in ("true", "false")
                p[col] = cell == "true"
            elif col in ("hoursThisWeek", "costPerHour"):
                p[col] = float(cell) if "." in cell else int(cell)
            else:
                p[col] = cell
        out.append(person(p))
    return out


def render(s, people_file=None):
    """File name -> text for one scenario."""
    doc = dict(s.doc)
    files = {}
    if people_file:
        doc["peopleFile"] = people_file
        files[people_file] = dump_csv(s.people)
    else:
        doc["people"] = s.people
    return doc, files


def validate_schema(doc, where):
    if not os.path.exists(SCHEMA):
        return "skipped (no docs/scenario.schema.json)"
    try:
        import jsonschema
    except ImportError:
        return "skipped (jsonschema not installed)"
    with open(SCHEMA, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errors:
        raise AssertionError("%s: schema: %s at %s" % (where, errors[0].message, list(errors[0].absolute_path)))
    return "valid against docs/scenario.schema.json"


def wrap_markdown(text, width=100):
    """Refill every paragraph (headings stay on their line)."""
    out = []
    for para in text.strip("\n").split("\n\n"):
        if para.startswith("#"):
            out.append(para)
        else:
            para = " ".join(re.split(r"[ \t\n]+", para.strip()))
            para = re.sub(r"(\d) (\d{3})\b", "\\1\u202f\\2", para)   # 80 000: never split a number
            out.append(textwrap.fill(para, width=width, break_on_hyphens=False, break_long_words=False))
    return "\n\n".join(out) + "\n"


def readme(all_stats):
    def fmt(x):
        return "{:,}".format(int(round(x))).replace(",", "\u202f")

    def line(st):
        return ", ".join("%s %s" % (fmt(st["people"][k]), k) for k in CORPS if st["people"][k])

    ma, mu, co, ps = (all_stats[k] for k in ("match-at-risk", "match-understaffed", "concert", "psq-week"))
    heads = ma["peakHeads"]
    state_heads = sum(v for k, v in heads.items() if NP in k.split(" | "))
    state_only = heads.get(" | ".join(STATE), 0)
    return wrap_markdown("""# Bundled scenarios

Event-security scenarios in the `continuum-event/1` format (docs/scenario-format.md). All of them are
generated by `python3 Scenarios/tools/make_event_scenarios.py` (standard library only, no randomness
but a seeded, stratified drop for the understaffed match): edit the generator, not the files. The
generator checks every invariant of the format (ids, times with offsets on the slot grid, no
overlapping demands for one zone and role, leader roles, patrol sizes, communes and sites) and, when
docs/scenario.schema.json is present, validates every file against it. People are built from a few
profiles per corps (rank, qualifications, a standard availability window, hours already worked);
costs per hour depend on corps and rank only and are indicative (State agents EUR 27-48, municipal
30, transport 34, stewards 19-26, reservists 18-22: the reservists' from the daily pay ranges in
/work/shared/domain.md, the others assumed). Priorities (the
cost of one missing agent or patrol for one hour) are 150-1 200, well above any wage, so the
optimiser covers demand whenever people allow. `tools/coverage_check.py` (needs SciPy) solves a
scenario as an independent integer program, a reference for the planner: when the files were made,
it covered all the demand of match-at-risk, concert and psq-week, and about 87 % of
match-understaffed's. `lp/station-cover.lp` is a hand-written LP for `continuum lp solve`, not an
event scenario.

**match-at-risk.json** (+ `match-at-risk.people.csv`, read through `peopleFile`). A risk-category-4
football match in an 80 000-seat stadium in Saint-Denis, kick-off 21:00, planned 13:00-01:00 in
{ma_slots} slots of 15 minutes: set-up, arrival 16:00-21:00, match 21:00-23:00, dispersal 23:00-01:00,
with demand changing by zone and phase. {ma_zones} zones: four stands and the pitch (stewards and
private security), six gates with search points (a female and a male pat-down-certified agent line
at each, under an OPJ's supervision), four outer perimeter sectors and a command/reserve area
(public-order lines and patrols of national police and gendarmes, `publicOrder`), two RER stations
(transport security posts, State patrols, mixed station patrols with a transport agent on INPT,
platform flow control), the fan walk and the approach roads (State patrols, away-fan escorts, road
closures open to reservists, stewards with the prefect's public-road authorisation, municipal
traffic posts), and a city-run fan zone with its own private-security site (municipal posts, joint
patrols with Saint-Denis's municipal police, whose convention allows joint patrols 10:00-02:00,
armed). {ma_demands} demands, {ma_templates} patrol templates; shifts of 6, 8, 10 or 12 h starting
every hour. {ma_total} people: {ma_people}. The figures follow the 2023 cup final at the Stade de
France (3 000 police and gendarmes, one per 26 spectators, plus 1 400 stewards) and the Euro 2016
practice of recruiting private agents 20 % above need. As each person works one shift at one place
that day, what counts is the largest simultaneous demand per zone and role, summed: {state_heads}
for police and gendarmes ({state_only} of it in roles closed to reservists) against {np} + {gn}
police and gendarmes and {res} reservists; {private_heads} for private security against {psn}
agents; {ts_heads} for transport security against {tsn}; {pm_heads} for municipal police against
{pmn}. State agents come in four
situations (24, 0 or 36 h already worked this week, or off a night shift that ended at 05:00 with
40 h worked), stewards are permanent (35 h worked) or event staff (some only from 16:00),
reservists come for the whole day or from 15:00. {ma_profiles} distinct profiles in all.

**match-understaffed.json** (+ `match-understaffed.people.csv`). The same match with 40 % of every
corps removed (a seeded draw, stratified by profile so that the mix of ranks, qualifications and
availabilities is kept): {mu_total} people ({mu_people}). Demand exceeds what these people can cover,
so a solution has shortfalls, reported per zone and requirement.

**concert.json** (people inline). A concert in a 6 000-seat hall in Val-de-Brenne, a commune without
a coordination convention, planned 17:00-01:00 in {co_slots} slots of 15 minutes (doors 18:30, show
20:30-23:00, dispersal until about 00:45). {co_zones} zones: standing floor, seated tiers, backstage and three
entrances with search points (the organiser's private security), the forecourt (police patrols),
the avenue near the hall and a station (transport security, a mixed station patrol at dispersal).
The commune's municipal police may work only 06:00-23:00, unarmed, never with other corps, and have
only their own `PM-VB` network: they get a municipal-only patrol template (led by a municipal agent
with the `leader` qualification, which is why `leaderCorps`/`leaderStatus` admit municipal police and
APJA here) on the avenue until 23:00, after which State patrols take over. {co_demands} demands;
shifts of 4, 6 or 8 h starting every hour. {co_total} people: {co_people}.

**psq-week.json** (people inline). One week (Monday 05:00 to Monday 05:00, 168 one-hour slots) of
daily-security patrols (police de sécurité du quotidien) in Villeneuve-sur-Marne, a town of about
50 000: a national-police station, the town's municipal police under a convention with joint patrols
(07:00-24:00, armed), and police reservists. Demand: a mixed patrol of two (police leader plus a
police, municipal or reservist member) around the clock in the town centre and in the northern
estates; at the evening peak a second centre patrol (17:00-01:00) and a night patrol of three in
the northern estates (21:00-03:00), plus one in the centre on Friday and Saturday nights; a mixed
patrol in the southern districts and market 07:00-19:00 except on Sunday; and one agent at the
railway station entrance 07:00-21:00 ({ps_demands}
demands over {ps_zones} zones). Shifts are the usual 8 h (05:00, 13:00, 21:00) and 12 h (07:00,
19:00); 11 h of rest and 48 h a week apply. {ps_total} people: {ps_people}; police work 4 days on /
2 off (six rest-day patterns), some come off Sunday's night shift (`lastShiftEnd` Monday 05:00, 5 h
already this week) or Sunday's afternoon shift; municipal agents have two 5-day patterns, reservists
three standard call-up windows.
""".format(
        ma_slots=ma["slots"], ma_zones=ma["zones"], ma_demands=ma["demands"], ma_templates=ma["templates"],
        ma_total=fmt(ma["peopleTotal"]), ma_people=line(ma), state_heads=fmt(state_heads),
        state_only=fmt(state_only), np=fmt(ma["people"][NP]), gn=fmt(ma["people"][GN]),
        res=fmt(ma["people"][PR] + ma["people"][GR]), private_heads=fmt(heads.get(PS, 0)),
        psn=fmt(ma["people"][PS]), ts_heads=fmt(heads.get(TS, 0)), tsn=fmt(ma["people"][TS]),
        pm_heads=fmt(heads.get(PM, 0)), pmn=fmt(ma["people"][PM]), ma_profiles=ma["profiles"],
        mu_total=fmt(mu["peopleTotal"]), mu_people=line(mu),
        co_slots=co["slots"], co_zones=co["zones"], co_demands=co["demands"], co_total=fmt(co["peopleTotal"]),
        co_people=line(co),
        ps_demands=ps["demands"], ps_zones=ps["zones"], ps_total=fmt(ps["peopleTotal"]), ps_people=line(ps)))


def report(name, st):
    print("== %s: %d people, %d zones, %d demands, %d slots, %d templates, %d profiles"
          % (name, st["peopleTotal"], st["zones"], st["demands"], st["slots"], st["templates"], st["profiles"]))
    for k in CORPS:
        if st["people"][k]:
            print("   %-22s %5d people, at most %8.0f person-hours" % (k, st["people"][k], st["supplyHours"][k]))
    for k in sorted(st["demandHours"]):
        print("   demand %-58s %8.0f person-hours, %5d heads at peak"
              % (k, st["demandHours"][k], st["peakHeads"].get(k, 0)))


def main(argv):
    check_only = "--check" in argv
    quiet = "--quiet" in argv
    match = build_match()
    scenarios = [("match-at-risk", match, "match-at-risk.people.csv"),
                 ("match-understaffed", understaffed(match), "match-understaffed.people.csv"),
                 ("concert", build_concert(), None),
                 ("psq-week", build_psq(), None)]
    outputs, all_stats = {}, {}
    for name, s, people_file in scenarios:
        doc, files = render(s, people_file)
        text = dump_json(doc)
        assert json.loads(text) == doc, name
        people = read_csv(files[people_file]) if people_file else doc["people"]
        assert people == s.people, "%s: CSV round trip" % name
        check(doc, people, name, staffed=name != "match-understaffed")
        if name.startswith("match"):
            assert len(text.encode("utf-8")) < 300_000, "%s.json too large" % name
        outputs[name + ".json"] = text
        outputs.update(files)
        all_stats[name] = stats(doc, people)
        schema_note = validate_schema(doc, name)
        if people_file:   # the same document with the people inline must also be valid
            inline = {k: v for k, v in doc.items() if k != "peopleFile"}
            inline["people"] = people
            validate_schema(inline, name + " (people inline)")
        if not quiet:
            report(name, all_stats[name])
            print("   schema: %s" % schema_note)
    outputs["README.md"] = readme(all_stats)

    differ = []
    for fname in sorted(outputs):
        path = os.path.join(SCENARIOS, fname)
        data = outputs[fname].encode("utf-8")
        old = open(path, "rb").read() if os.path.exists(path) else None
        if old != data:
            differ.append(fname)
            if not check_only:
                tmp = path + ".tmp"
                with open(tmp, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
    if check_only:
        if differ:
            print("out of date: " + ", ".join(differ))
            return 1
        print("all scenario files up to date")
        return 0
    if not quiet:
        print("wrote " + (", ".join(differ) if differ else "nothing (all files up to date)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
