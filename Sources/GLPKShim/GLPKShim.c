/* See include/GLPKShim.h for the contract of every function here. */
#include "GLPKShim.h"

#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- per-thread state ---- */

typedef struct cx_frame {
    jmp_buf buf;
} cx_frame;

#define CX_CAPTURE_SIZE 4096

static __thread cx_frame *tl_frame;             /* innermost active guard */
static __thread unsigned long tl_generation;    /* bumped by every glp_free_env */
static __thread int tl_verbose;
static __thread char tl_capture[CX_CAPTURE_SIZE];
static __thread size_t tl_capture_len;
static __thread char tl_error_function[64];
static __thread char tl_error_message[512];
/* Scratch memory of the running guarded call, released if GLPK fails. */
static __thread void *tl_scratch;

unsigned long cx_env_generation(void) { return tl_generation; }
void cx_set_verbose(int on) { tl_verbose = on; }
const char *cx_last_error_function(void) { return tl_error_function; }
const char *cx_last_error_message(void) { return tl_error_message; }
const char *cx_captured_output(void) { return tl_capture; }

/* Keeps the tail of GLPK's output; forwards it to stderr only when verbose. */
static int cx_term_hook(void *info, const char *text) {
    (void)info;
    size_t len = strlen(text);
    if (len >= CX_CAPTURE_SIZE) {
        text += len - (CX_CAPTURE_SIZE - 1);
        len = CX_CAPTURE_SIZE - 1;
    }
    if (tl_capture_len + len >= CX_CAPTURE_SIZE) {
        size_t drop = tl_capture_len + len - (CX_CAPTURE_SIZE - 1);
        memmove(tl_capture, tl_capture + drop, tl_capture_len - drop);
        tl_capture_len -= drop;
    }
    memcpy(tl_capture + tl_capture_len, text, len);
    tl_capture_len += len;
    tl_capture[tl_capture_len] = '\0';
    if (tl_verbose) {
        fputs(text, stderr);
    }
    return 1; /* GLPK itself prints nothing */
}

static void cx_error_hook(void *info) {
    (void)info;
    if (tl_frame != NULL) {
        longjmp(tl_frame->buf, 1);
    }
    /* No guard: returning lets GLPK abort, which guarded code never reaches. */
}

static void cx_begin(void) {
    tl_capture_len = 0;
    tl_capture[0] = '\0';
    glp_term_hook(cx_term_hook, NULL);
    glp_error_hook(cx_error_hook, NULL);
}

static void cx_copy(char *dst, size_t size, const char *src, size_t len) {
    if (len >= size) len = size - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* Extracts GLPK's message (the line before "Error detected in file") and the
 * function it names, then frees the environment as GLPK's manual prescribes. */
static void cx_fail(const char *guard_name) {
    const char *text = tl_capture;
    const char *marker = strstr(text, "Error detected in file");
    const char *end = marker != NULL ? marker : text + strlen(text);
    while (end > text && (end[-1] == '\n' || end[-1] == ' ')) end--;
    const char *start = end;
    while (start > text && start[-1] != '\n') start--;
    if (end > start) {
        cx_copy(tl_error_message, sizeof tl_error_message, start, (size_t)(end - start));
    } else {
        cx_copy(tl_error_message, sizeof tl_error_message, "GLPK fatal error", 16);
    }
    const char *colon = strchr(tl_error_message, ':');
    if (colon != NULL && strncmp(tl_error_message, "glp_", 4) == 0) {
        cx_copy(tl_error_function, sizeof tl_error_function, tl_error_message,
                (size_t)(colon - tl_error_message));
    } else {
        cx_copy(tl_error_function, sizeof tl_error_function, guard_name, strlen(guard_name));
    }
    free(tl_scratch);
    tl_scratch = NULL;
    glp_free_env();
    tl_generation++;
}

/* CX_TRY opens a guard around the rest of the function; CX_DONE closes it.
 * Only locals assigned before CX_TRY may be read on the error path. */
#define CX_TRY_RETURNING(name, failure)                \
    cx_frame frame__;                                  \
    cx_frame *const saved__ = tl_frame;                \
    cx_begin();                                        \
    if (setjmp(frame__.buf) != 0) {                    \
        tl_frame = saved__;                            \
        cx_fail(name);                                 \
        return failure;                                \
    }                                                  \
    tl_frame = &frame__
#define CX_TRY(name) CX_TRY_RETURNING(name, CX_FATAL)
#define CX_DONE() (tl_frame = saved__)

static void *cx_scratch(size_t bytes) {
    free(tl_scratch);
    tl_scratch = malloc(bytes > 0 ? bytes : 1);
    return tl_scratch;
}

static void cx_scratch_release(void) {
    free(tl_scratch);
    tl_scratch = NULL;
}

void cx_free_env(void) {
    glp_free_env();
    tl_generation++;
}

/* ---- problem objects ---- */

glp_prob *cx_create_prob(void) {
    CX_TRY_RETURNING("glp_create_prob", NULL);
    glp_prob *P = glp_create_prob();
    CX_DONE();
    return P;
}

int cx_delete_prob(glp_prob *P) {
    CX_TRY("glp_delete_prob");
    glp_delete_prob(P);
    CX_DONE();
    return 0;
}

static int cx_bound_type(double lower, double upper) {
    if (lower == -HUGE_VAL && upper == HUGE_VAL) return GLP_FR;
    if (upper == HUGE_VAL) return GLP_LO;
    if (lower == -HUGE_VAL) return GLP_UP;
    if (lower == upper) return GLP_FX;
    return GLP_DB;
}

static double cx_finite_or_zero(double v) { return isinf(v) ? 0.0 : v; }

int cx_load_model(glp_prob *P, int nrows, int ncols, int maximize, double obj_constant,
                  const double *col_lower, const double *col_upper, const double *col_cost,
                  const unsigned char *col_integer,
                  const double *row_lower, const double *row_upper,
                  const int *row_start, const int *col_index, const double *value) {
    CX_TRY("glp_load_matrix");
    glp_set_obj_dir(P, maximize ? GLP_MAX : GLP_MIN);
    glp_set_obj_coef(P, 0, obj_constant);
    int first_col = glp_get_num_cols(P) + 1;
    int first_row = glp_get_num_rows(P) + 1;
    if (ncols > 0) glp_add_cols(P, ncols);
    for (int j = 0; j < ncols; j++) {
        int type = cx_bound_type(col_lower[j], col_upper[j]);
        glp_set_col_bnds(P, first_col + j, type, cx_finite_or_zero(col_lower[j]),
                         cx_finite_or_zero(col_upper[j]));
        glp_set_obj_coef(P, first_col + j, col_cost[j]);
        if (col_integer != NULL && col_integer[j]) glp_set_col_kind(P, first_col + j, GLP_IV);
    }
    if (nrows > 0) glp_add_rows(P, nrows);
    int longest = 0;
    for (int i = 0; i < nrows; i++) {
        int type = cx_bound_type(row_lower[i], row_upper[i]);
        glp_set_row_bnds(P, first_row + i, type, cx_finite_or_zero(row_lower[i]),
                         cx_finite_or_zero(row_upper[i]));
        int len = row_start[i + 1] - row_start[i];
        if (len > longest) longest = len;
    }
    /* One scratch row in GLPK's 1-based layout, reused for every row. */
    char *scratch = cx_scratch((size_t)(longest + 1) * (sizeof(int) + sizeof(double)));
    double *val1 = (double *)scratch;
    int *ind1 = (int *)(scratch + (size_t)(longest + 1) * sizeof(double));
    for (int i = 0; i < nrows; i++) {
        int begin = row_start[i], len = row_start[i + 1] - begin;
        for (int k = 0; k < len; k++) {
            ind1[k + 1] = first_col + col_index[begin + k];
            val1[k + 1] = value[begin + k];
        }
        glp_set_mat_row(P, first_row + i, len, ind1, val1);
    }
    cx_scratch_release();
    CX_DONE();
    return 0;
}

int cx_set_mat_row(glp_prob *P, int row, int len, const int *index0, const double *value) {
    CX_TRY("glp_set_mat_row");
    char *scratch = cx_scratch((size_t)(len + 1) * (sizeof(int) + sizeof(double)));
    double *val1 = (double *)scratch;
    int *ind1 = (int *)(scratch + (size_t)(len + 1) * sizeof(double));
    for (int k = 0; k < len; k++) {
        ind1[k + 1] = index0[k] + 1;
        val1[k + 1] = value[k];
    }
    glp_set_mat_row(P, row, len, ind1, val1);
    cx_scratch_release();
    CX_DONE();
    return 0;
}

int cx_add_rows_raw(glp_prob *P, int nrows, const double *row_lower, const double *row_upper,
                    const int *row_start, const int *index1, const double *value) {
    CX_TRY("glp_set_mat_row");
    int first = glp_get_num_rows(P) + 1;
    if (nrows > 0) glp_add_rows(P, nrows);
    for (int i = 0; i < nrows; i++) {
        glp_set_row_bnds(P, first + i, cx_bound_type(row_lower[i], row_upper[i]),
                         cx_finite_or_zero(row_lower[i]), cx_finite_or_zero(row_upper[i]));
        glp_set_mat_row(P, first + i, row_start[i + 1] - row_start[i], index1 + row_start[i],
                        value + row_start[i]);
    }
    CX_DONE();
    return 0;
}

int cx_add_cols_raw(glp_prob *P, int ncols, const double *col_lower, const double *col_upper,
                    const double *col_cost) {
    CX_TRY("glp_add_cols");
    int first = glp_get_num_cols(P) + 1;
    if (ncols > 0) glp_add_cols(P, ncols);
    for (int j = 0; j < ncols; j++) {
        glp_set_col_bnds(P, first + j, cx_bound_type(col_lower[j], col_upper[j]),
                         cx_finite_or_zero(col_lower[j]), cx_finite_or_zero(col_upper[j]));
        glp_set_obj_coef(P, first + j, col_cost[j]);
    }
    CX_DONE();
    return 0;
}

int cx_add_cols(glp_prob *P, int ncols) {
    CX_TRY("glp_add_cols");
    if (ncols > 0) glp_add_cols(P, ncols);
    CX_DONE();
    return 0;
}

int cx_set_names(glp_prob *P, int is_column, int count, const char *const *names) {
    CX_TRY(is_column ? "glp_set_col_name" : "glp_set_row_name");
    for (int k = 0; k < count; k++) {
        if (is_column) {
            glp_set_col_name(P, k + 1, names[k]);
        } else {
            glp_set_row_name(P, k + 1, names[k]);
        }
    }
    CX_DONE();
    return 0;
}

/* ---- reading back ---- */

int cx_get_dims(glp_prob *P, int *nrows, int *ncols, int *nnz, int *maximize, double *obj_constant) {
    CX_TRY("glp_get_num_rows");
    *nrows = glp_get_num_rows(P);
    *ncols = glp_get_num_cols(P);
    *nnz = glp_get_num_nz(P);
    *maximize = glp_get_obj_dir(P) == GLP_MAX;
    *obj_constant = glp_get_obj_coef(P, 0);
    CX_DONE();
    return 0;
}

static void cx_get_bounds(int type, double lb, double ub, double *lower, double *upper) {
    switch (type) {
    case GLP_FR: *lower = -HUGE_VAL; *upper = HUGE_VAL; break;
    case GLP_LO: *lower = lb; *upper = HUGE_VAL; break;
    case GLP_UP: *lower = -HUGE_VAL; *upper = ub; break;
    default: *lower = lb; *upper = ub; break;
    }
}

int cx_get_columns(glp_prob *P, double *lower, double *upper, double *cost, unsigned char *integer) {
    CX_TRY("glp_get_col_lb");
    int n = glp_get_num_cols(P);
    for (int j = 1; j <= n; j++) {
        cx_get_bounds(glp_get_col_type(P, j), glp_get_col_lb(P, j), glp_get_col_ub(P, j),
                      &lower[j - 1], &upper[j - 1]);
        cost[j - 1] = glp_get_obj_coef(P, j);
        integer[j - 1] = glp_get_col_kind(P, j) != GLP_CV;
    }
    CX_DONE();
    return 0;
}

int cx_get_rows(glp_prob *P, double *lower, double *upper, int *row_start, int *col_index, double *value) {
    CX_TRY("glp_get_mat_row");
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    char *scratch = cx_scratch((size_t)(n + 1) * (sizeof(int) + sizeof(double)));
    double *val1 = (double *)scratch;
    int *ind1 = (int *)(scratch + (size_t)(n + 1) * sizeof(double));
    int offset = 0;
    row_start[0] = 0;
    for (int i = 1; i <= m; i++) {
        cx_get_bounds(glp_get_row_type(P, i), glp_get_row_lb(P, i), glp_get_row_ub(P, i),
                      &lower[i - 1], &upper[i - 1]);
        int len = glp_get_mat_row(P, i, ind1, val1);
        for (int k = 1; k <= len; k++) {
            col_index[offset] = ind1[k] - 1;
            value[offset] = val1[k];
            offset++;
        }
        row_start[i] = offset;
    }
    cx_scratch_release();
    CX_DONE();
    return 0;
}

int cx_get_name(glp_prob *P, int is_column, int index1, char *buf, int buf_size) {
    CX_TRY(is_column ? "glp_get_col_name" : "glp_get_row_name");
    const char *name = is_column ? glp_get_col_name(P, index1) : glp_get_row_name(P, index1);
    if (name == NULL) name = "";
    cx_copy(buf, (size_t)buf_size, name, strlen(name));
    CX_DONE();
    return 0;
}

/* ---- LP ---- */

int cx_simplex(glp_prob *P, const cx_simplex_params *params, int *glpk_ret, int *status) {
    CX_TRY("glp_simplex");
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = params->verbose ? GLP_MSG_ON : GLP_MSG_ERR;
    parm.meth = params->method;
    parm.presolve = params->presolve ? GLP_ON : GLP_OFF;
    if (params->time_limit_ms > 0) parm.tm_lim = params->time_limit_ms;
    if (params->iteration_limit > 0) parm.it_lim = params->iteration_limit;
    *glpk_ret = glp_simplex(P, &parm);
    *status = glp_get_status(P);
    CX_DONE();
    return 0;
}

int cx_interior(glp_prob *P, int verbose, int *glpk_ret, int *status) {
    CX_TRY("glp_interior");
    glp_iptcp parm;
    glp_init_iptcp(&parm);
    parm.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_ERR;
    *glpk_ret = glp_interior(P, &parm);
    *status = glp_ipt_status(P);
    CX_DONE();
    return 0;
}

int cx_get_solution(glp_prob *P, int which, double *col_values, double *objective) {
    CX_TRY("glp_get_col_prim");
    int n = glp_get_num_cols(P);
    for (int j = 1; j <= n; j++) {
        col_values[j - 1] = which == 0   ? glp_get_col_prim(P, j)
                            : which == 1 ? glp_ipt_col_prim(P, j)
                                         : glp_mip_col_val(P, j);
    }
    *objective = which == 0 ? glp_get_obj_val(P) : which == 1 ? glp_ipt_obj_val(P) : glp_mip_obj_val(P);
    CX_DONE();
    return 0;
}

/* ---- MIP ---- */

typedef struct {
    cx_tree_callback callback;
    void *user;
    double *relaxation;
    const double *submission;
    double *submission1; /* 1-based copy for glp_ios_heur_sol */
    int ncols;
    int has_bound;
    double bound;
    int last_accepted;
    int nodes;
} cx_tree_context;

static void cx_tree_hook(glp_tree *T, void *info) {
    cx_tree_context *c = info;
    cx_tree_info ti;
    memset(&ti, 0, sizeof ti);
    ti.reason = glp_ios_reason(T);
    glp_prob *mip = glp_ios_get_prob(T);
    int best = glp_ios_best_node(T);
    if (best != 0) {
        double b = glp_ios_node_bound(T, best);
        if (isfinite(b) && fabs(b) < DBL_MAX) {
            ti.has_bound = 1;
            ti.best_bound = b;
            c->has_bound = 1;
            c->bound = b;
        }
    }
    int mip_status = glp_mip_status(mip);
    if (mip_status == GLP_FEAS || mip_status == GLP_OPT) {
        ti.has_incumbent = 1;
        ti.incumbent = glp_mip_obj_val(mip);
    }
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(T, &active, &current, &total);
    ti.active_nodes = active;
    ti.total_nodes = total;
    c->nodes = total;
    /* Under the MIP presolver the tree holds a transformed problem: its
     * columns are not the caller's, so nothing is exchanged then. */
    int same_columns = glp_get_num_cols(mip) == c->ncols;
    if (ti.reason == GLP_IHEUR && c->relaxation != NULL && same_columns) {
        for (int j = 1; j <= c->ncols; j++) c->relaxation[j - 1] = glp_get_col_prim(mip, j);
        ti.relaxation_available = 1;
    }
    ti.last_heuristic_accepted = c->last_accepted;
    int action = c->callback != NULL ? c->callback(c->user, &ti) : CX_ACTION_NONE;
    if ((action & CX_ACTION_SUBMIT) && ti.reason == GLP_IHEUR && c->submission != NULL && same_columns) {
        for (int j = 1; j <= c->ncols; j++) c->submission1[j] = c->submission[j - 1];
        c->last_accepted = glp_ios_heur_sol(T, c->submission1) == 0 ? 1 : 0;
    }
    if (action & CX_ACTION_TERMINATE) glp_ios_terminate(T);
}

int cx_intopt(glp_prob *P, const cx_intopt_params *params,
              cx_tree_callback callback, void *user,
              double *relaxation, const double *submission,
              int *glpk_ret, int *mip_status,
              int *has_bound, double *best_bound, int *nodes) {
    CX_TRY("glp_intopt");
    cx_tree_context context;
    memset(&context, 0, sizeof context);
    context.callback = callback;
    context.user = user;
    context.ncols = glp_get_num_cols(P);
    context.relaxation = params->want_relaxation ? relaxation : NULL;
    context.submission = submission;
    context.last_accepted = -1;
    if (submission != NULL) {
        context.submission1 = cx_scratch((size_t)(context.ncols + 1) * sizeof(double));
    }
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = params->verbose ? GLP_MSG_ON : GLP_MSG_ERR;
    parm.presolve = params->presolve ? GLP_ON : GLP_OFF;
    if (params->time_limit_ms > 0) parm.tm_lim = params->time_limit_ms;
    parm.mip_gap = params->relative_gap;
    parm.gmi_cuts = params->cuts_gomory ? GLP_ON : GLP_OFF;
    parm.mir_cuts = params->cuts_mir ? GLP_ON : GLP_OFF;
    parm.cov_cuts = params->cuts_cover ? GLP_ON : GLP_OFF;
    parm.clq_cuts = params->cuts_clique ? GLP_ON : GLP_OFF;
    parm.fp_heur = params->feasibility_pump ? GLP_ON : GLP_OFF;
    parm.ps_heur = params->proximity_search ? GLP_ON : GLP_OFF;
    if (params->proximity_time_limit_ms > 0) parm.ps_tm_lim = params->proximity_time_limit_ms;
    parm.sr_heur = params->simple_rounding ? GLP_ON : GLP_OFF;
    if (params->branching > 0) parm.br_tech = params->branching;
    if (params->backtracking > 0) parm.bt_tech = params->backtracking;
    parm.cb_func = cx_tree_hook;
    parm.cb_info = &context;
    *glpk_ret = glp_intopt(P, &parm);
    *mip_status = glp_mip_status(P);
    *has_bound = context.has_bound;
    *best_bound = context.bound;
    *nodes = context.nodes;
    cx_scratch_release();
    CX_DONE();
    return 0;
}

/* ---- files ---- */

int cx_read_file(glp_prob *P, int format, const char *path, int *glpk_ret) {
    CX_TRY(format == 2 ? "glp_read_lp" : "glp_read_mps");
    if (format == 2) {
        *glpk_ret = glp_read_lp(P, NULL, path);
    } else {
        *glpk_ret = glp_read_mps(P, format == 1 ? GLP_MPS_FILE : GLP_MPS_DECK, NULL, path);
    }
    CX_DONE();
    return 0;
}

int cx_write_file(glp_prob *P, int format, const char *path, int *glpk_ret) {
    CX_TRY(format == 2 ? "glp_write_lp" : "glp_write_mps");
    if (format == 2) {
        *glpk_ret = glp_write_lp(P, NULL, path);
    } else {
        *glpk_ret = glp_write_mps(P, format == 1 ? GLP_MPS_FILE : GLP_MPS_DECK, NULL, path);
    }
    CX_DONE();
    return 0;
}

/* ---- tests only ---- */

int cx_test_provoke_fatal(glp_prob *P) {
    CX_TRY("glp_set_mat_row");
    glp_set_mat_row(P, glp_get_num_rows(P) + 1, 0, NULL, NULL);
    CX_DONE();
    return 0;
}
