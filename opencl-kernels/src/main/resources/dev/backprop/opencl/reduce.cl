// ============================================================================================
// reduce.cl: sums and maxima along a row, down a column, or over everything
// ============================================================================================
//
// What it computes: np.sum(a, axis, keepdims=True) and np.max(a, axis, keepdims=True).
//     reduce_rows_f     axis 1: each row to one number, (rows, cols) → (rows, 1)
//                       (db = (1/m) Σ_columns dZ is a row sum: one per hidden unit)
//     reduce_columns_f  axis 0: each column to one number, (rows, cols) → (1, cols)
//     everything (axis −1) is two row reductions: the host cuts the matrix into chunks, reduces
//     each chunk like a row, then reduces the row of chunk results.
// f is sum (identity 0) or max (identity −∞; NaN wins, as in numpy).
//
// Memory layout: row-major. For reduce_rows_f, "row" g is the run A[g*cols ..] of cols elements,
// cut short at n: with n = rows*cols these are the rows of the matrix, and with a larger cols the
// chunks of a flat array.
//
//        cols                                          cols
//   ┌───────────┐    ┌─┐                           ┌───────────┐
//   │ → → → → → │ →  │ │ rows                        │ ↓ ↓ ↓ ↓ ↓ │ rows
//   │ → → → → → │ →  │ │                             │ ↓ ↓ ↓ ↓ ↓ │
//   └───────────┘    └─┘                           └───────────┘
//   reduce_rows: one work-group per row             ↓  (1, cols)
//                                                  reduce_columns: one work-item per column
//
// Reference loops. Every kernel in this file must equal them, up to the order of the additions
// (the CPU backend sums in numpy's pairwise order; here the order is the tree below):
//     reduce_rows_f:    for (g = 0; g < rows; g++) { acc = identity;
//                           for (j = g*cols; j < min(g*cols + cols, n); j++) acc = f(acc, A[j]);
//                           out[g] = acc; }
//     reduce_columns_f: for (c = 0; c < cols; c++) { acc = identity;
//                           for (r = 0; r < rows; r++) acc = f(acc, A[r*cols + c]);
//                           out[c] = acc; }
//
// Precision: `real` is double when the host passes -DFP64 (the device has cl_khr_fp64), else float.
// ============================================================================================

#ifdef FP64
  #pragma OPENCL EXTENSION cl_khr_fp64 : enable
  typedef double real;
#else
  typedef float real;
#endif

#ifndef WG
  #define WG 256      // work-items per row in reduce_rows_f; a power of two
#endif
#if (WG & (WG - 1)) != 0
  #error "WG must be a power of two"
#endif

inline real add(const real x, const real y) {
    return x + y;
}

// np.max: NaN wins (OpenCL's fmax would return the other operand).
inline real nan_max(const real x, const real y) {
    return (isnan(x) || isnan(y)) ? (real) NAN : fmax(x, y);
}


// --------------------------------------------------------------------------------------------
// One work-group of WG work-items per row. First each work-item combines the elements
// lid, lid + WG, lid + 2·WG, ... of the row (neighbouring work-items read neighbouring elements);
// then the group halves its WG partial results in local memory until one is left:
//
//     partial:  p0  p1  p2  p3  p4  p5  p6  p7       WG = 8
//     s = 4:    p0+p4  p1+p5  p2+p6  p3+p7
//     s = 2:    (p0+p4)+(p2+p6)  (p1+p5)+(p3+p7)
//     s = 1:    the sum of the row → out[g]
// --------------------------------------------------------------------------------------------
#define REDUCE_ROWS(name, identity, combine)                                     \
__kernel __attribute__((reqd_work_group_size(WG, 1, 1)))                        \
void reduce_rows_##name(__global const real* A, const int cols, const int n,    \
                        __global real* out) {                                   \
    const int g = get_group_id(0);                                              \
    const int lid = get_local_id(0);                                            \
    const int start = g * cols;                                                 \
    const int end = min(start + cols, n);                                       \
    __local real partial[WG];                                                   \
                                                                                \
    real acc = (identity);                                                      \
    for (int j = start + lid; j < end; j += WG) {                               \
        acc = combine(acc, A[j]);                                               \
    }                                                                           \
    partial[lid] = acc;                                                         \
    /* Barrier: every partial result is in local memory before anyone reads */ \
    /* a neighbour's. */                                                        \
    barrier(CLK_LOCAL_MEM_FENCE);                                               \
                                                                                \
    for (int s = WG / 2; s > 0; s >>= 1) {                                      \
        if (lid < s) {                                                          \
            partial[lid] = combine(partial[lid], partial[lid + s]);             \
        }                                                                       \
        /* Barrier: this halving is complete before the next one reads it. */  \
        barrier(CLK_LOCAL_MEM_FENCE);                                           \
    }                                                                           \
    if (lid == 0) {                                                             \
        out[g] = partial[0];                                                    \
    }                                                                           \
}

REDUCE_ROWS(sum, 0, add)
REDUCE_ROWS(max, -INFINITY, nan_max)


// --------------------------------------------------------------------------------------------
// One work-item per column, walking down it. Neighbouring work-items read neighbouring elements of
// each row, so the reads of a group are contiguous.
// --------------------------------------------------------------------------------------------
#define REDUCE_COLUMNS(name, identity, combine)                                  \
__kernel void reduce_columns_##name(__global const real* A, const int rows,     \
                                    const int cols, __global real* out) {       \
    const int c = get_global_id(0);                                             \
    if (c < cols) {                                                             \
        real acc = (identity);                                                  \
        for (int r = 0; r < rows; r++) {                                        \
            acc = combine(acc, A[r * cols + c]);                                \
        }                                                                       \
        out[c] = acc;                                                           \
    }                                                                           \
}

REDUCE_COLUMNS(sum, 0, add)
REDUCE_COLUMNS(max, -INFINITY, nan_max)
