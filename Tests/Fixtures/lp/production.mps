* Continuum test fixture: production planning LP in FIXED MPS format.
* Same model as production.lp, but GLPK 5.0's MPS reader has no OBJSENSE
* section, so the objective is NEGATED and the problem is a MINIMISATION:
*   min -5 x1 - 4 x2 - 3 x3 - 2 x4   (== max 5 x1 + 4 x2 + 3 x3 + 2 x4)
* Known unique optimum: obj = -13 at x1 = 2, x2 = 0, x3 = 1, x4 = 0.
* Field columns: 2-3, 5-12, 15-22, 25-36, 40-47, 50-61.
NAME          PRODUCTION
ROWS
 N  profit
 L  labor
 L  material
 L  machine
COLUMNS
    x1        profit              -5   labor                2
    x1        material             4   machine              3
    x2        profit              -4   labor                3
    x2        material             1   machine              4
    x3        profit              -3   labor                1
    x3        material             2   machine              2
    x4        profit              -2   labor                2
    x4        material             3   machine              2
RHS
    RHS       labor                5   material            11
    RHS       machine              8
ENDATA
