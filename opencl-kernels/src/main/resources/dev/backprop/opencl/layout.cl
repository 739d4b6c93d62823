// ============================================================================================
// layout.cl: kernels that move elements without computing with them: transpose, slice columns
// ============================================================================================
//
// What it computes:
//     transpose       B = Aᵀ materialised, (rows, cols) → (cols, rows). Matrix.T() is a free view
//                     and matmul reads it in place; this copy is for the other operations, which
//                     take row-major operands (A.T().plus(...), printing a transposed view).
//     slice_columns   B = A[:, from:from+width], (rows, cols) → (rows, width): a mini-batch of
//                     examples, which are the columns.
//
// Memory layout: row-major, element (r, c) of a (rows, cols) matrix at [r*cols + c].
//
//          cols                    rows
//     ┌─────────────┐            ┌──────┐
//     │ a b c       │  rows      │ a    │
//     │             │    →       │ b    │ cols
//     └─────────────┘            │ c    │
//          A                     └──────┘  B = Aᵀ
//
// Reference loops. Every kernel in this file must equal them exactly:
//     transpose:      for (r = 0; r < rows; r++) for (c = 0; c < cols; c++)
//                         B[c*rows + r] = A[r*cols + c];
//     slice_columns:  for (r = 0; r < rows; r++) for (j = 0; j < width; j++)
//                         B[r*width + j] = A[r*cols + from + j];
//
// Precision: `real` is double when the host passes -DFP64 (the device has cl_khr_fp64), else float.
// ============================================================================================

#ifdef FP64
  #pragma OPENCL EXTENSION cl_khr_fp64 : enable
  typedef double real;
#else
  typedef float real;
#endif

#ifndef TS
  #define TS 16       // transpose: a work-group moves one TS×TS tile with TS×TS work-items
#endif


// --------------------------------------------------------------------------------------------
// Transpose through local memory. Read straight, one work-item would read along a row of A and
// write down a column of B, and on a GPU either the reads or the writes of neighbouring work-items
// would be far apart. So a group reads a TS×TS tile of A row by row into local memory, and then
// writes it to B row by row, reading the tile column-wise from local memory instead.
// The tile has TS+1 columns so that a column of it spans all local-memory banks (no conflicts).
// --------------------------------------------------------------------------------------------
__kernel __attribute__((reqd_work_group_size(TS, TS, 1)))
void transpose(__global const real* A, const int rows, const int cols, __global real* B) {
    const int lx = get_local_id(0);
    const int ly = get_local_id(1);
    __local real tile[TS][TS + 1];

    // Read: work-item (lx, ly) reads A(r, c) with c running along the work-items.
    const int c = get_group_id(0) * TS + lx;
    const int r = get_group_id(1) * TS + ly;
    if (r < rows && c < cols) {
        tile[ly][lx] = A[r * cols + c];
    }

    // Barrier: the whole tile is in local memory before anyone reads another work-item's element.
    barrier(CLK_LOCAL_MEM_FENCE);

    // Write: the tile's column lx becomes row lx of the B tile; B(c', r') = A(r', c').
    const int bc = get_group_id(1) * TS + lx;   // a column of B is a row of A
    const int br = get_group_id(0) * TS + ly;   // a row of B is a column of A
    if (br < cols && bc < rows) {
        B[br * rows + bc] = tile[lx][ly];
    }
}


// --------------------------------------------------------------------------------------------
// Slice columns: one work-item per element of the result.
// --------------------------------------------------------------------------------------------
__kernel void slice_columns(__global const real* A, const int cols, const int from,
                            __global real* B, const int rows, const int width) {
    const size_t gid = get_global_id(0);   // size_t: the rounded-up NDRange may pass 2³¹ − 1
    if (gid < (size_t) rows * (size_t) width) {
        const int i = (int) gid;
        const int r = i / width;
        const int j = i - r * width;
        B[i] = A[r * cols + from + j];
    }
}
