package dev.backprop.cpufast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix multiply C = op(A)·op(B) in fp64, as fast as this project gets it on a CPU: packing, cache blocking, a
 * register-tiled SIMD micro-kernel and one slice of C per core (on {@link SpinningWorkers}): the GotoBLAS / BLIS design.
 *
 * <pre>
 * C (n, m) = op(A) (n, k) · op(B) (k, m), row-major; C's old contents are overwritten (left as they are if k = 0).
 * op(A)[i][p] = A[i*ars + p*acs]   (ars = k, acs = 1 as stored; ars = 1, acs = n for a transposed view)
 * op(B)[p][j] = B[p*brs + j*bcs]   (brs = m, bcs = 1 as stored; brs = 1, bcs = k for a transposed view)
 * Reference: for i, j: C[i][j] = Σ_p op(A)[i][p] · op(B)[p][j]        (CpuBackend.matmul)
 *
 *          NC columns of B, KC deep, packed into NR-wide micro-panels (L3, a micro-panel in L1)
 *   MC rows of A, KC deep, packed into MR-tall micro-panels (L2)
 *   micro-kernel: an MR×NR block of C held in MR·NR/L vector registers, KC rank-1 updates, then written to C
 *                 (added to it after the first KC); a last row panel of four rows has a four-row kernel
 *                 (n = 64 is 10·6 + 4, the MLP's 10 outputs 6 + 4)
 * </pre>
 *
 * Packing is also how a transposed operand is read without materialising its transpose: the packing loops take
 * the strides. op(A) is read in place instead when its stride is not a multiple of 4 KiB (512 doubles): the
 * micro-kernel then takes the strides itself, and the packing of A, which costs as much as the arithmetic when B has
 * few columns (the MLP's W1·X, 128×784 by 784×64), is gone. At a multiple of 4 KiB the rows of a panel would share
 * the same L1 sets, so those are packed. (B in place was slower: its micro-panel, read again for every row panel,
 * stays in L1 only when packed.)
 *
 * <p>Departure from the reference: the sums are formed in a different order and with fused multiply-adds, so an
 * element can differ from {@code CpuBackend}'s in its last bits (the contract suite's tolerance covers it).
 */
final class Gemm {

    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Lanes per vector: 8 with AVX-512, 4 with AVX2. */
    static final int L = S.length();
    /**
     * Rows of the register tile. A larger tile spills: JDK 17's C2 keeps vectors in 16 registers even with AVX-512's
     * 32, and an 8×16 tile (16 accumulators) ran at 14 GFLOP/s against this one's 75–90.
     */
    static final int MR = 6;
    /** Columns of the register tile: two vectors. MR·NR/L = 12 accumulators + 2 of B + 1 of A fit 16 registers. */
    static final int NR = 2 * L;
    /** Depth of a packed block (a KC×NR micro-panel of B stays in L1). */
    static final int KC = 256;
    /** Rows of a packed block of A (MC×KC stays in L2). */
    static final int MC = 16 * MR;
    /** Columns of a packed block of B (KC×NC stays in L3). */
    static final int NC = 2048;
    /**
     * More than this many multiply-adds (128³) before the product is split across threads: at 128³ two threads were
     * slower than one (each thread's share is 30 µs, and the split costs both threads a packing of their operand).
     */
    static final long PARALLEL = 1 << 21;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** One thread's packed panels and the scratch tile for the edges of C. */
    private static final class Buffers {
        final double[] packedA = new double[MC * KC];
        final double[] packedB = new double[KC * ((NC + NR - 1) / NR) * NR];
        final double[] tile = new double[MR * NR];
    }

    private Gemm() {
    }

    /** C = op(A)·op(B) over the whole of C, on up to {@code threads} threads (C as it is if k = 0). */
    static void multiply(double[] A, int ars, int acs, double[] B, int brs, int bcs, double[] C,
                         int n, int k, int m, int threads) {
        long work = (long) n * k * m;
        if (work == 0) {
            return;
        }
        int parts = work > PARALLEL ? Math.max(1, threads) : 1;
        if (parts == 1) {
            blocked(A, ars, acs, B, brs, bcs, C, n, k, m, 0, n, 0, m);
            return;
        }
        // one slice of C per thread, across the longer side, cut at whole register tiles
        boolean byColumns = m >= n;
        int unit = byColumns ? NR : MR;
        int length = byColumns ? m : n;
        int tiles = (length + unit - 1) / unit;
        parts = Math.min(parts, tiles);
        Runnable[] slices = new Runnable[parts];
        int from = 0;
        for (int t = 0; t < parts; t++) {
            int to = t == parts - 1 ? length : Math.min(length, (int) ((long) tiles * (t + 1) / parts) * unit);
            int f = from;
            slices[t] = byColumns
                    ? () -> blocked(A, ars, acs, B, brs, bcs, C, n, k, m, 0, n, f, to)
                    : () -> blocked(A, ars, acs, B, brs, bcs, C, n, k, m, f, to, 0, m);
            from = to;
        }
        SpinningWorkers.run("matmul (" + n + ", " + k + ")·(" + k + ", " + m + ")", slices);
    }

    /** C[i0:i1, j0:j1] = op(A)[i0:i1, :]·op(B)[:, j0:j1], packed and blocked. */
    static void blocked(double[] A, int ars, int acs, double[] B, int brs, int bcs, double[] C,
                        int n, int k, int m, int i0, int i1, int j0, int j1) {
        Buffers buffers = BUFFERS.get();
        double[] pa = buffers.packedA;
        double[] pb = buffers.packedB;
        // the stride between the numbers a row panel of op(A) reads at one depth (as stored) or between depths
        // (transposed)
        int strideA = acs == 1 ? ars : ars == 1 ? acs : 0;
        boolean aInPlace = strideA % 512 != 0;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int panelsB = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                // the first depth block writes C, the later ones add to it
                boolean add = pc > 0;
                packB(B, brs, bcs, pb, pc, kc, jc, nc);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    int panelsA = (mc + MR - 1) / MR;
                    int lastRow = ic + (panelsA - 1) * MR;
                    if (!aInPlace) {
                        packA(A, ars, acs, pa, ic, mc, pc, kc);
                    } else if (ic + mc - lastRow < MR) {
                        // the last rows, fewer than MR: packed with zeros below, so no row past op(A) is read
                        packA(A, ars, acs, pa, lastRow, ic + mc - lastRow, pc, kc);
                    }
                    for (int jr = 0; jr < panelsB; jr++) {
                        int col = jc + jr * NR;
                        int w = Math.min(NR, jc + nc - col);
                        int bo = jr * kc * NR;
                        for (int ir = 0; ir < panelsA; ir++) {
                            int row = ic + ir * MR;
                            int h = Math.min(MR, ic + mc - row);
                            int co = row * m + col;
                            if (h == 4 && w == NR) {
                                // four rows left (n = 64, the MLP's 10 outputs): no zero rows computed, no tile
                                if (aInPlace) {
                                    microKernel4(A, row * ars + pc * acs, acs, ars, pb, bo, kc, C, co, m, add);
                                } else {
                                    microKernel4(pa, ir * kc * MR, MR, 1, pb, bo, kc, C, co, m, add);
                                }
                            } else if (!aInPlace) {
                                microKernel(pa, ir * kc * MR, MR, 1, pb, bo, kc, C, co, m, h, w, add, buffers.tile);
                            } else if (h == MR) {
                                microKernel(A, row * ars + pc * acs, acs, ars, pb, bo, kc, C, co, m, h, w, add,
                                        buffers.tile);
                            } else {
                                microKernel(pa, 0, MR, 1, pb, bo, kc, C, co, m, h, w, add, buffers.tile);
                            }
                        }
                    }
                }
            }
        }
    }

    /** packed[jr][p][jj] = op(B)[pc + p][jc + jr·NR + jj], zero past the last column. */
    private static void packB(double[] B, int brs, int bcs, double[] packed, int pc, int kc, int jc, int nc) {
        int panels = (nc + NR - 1) / NR;
        for (int jr = 0; jr < panels; jr++) {
            int col = jc + jr * NR;
            int w = Math.min(NR, jc + nc - col);
            int base = jr * kc * NR;
            for (int p = 0; p < kc; p++) {
                int src = (pc + p) * brs + col * bcs;
                int dst = base + p * NR;
                if (bcs == 1 && w == NR) {
                    DoubleVector.fromArray(S, B, src).intoArray(packed, dst);
                    DoubleVector.fromArray(S, B, src + L).intoArray(packed, dst + L);
                } else if (bcs == 1) {
                    System.arraycopy(B, src, packed, dst, w);
                } else {
                    for (int jj = 0; jj < w; jj++) {
                        packed[dst + jj] = B[src + jj * bcs];
                    }
                }
                for (int jj = w; jj < NR; jj++) {
                    packed[dst + jj] = 0.0;
                }
            }
        }
    }

    /** packed[ir][p][r] = op(A)[ic + ir·MR + r][pc + p], zero past the last row. */
    private static void packA(double[] A, int ars, int acs, double[] packed, int ic, int mc, int pc, int kc) {
        int panels = (mc + MR - 1) / MR;
        for (int ir = 0; ir < panels; ir++) {
            int row = ic + ir * MR;
            int h = Math.min(MR, ic + mc - row);
            int base = ir * kc * MR;
            for (int p = 0; p < kc; p++) {
                int src = row * ars + (pc + p) * acs;
                int dst = base + p * MR;
                for (int r = 0; r < MR; r++) {
                    packed[dst + r] = r < h ? A[src + r * ars] : 0.0;
                }
            }
        }
    }

    /**
     * C[row:row+h, col:col+w] (+)= Σ_p a[p][0:MR] ⊗ b[p][0:NR]: KC rank-1 updates of an MR×NR tile held in
     * registers (two vectors per row), then one pass over C that writes the tile ({@code add} false) or adds it.
     * a[p][r] is {@code a[ao + p·ds + r·rs]}: a packed panel (ds = MR, rs = 1) or op(A) in place. A tile cut by the
     * edge of C goes through {@code tile}.
     */
    private static void microKernel(double[] a, int ao, int ds, int rs, double[] b, int bo, int kc, double[] C,
                                    int co, int ldc, int h, int w, boolean add, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c40 = c00;
        DoubleVector c41 = c00;
        DoubleVector c50 = c00;
        DoubleVector c51 = c00;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * NR);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * NR + L);
            int ap = ao + p * ds;
            DoubleVector x = DoubleVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ap + rs]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ap + 2 * rs]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ap + 3 * rs]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ap + 4 * rs]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ap + 5 * rs]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        if (h == MR && w == NR) {
            writeRow(C, co, c00, c01, add);
            writeRow(C, co + ldc, c10, c11, add);
            writeRow(C, co + 2 * ldc, c20, c21, add);
            writeRow(C, co + 3 * ldc, c30, c31, add);
            writeRow(C, co + 4 * ldc, c40, c41, add);
            writeRow(C, co + 5 * ldc, c50, c51, add);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        for (int r = 0; r < h; r++) {
            for (int j = 0; j < w; j++) {
                C[co + r * ldc + j] = add ? C[co + r * ldc + j] + tile[r * NR + j] : tile[r * NR + j];
            }
        }
    }

    /** {@link #microKernel} for a tile of four full rows: 8 accumulators, written straight into C. */
    private static void microKernel4(double[] a, int ao, int ds, int rs, double[] b, int bo, int kc, double[] C,
                                     int co, int ldc, boolean add) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bo + p * NR);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bo + p * NR + L);
            int ap = ao + p * ds;
            DoubleVector x = DoubleVector.broadcast(S, a[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ap + rs]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ap + 2 * rs]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ap + 3 * rs]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        writeRow(C, co, c00, c01, add);
        writeRow(C, co + ldc, c10, c11, add);
        writeRow(C, co + 2 * ldc, c20, c21, add);
        writeRow(C, co + 3 * ldc, c30, c31, add);
    }

    /**
     * Writes a row of the tile into C, or adds it to C. The first depth block writes without reading C first: one
     * load fewer per vector, no fetch of C's lines before a worker thread overwrites them, and C may come unzeroed
     * ({@link OutputArrays}).
     */
    private static void writeRow(double[] C, int offset, DoubleVector left, DoubleVector right, boolean add) {
        if (add) {
            left = left.add(DoubleVector.fromArray(S, C, offset));
            right = right.add(DoubleVector.fromArray(S, C, offset + L));
        }
        left.intoArray(C, offset);
        right.intoArray(C, offset + L);
    }
}
