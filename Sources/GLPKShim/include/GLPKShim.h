/*
 * GLPKShim: the only C code of Continuum.
 *
 * GLPK reports a fatal error (bad argument, internal inconsistency, out of
 * memory) by printing a message and calling abort(). Every function below
 * wraps one GLPK operation in a setjmp guard: an error hook installed for the
 * duration of the call longjmps back here, the thread's GLPK environment is
 * freed (GLPK's documented recovery), and CX_FATAL is returned instead of the
 * process dying. Swift cannot call setjmp, and longjmp must never cross Swift
 * frames, so no guarded call ever calls back into Swift while GLPK may still
 * raise an error; the branch-and-cut callback hands data to Swift and acts on
 * Swift's answer only after Swift has returned.
 *
 * GLPK's environment is per thread. After a fatal error every problem object
 * of that thread is gone: cx_env_generation() changes, which the Swift wrapper
 * uses to refuse stale handles.
 */
#ifndef CONTINUUM_GLPK_SHIM_H
#define CONTINUUM_GLPK_SHIM_H

#include <glpk.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Returned by every guarded call when GLPK raised a fatal error. */
#define CX_FATAL (-1000)

/* ---- environment, output and errors (per thread) ---- */

/** Changes every time this thread's GLPK environment is freed. */
unsigned long cx_env_generation(void);
/** 1: forward GLPK's terminal output to stderr; 0: capture it silently. */
void cx_set_verbose(int on);
/** The GLPK function named in the last fatal error on this thread ("" if none). */
const char *cx_last_error_function(void);
/** GLPK's own text for the last fatal error on this thread. */
const char *cx_last_error_message(void);
/** The tail of GLPK's terminal output captured during the last guarded call. */
const char *cx_captured_output(void);
/** Frees this thread's GLPK environment (all its problem objects). */
void cx_free_env(void);

/* ---- problem objects ---- */

glp_prob *cx_create_prob(void);
int cx_delete_prob(glp_prob *P);

/**
 * Loads a whole model in one pass. Matrix rows are in compressed sparse row
 * form with 0-based column indices: row i holds entries row_start[i] ..<
 * row_start[i+1]. Bounds use +-HUGE_VAL for "none". col_integer[j] != 0 marks
 * an integer column. Names may be NULL.
 */
int cx_load_model(glp_prob *P, int nrows, int ncols, int maximize, double obj_constant,
                  const double *col_lower, const double *col_upper, const double *col_cost,
                  const unsigned char *col_integer,
                  const double *row_lower, const double *row_upper,
                  const int *row_start, const int *col_index, const double *value);

/** Raw, unvalidated glp_set_mat_row with 0-based ind/val arrays (row is 1-based, as in GLPK). */
int cx_set_mat_row(glp_prob *P, int row, int len, const int *index0, const double *value);
/**
 * The raw-GLPK floor used by the generator benchmark: appends nrows rows with
 * their bounds and sets each from prebuilt arrays in GLPK's own layout, with no
 * copy: index1/value hold a dummy element 0, then every row's entries (1-based
 * column numbers) back to back; row i starts after offset row_start[i].
 */
int cx_add_rows_raw(glp_prob *P, int nrows, const double *row_lower, const double *row_upper,
                    const int *row_start, const int *index1, const double *value);
/**
 * The column half of the raw-GLPK floor: appends ncols columns with their
 * bounds and objective coefficients (glp_add_cols, glp_set_col_bnds,
 * glp_set_obj_coef), nothing else.
 */
int cx_add_cols_raw(glp_prob *P, int ncols, const double *col_lower, const double *col_upper,
                    const double *col_cost);
int cx_add_cols(glp_prob *P, int ncols);
int cx_set_names(glp_prob *P, int is_column, int count, const char *const *names);

/* ---- reading back a model ---- */

int cx_get_dims(glp_prob *P, int *nrows, int *ncols, int *nnz, int *maximize, double *obj_constant);
int cx_get_columns(glp_prob *P, double *lower, double *upper, double *cost, unsigned char *integer);
/** row_start has nrows+1 entries; col_index (0-based) and value have nnz entries. */
int cx_get_rows(glp_prob *P, double *lower, double *upper, int *row_start, int *col_index, double *value);
/** Copies a column (is_column != 0) or row name into buf; "" when unnamed. */
int cx_get_name(glp_prob *P, int is_column, int index1, char *buf, int buf_size);

/* ---- LP ---- */

typedef struct {
    int method;      /* 1 primal, 2 dual then primal, 3 dual */
    int presolve;    /* 0/1 */
    int time_limit_ms; /* <= 0: none */
    int iteration_limit; /* <= 0: none */
    int verbose;
} cx_simplex_params;

/** Runs glp_simplex; *glpk_ret receives its return code, *status glp_get_status. */
int cx_simplex(glp_prob *P, const cx_simplex_params *params, int *glpk_ret, int *status);
/** Runs glp_interior; *status receives glp_ipt_status. */
int cx_interior(glp_prob *P, int verbose, int *glpk_ret, int *status);
/** Column primal values and objective of the basic (0), interior (1) or MIP (2) solution. */
int cx_get_solution(glp_prob *P, int which, double *col_values, double *objective);

/* ---- MIP ---- */

/** What the branch-and-cut callback tells Swift. */
typedef struct {
    int reason;            /* GLP_ISELECT, GLP_IPREPRO, GLP_IROWGEN, GLP_IHEUR, GLP_ICUTGEN, GLP_IBRANCH, GLP_IBINGO */
    int has_bound;         /* 1 when best_bound is known */
    double best_bound;     /* best bound over active nodes */
    int has_incumbent;
    double incumbent;      /* objective of the best integer solution so far */
    int active_nodes;
    int total_nodes;
    int relaxation_available; /* 1 at GLP_IHEUR when relaxation[] holds the node's LP values */
    int last_heuristic_accepted; /* result of the previous submitted solution: 1 accepted, 0 rejected, -1 none */
} cx_tree_info;

#define CX_ACTION_NONE 0
#define CX_ACTION_TERMINATE 1
#define CX_ACTION_SUBMIT 2

/** Swift's answer: a combination of CX_ACTION_* flags. It must not call any cx_ function. */
typedef int (*cx_tree_callback)(void *user, const cx_tree_info *info);

typedef struct {
    int presolve;
    int time_limit_ms;
    double relative_gap;
    int cuts_gomory, cuts_mir, cuts_cover, cuts_clique;
    int feasibility_pump;
    int proximity_search;
    int proximity_time_limit_ms;
    int simple_rounding;
    int branching;    /* GLP_BR_* */
    int backtracking; /* GLP_BT_* */
    int verbose;
    int want_relaxation; /* copy node LP values at GLP_IHEUR */
} cx_intopt_params;

/**
 * Runs glp_intopt. Without presolve, glp_intopt needs an optimal basis of the
 * LP relaxation: call cx_simplex first. relaxation and
 * submission are caller buffers of ncols doubles (0-based): the callback may
 * read the first and write the second, returning CX_ACTION_SUBMIT to hand it to
 * glp_ios_heur_sol. *best_bound is the last global bound seen in the tree
 * (*has_bound 0 if none); *nodes the number of nodes created.
 */
int cx_intopt(glp_prob *P, const cx_intopt_params *params,
              cx_tree_callback callback, void *user,
              double *relaxation, const double *submission,
              int *glpk_ret, int *mip_status,
              int *has_bound, double *best_bound, int *nodes);

/* ---- files ---- */

/** format: 0 fixed MPS, 1 free MPS, 2 CPLEX LP. */
int cx_read_file(glp_prob *P, int format, const char *path, int *glpk_ret);
int cx_write_file(glp_prob *P, int format, const char *path, int *glpk_ret);

/* ---- tests only ---- */

/** Calls glp_set_mat_row with a row number out of range: a real fatal error. */
int cx_test_provoke_fatal(glp_prob *P);

#ifdef __cplusplus
}
#endif
#endif
