* Continuum test fixture: 0-1 knapsack MIP, 15 items, capacity 300, FREE MPS.
* GLPK 5.0 MPS has no OBJSENSE, so profit is NEGATED and we MINIMISE:
*   min -sum p_i x_i  s.t.  sum w_i x_i <= 300,  x_i in {0,1}.
* Integer columns are inside MARKER INTORG/INTEND and also get BV bounds.
* Known unique optimum (brute force over all 2^15 subsets): obj = -492
*   (profit 492, weight 293) with items x01 x02 x03 x04 x06 x11 x12 x13 x15 = 1.
* Next best profits: 491, 489.
* LP relaxation (glpsol --nomip): obj = -509.3773585
* item weight/profit:
*  x01 23/92, x02 31/57, x03 29/49, x04 44/68, x05 53/60
*  x06 38/43, x07 63/67, x08 85/84, x09 89/87, x10 82/72
*  x11 12/21, x12 17/33, x13 41/58, x14 27/40, x15 58/71
NAME KNAPSACK15
ROWS
 N profit
 L cap
COLUMNS
 MARKER 'MARKER' 'INTORG'
 x01 profit -92 cap 23
 x02 profit -57 cap 31
 x03 profit -49 cap 29
 x04 profit -68 cap 44
 x05 profit -60 cap 53
 x06 profit -43 cap 38
 x07 profit -67 cap 63
 x08 profit -84 cap 85
 x09 profit -87 cap 89
 x10 profit -72 cap 82
 x11 profit -21 cap 12
 x12 profit -33 cap 17
 x13 profit -58 cap 41
 x14 profit -40 cap 27
 x15 profit -71 cap 58
 MARKER 'MARKER' 'INTEND'
RHS
 RHS cap 300
BOUNDS
 BV BND x01
 BV BND x02
 BV BND x03
 BV BND x04
 BV BND x05
 BV BND x06
 BV BND x07
 BV BND x08
 BV BND x09
 BV BND x10
 BV BND x11
 BV BND x12
 BV BND x13
 BV BND x14
 BV BND x15
ENDATA
