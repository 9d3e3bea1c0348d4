* Continuum test fixture: MALFORMED MPS file (fixed MPS layout, also valid
* free-MPS token layout). Line 10 declares a row with the invalid type 'X'
* (valid types are N, L, G, E). glpsol --mps and --freemps both print:
*   malformed.mps:10: invalid row type in field 1
*   MPS file processing error
NAME          BROKEN
ROWS
 N  cost
 L  lim1
 X  lim2
COLUMNS
    x         cost                 1   lim1                 1
    x         lim2                 1
    y         cost                 2   lim1                 1
RHS
    RHS       lim1                 4   lim2                 3
ENDATA
