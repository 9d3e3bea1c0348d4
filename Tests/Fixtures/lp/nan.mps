* Continuum test fixture: FREE MPS file with a NaN coefficient.
* Line 15 writes the coefficient of y in row lim as 'nan'. GLPK 5.0 rejects it
* at read time (glpsol --freemps):
*   nan.mps:15: cannot convert 'nan' to floating-point number
*   MPS file processing error
* With 1 in place of nan the model (min -x - y, x + y <= 4, x <= 3) has obj -4.
NAME NANCOEF
ROWS
 N cost
 L lim
 L xcap
COLUMNS
 x cost -1 lim 1
 x xcap 1
 y cost -1 lim nan
RHS
 RHS lim 4 xcap 3
ENDATA
