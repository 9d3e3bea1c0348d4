/* Reservist call-up for a season as a minimum-cost flow: the same network as
   Sources/ReservistPlanning/CallUpNetwork.swift, written in GLPK's MathProg from
   domain-level data (the allowed call-ups of each reservist and day, with their
   costs; caps, employer quotas, demands, priorities, pairing with active staff).
   `continuum bench generator` writes the data file and times
       glpsol --math reservists.mod --data FILE.dat --check
   (translation and generation only, no solve) against its own generator.

   One column per arc, one row per vertex (flow out - flow in = supply):
     source S -> R_r         fair days (cost 0) and days beyond the fair share (penalty)
     R_r -> W_r              working days of a salaried reservist without consent (employer quota)
     R_r or W_r -> Y_rd      one mission a day, when r has several missions on day d
     Y_rd (or R_r, W_r) -> mission-day md      the call-up itself: daily pay + travel
     P_md -> D_md            reservists capped by the active staff present (paired mission-days)
     S -> D_md               the shortfall, priced by the mission-day's priority
   Besides these rows GLPK counts the objective as one more (free) row. */

param T integer > 0;                       # days in the season
set DAYS := 0..T-1;
param working{DAYS} binary;                # Monday to Friday
param fairShare integer >= 0;              # days before the fairness penalty applies
param penalty >= 0;                        # euros per day beyond the fair share

set MD;                                    # mission-days that need reservists
param need{MD} integer > 0;
param priority{MD} >= 0;                   # euros per missing reservist-day
set PAIRED within MD;                      # reservists must be paired with active staff
param active{PAIRED} integer >= 0;         # active staff present

set R;                                     # reservists with at least one allowed call-up
param left{R} integer > 0;                 # days left under the annual cap
set RQ within R;                           # salaried without the employer's consent
param quota{RQ} integer >= 0;              # working days left under the employer quota

set D{R} within DAYS;                      # days r may be called up
set C{r in R, d in D[r]} within MD;        # mission-days r may serve on day d
param cost{r in R, d in D[r], md in C[r,d]};   # daily pay + travel allowance
set IN{MD} dimen 2;                        # the same call-ups by mission-day: (r, d)

param fair{r in R} := min(left[r], fairShare);
set RW := setof{r in RQ, d in D[r]: working[d] = 1} r;          # reservists with a W vertex
set Y dimen 2 := setof{r in R, d in D[r]: card(C[r,d]) > 1} (r, d);

var fairA{r in R: fair[r] > 0} >= 0, <= fair[r];
var overA{r in R: left[r] > fair[r]} >= 0, <= left[r] - fair[r];
var quotaA{r in RW} >= 0, <= quota[r];
var yA{(r, d) in Y} >= 0, <= 1;
var x{r in R, d in D[r], md in C[r,d]} >= 0, <= 1;
var pairA{md in PAIRED} >= 0, <= min(need[md], active[md]);
var shortA{md in MD} >= 0, <= need[md];

minimize total:
    sum{r in R: left[r] > fair[r]} penalty * overA[r]
  + sum{r in R, d in D[r], md in C[r,d]} cost[r,d,md] * x[r,d,md]
  + sum{md in MD} priority[md] * shortA[md];

s.t. source:
    sum{r in R: fair[r] > 0} fairA[r] + sum{r in R: left[r] > fair[r]} overA[r] + sum{md in MD} shortA[md]
  = sum{md in MD} need[md];

s.t. reservist{r in R}:
    (if r in RW then quotaA[r] else 0)
  + sum{d in D[r]: (r, d) in Y and not (working[d] = 1 and r in RW)} yA[r,d]
  + sum{d in D[r], md in C[r,d]: not ((r, d) in Y) and not (working[d] = 1 and r in RW)} x[r,d,md]
  - (if fair[r] > 0 then fairA[r] else 0) - (if left[r] > fair[r] then overA[r] else 0)
  = 0;

s.t. employer{r in RW}:
    sum{d in D[r]: working[d] = 1 and (r, d) in Y} yA[r,d]
  + sum{d in D[r], md in C[r,d]: working[d] = 1 and not ((r, d) in Y)} x[r,d,md]
  - quotaA[r]
  = 0;

s.t. oneMission{(r, d) in Y}: sum{md in C[r,d]} x[r,d,md] - yA[r,d] = 0;

s.t. pairing{md in PAIRED}: pairA[md] - sum{(r, d) in IN[md]} x[r,d,md] = 0;

s.t. demand{md in MD}:
    - shortA[md] - (if md in PAIRED then pairA[md] else sum{(r, d) in IN[md]} x[r,d,md])
  = - need[md];

end;
