// ============================================================================================
// matmul.cl: the matrix product C = op(A) · op(B), in three kernels of growing speed
// ============================================================================================
//
// What it computes: np.dot(a, b), where either operand may be a transposed view (a.T), so that
// the backward pass's dW = dZ · Xᵀ and dA = Wᵀ · dZ read X and W where they are: no transpose copy.
//
// Memory layout: row-major, like a C-ordered numpy array; C is (M, N) and element (m, n) is
// C[m*N + n]. An operand is read through two strides, as numpy reads a view: element (m, k) of
// op(A) is A[m*sa0 + k*sa1].
//     A itself, stored (M, K):       strides (sa0, sa1) = (K, 1)
//     a transposed view of a stored (K, M) matrix:  (sa0, sa1) = (1, M)
// and the same for B with (sb0, sb1).
//
// Shapes:
//                 K                       N                          N
//            ┌─────────┐             ┌─────────┐               ┌─────────┐
//            │         │             │         │               │         │
//          M │  op(A)  │    ·      K │  op(B)  │      =      M │    C    │
//            │         │             │         │               │         │
//            └─────────┘             └─────────┘               └─────────┘
//
// Reference loop. Every kernel in this file must equal it, up to the order of the additions:
//     for (int m = 0; m < M; m++)
//         for (int n = 0; n < N; n++) {
//             real acc = 0;
//             for (int k = 0; k < K; k++)
//                 acc += A[m*sa0 + k*sa1] * B[k*sb0 + n*sb1];
//             C[m*N + n] = acc;
//         }
//
// Work-items: dimension 0 of the NDRange runs along n (the columns of C), dimension 1 along m,
// so that neighbouring work-items write neighbouring addresses of C. The host rounds the NDRange
// up to whole work-groups, so a kernel guards every read and write with the matrix bounds:
// M, N and K need not be multiples of any tile size.
//
// Precision: `real` is double when the host passes -DFP64 (the device has cl_khr_fp64), else float.
// ============================================================================================

#ifdef FP64
  #pragma OPENCL EXTENSION cl_khr_fp64 : enable
  typedef double real;
#else
  typedef float real;
#endif

// Tunables: the host may override each with -DNAME=value when it builds the program.
#ifndef TS
  #define TS 16       // kernel 2: a work-group computes a TS×TS tile of C with TS×TS work-items
#endif
#ifndef TSM
  #define TSM 128     // kernel 3: rows of C per work-group
#endif
#ifndef TSN
  #define TSN 128     // kernel 3: columns of C per work-group
#endif
#ifndef TSK
  #define TSK 16      // kernel 3: how much of K one pair of tiles in local memory covers
#endif
#ifndef WPTM
  #define WPTM 8      // kernel 3: rows of C per work-item (work per thread)
#endif
#ifndef WPTN
  #define WPTN 8      // kernel 3: columns of C per work-item
#endif

#define RTSM (TSM / WPTM)   // kernel 3: work-items per work-group along m
#define RTSN (TSN / WPTN)   // kernel 3: work-items per work-group along n
#define LPTA ((TSM * TSK) / (RTSM * RTSN))   // kernel 3: elements of the A tile each work-item loads
#define LPTB ((TSK * TSN) / (RTSM * RTSN))   // kernel 3: elements of the B tile each work-item loads

#if (TSM % WPTM) != 0 || (TSN % WPTN) != 0
  #error "TSM must be a multiple of WPTM and TSN of WPTN"
#endif
#if ((TSM * TSK) % (RTSM * RTSN)) != 0 || ((TSK * TSN) % (RTSM * RTSN)) != 0
  #error "each tile must split evenly over the work-items of a group"
#endif


// --------------------------------------------------------------------------------------------
// Kernel 1: naive. One work-item per element of C; it reads a whole row of op(A) and a whole
// column of op(B) from global memory. Every element of A is read N times and every element of B
// M times, straight from global memory: the arithmetic waits on memory.
// --------------------------------------------------------------------------------------------
__kernel void matmul1_naive(const int M, const int N, const int K,
                            __global const real* A, const int sa0, const int sa1,
                            __global const real* B, const int sb0, const int sb1,
                            __global real* C) {
    const int n = get_global_id(0);
    const int m = get_global_id(1);
    if (m >= M || n >= N) {
        return;   // a work-item of the rounded-up NDRange, outside C
    }
    real acc = 0;
    for (int k = 0; k < K; k++) {
        acc += A[m * sa0 + k * sa1] * B[k * sb0 + n * sb1];
    }
    C[m * N + n] = acc;
}


// --------------------------------------------------------------------------------------------
// Kernel 2: tiled. A work-group of TS×TS work-items computes one TS×TS tile of C. It walks along
// K one TS-wide step at a time: the group copies a TS×TS tile of op(A) and one of op(B) into
// local memory (each work-item copies one element of each), then every work-item reads TS
// values of each tile from there. Each element loaded from global memory is now used TS times.
//
//           tile t of op(A)          tile t of op(B)
//          ┌──┬──┬──┬──┐           ┌──┐
//   rows   │▓▓│  │  │  │     ·     │▓▓│ t             C tile (m0.., n0..) += Asub · Bsub
//   of the └──┴──┴──┴──┘           ├──┤                for t = 0, 1, ..., ceil(K/TS) − 1
//   group        t                 │  │
//                                  └──┘
//
// No work-item may return early: all of them must reach every barrier. Outside the matrices a
// work-item loads zeros (they add nothing to the sum) and does not store.
// --------------------------------------------------------------------------------------------
__kernel __attribute__((reqd_work_group_size(TS, TS, 1)))
void matmul2_tiled(const int M, const int N, const int K,
                   __global const real* A, const int sa0, const int sa1,
                   __global const real* B, const int sb0, const int sb1,
                   __global real* C) {
    const int col = get_local_id(0);            // 0 .. TS-1, along n
    const int row = get_local_id(1);            // 0 .. TS-1, along m
    const int n = get_group_id(0) * TS + col;   // the element of C this work-item computes
    const int m = get_group_id(1) * TS + row;

    __local real Asub[TS][TS];
    __local real Bsub[TS][TS];

    real acc = 0;
    const int numTiles = (K + TS - 1) / TS;
    for (int t = 0; t < numTiles; t++) {
        // Each work-item copies element (row, col) of both tiles.
        const int ka = t * TS + col;            // the column of op(A) it copies
        const int kb = t * TS + row;            // the row of op(B) it copies
        Asub[row][col] = (m < M && ka < K) ? A[m * sa0 + ka * sa1] : 0;
        Bsub[row][col] = (kb < K && n < N) ? B[kb * sb0 + n * sb1] : 0;

        // Barrier 1: the tiles are complete only when every work-item of the group has written
        // its element; before then a neighbour's Asub[row][k] may still hold the previous tile.
        barrier(CLK_LOCAL_MEM_FENCE);

        for (int k = 0; k < TS; k++) {
            acc += Asub[row][k] * Bsub[k][col];
        }

        // Barrier 2: nobody may overwrite the tiles with tile t+1 while a slower work-item of
        // the group is still reading tile t in the loop above.
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (m < M && n < N) {
        C[m * N + n] = acc;
    }
}


// --------------------------------------------------------------------------------------------
// Kernel 3: register-blocked (more work per work-item). A work-group computes a TSM×TSN tile of
// C with (TSM/WPTM)×(TSN/WPTN) work-items, and each work-item computes WPTM×WPTN elements of it,
// kept in private registers (acc). In the inner loop a work-item reads one value of the A tile
// and WPTN values of the B tile from local memory and does WPTM×WPTN multiply-adds with them:
// kernel 2 did one multiply-add per two local reads, this one WPTM·WPTN per WPTM+WPTN.
//
// The elements of a work-item are strided by the group's width, so that neighbouring work-items
// still touch neighbouring columns (coalesced stores on a GPU):
//     work-item (tx, ty) computes rows    ty, ty + RTSM, ty + 2·RTSM, ...  (WPTM of them)
//                        and columns      tx, tx + RTSN, tx + 2·RTSN, ...  (WPTN of them)
// of the group's tile. The tiles in local memory are TSM×TSK of op(A) (stored k-major, Asub[k][m],
// so the inner loop reads along m) and TSK×TSN of op(B); each work-item copies LPTA and LPTB
// elements of them.
// --------------------------------------------------------------------------------------------
__kernel __attribute__((reqd_work_group_size(RTSN, RTSM, 1)))
void matmul3_register_blocked(const int M, const int N, const int K,
                              __global const real* A, const int sa0, const int sa1,
                              __global const real* B, const int sb0, const int sb1,
                              __global real* C) {
    const int tx = get_local_id(0);             // 0 .. RTSN-1, along n
    const int ty = get_local_id(1);             // 0 .. RTSM-1, along m
    const int tid = ty * RTSN + tx;             // the work-item's number within its group
    const int m0 = get_group_id(1) * TSM;       // the group's tile starts at C(m0, n0)
    const int n0 = get_group_id(0) * TSN;

    __local real Asub[TSK][TSM];
    __local real Bsub[TSK][TSN];

    real acc[WPTM][WPTN];
    for (int wm = 0; wm < WPTM; wm++) {
        for (int wn = 0; wn < WPTN; wn++) {
            acc[wm][wn] = 0;
        }
    }
    real Breg[WPTN];

    const int numTiles = (K + TSK - 1) / TSK;
    for (int t = 0; t < numTiles; t++) {
        const int k0 = t * TSK;
        // Copy the TSM×TSK tile of op(A): element number id of the tile is (r, c) = (id / TSK, id % TSK).
        for (int l = 0; l < LPTA; l++) {
            const int id = l * (RTSM * RTSN) + tid;
            const int r = id / TSK;
            const int c = id % TSK;
            const int gm = m0 + r;
            const int gk = k0 + c;
            Asub[c][r] = (gm < M && gk < K) ? A[gm * sa0 + gk * sa1] : 0;
        }
        // Copy the TSK×TSN tile of op(B): element number id is (r, c) = (id / TSN, id % TSN).
        for (int l = 0; l < LPTB; l++) {
            const int id = l * (RTSM * RTSN) + tid;
            const int r = id / TSN;
            const int c = id % TSN;
            const int gk = k0 + r;
            const int gn = n0 + c;
            Bsub[r][c] = (gk < K && gn < N) ? B[gk * sb0 + gn * sb1] : 0;
        }

        // Barrier 1: wait until the whole group has copied both tiles.
        barrier(CLK_LOCAL_MEM_FENCE);

        for (int k = 0; k < TSK; k++) {
            for (int wn = 0; wn < WPTN; wn++) {
                Breg[wn] = Bsub[k][tx + wn * RTSN];
            }
            for (int wm = 0; wm < WPTM; wm++) {
                const real Areg = Asub[k][ty + wm * RTSM];
                for (int wn = 0; wn < WPTN; wn++) {
                    acc[wm][wn] += Areg * Breg[wn];
                }
            }
        }

        // Barrier 2: wait until the whole group has finished reading the tiles before the next
        // iteration overwrites them.
        barrier(CLK_LOCAL_MEM_FENCE);
    }

    for (int wm = 0; wm < WPTM; wm++) {
        const int m = m0 + ty + wm * RTSM;
        for (int wn = 0; wn < WPTN; wn++) {
            const int n = n0 + tx + wn * RTSN;
            if (m < M && n < N) {
                C[m * N + n] = acc[wm][wn];
            }
        }
    }
}
