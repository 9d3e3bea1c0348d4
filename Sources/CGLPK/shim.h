#ifndef CONTINUUM_CGLPK_SHIM_H
#define CONTINUUM_CGLPK_SHIM_H
/* Debian ships no glpk.pc: the header comes from libglpk-dev in /usr/include. */
#include <glpk.h>
#endif
