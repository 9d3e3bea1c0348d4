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
RANGES
    RNG       prophet              4
ENDATA
