\ Continuum test fixture: production planning LP (continuous, maximize).
\ Chvatal's textbook example, extended with a 4th product that is never worth making.
\ Known unique optimum: obj = 13 at x1 = 2, x2 = 0, x3 = 1, x4 = 0.
\ Duals: labor = 1, material = 0, machine = 1.
Maximize
 profit: 5 x1 + 4 x2 + 3 x3 + 2 x4
Subject To
 labor:    2 x1 + 3 x2 +   x3 + 2 x4 <= 5
 material: 4 x1 +   x2 + 2 x3 + 3 x4 <= 11
 machine:  3 x1 + 4 x2 + 2 x3 + 2 x4 <= 8
Bounds
 x1 >= 0
 x2 >= 0
 x3 >= 0
 x4 >= 0
End
