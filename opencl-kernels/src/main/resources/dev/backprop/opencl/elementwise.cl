// ============================================================================================
// elementwise.cl: f(A), A ∘ B with numpy broadcasting, A ∘ s, and fill
// ============================================================================================
//
// What it computes: one kernel per function of dev.backprop.core.matrix.UnaryOp and BinaryOp,
// named after the Java constant in lower case (map_tanh for UnaryOp.TANH, zip_add and
// zip_scalar_add for BinaryOp.ADD); the host finds each kernel by that name. The one-line
// definitions below are the Java reference switches (UnaryOp.apply, BinaryOp.apply), term for term.
//
// Memory layout: row-major, element (r, c) of a (rows, cols) matrix at [r*cols + c]. One work-item
// per element of the result; the host rounds the NDRange up to whole work-groups, so every kernel
// checks i < n, with i a size_t: rounded up, the last ids of a matrix of nearly 2³¹ elements would
// not fit an int.
//
// NaN: every function returns NaN for a NaN operand, as numpy does (relu and step test isnan first,
// since NaN > 0 is false); comparisons with NaN are false, so they give 0.
//
// Broadcasting (zip_*), as numpy does it for 2-D arrays: an operand dimension of size 1 is read
// with stride 0, so the same element serves the whole row or column of the result:
//
//        A (rows, cols)         B (rows, 1)            C (rows, cols)
//       ┌─────────────┐        ┌─┐                    ┌─────────────┐
//       │             │   +    │b│ stride 0 along c = │  A[r,c]+b[r]│     e.g. Z1 = W1·X + b1
//       └─────────────┘        └─┘                    └─────────────┘
//     strides (cols, 1)      strides (1, 0)
//
// Reference loops. Every kernel in this file must equal them exactly (same operations, same order;
// only the transcendental functions may differ from Java's by their OpenCL ulp bounds):
//     map_f:          for (i = 0; i < n; i++) C[i] = f(A[i], p);
//     zip_f:          for (r = 0; r < rows; r++) for (c = 0; c < cols; c++)
//                         C[r*cols + c] = f(A[r*a_rs + c*a_cs], B[r*b_rs + c*b_cs]);
//     zip_scalar_f:   for (i = 0; i < n; i++) C[i] = scalar_first ? f(s, A[i]) : f(A[i], s);
//     fill:           for (i = 0; i < n; i++) C[i] = value;
//
// Precision: `real` is double when the host passes -DFP64 (the device has cl_khr_fp64), else float.
// ============================================================================================

#ifdef FP64
  #pragma OPENCL EXTENSION cl_khr_fp64 : enable
  typedef double real;
#else
  typedef float real;
#endif

#define ONE ((real) 1)
#define ZERO ((real) 0)

// np.maximum / np.minimum: NaN wins, as in numpy (OpenCL's fmax would return the other operand).
inline real nan_max(const real x, const real y) {
    return (isnan(x) || isnan(y)) ? (real) NAN : fmax(x, y);
}

inline real nan_min(const real x, const real y) {
    return (isnan(x) || isnan(y)) ? (real) NAN : fmin(x, y);
}


// --------------------------------------------------------------------------------------------
// Unary functions f(x, p): C[i] = f(A[i], p).
// --------------------------------------------------------------------------------------------
#define UNARY(name, expression)                                                  \
__kernel void map_##name(__global const real* A, __global real* C,              \
                         const real p, const int n) {                           \
    const size_t i = get_global_id(0);                                          \
    if (i < (size_t) n) {                                                       \
        const real x = A[i];                                                    \
        C[i] = (expression);                                                    \
    }                                                                           \
}

UNARY(negate,     -x)
UNARY(abs,        fabs(x))
UNARY(square,     x * x)
UNARY(sqrt,       sqrt(x))
UNARY(exp,        exp(x))
UNARY(log,        log(x))
UNARY(tanh,       tanh(x))
UNARY(sigmoid,    ONE / (ONE + exp(-x)))
UNARY(relu,       isnan(x) || x > 0 ? x : ZERO)               // np.maximum(0, x): NaN stays NaN
UNARY(step,       isnan(x) ? x : (x > 0 ? ONE : ZERO))        // np.heaviside(x, 0): NaN stays NaN
UNARY(leaky_relu, x > 0 ? x : p * x)
UNARY(elu,        x > 0 ? x : p * (exp(x) - ONE))
UNARY(power,      p == 2 ? x * x : (p == (real) 0.5 ? sqrt(x) : pow(x, p)))   // as numpy: x ** 0.5 is sqrt(x)
UNARY(sign,       x > 0 ? ONE : (x < 0 ? -ONE : x))   // ±0 and NaN stay as they are, like Math.signum


// --------------------------------------------------------------------------------------------
// Binary functions f(x, y), each as two kernels: broadcast between two matrices (zip_f) and with
// a scalar on either side (zip_scalar_f). Comparisons give 1 for true and 0 for false.
// --------------------------------------------------------------------------------------------
#define BINARY(name, expression)                                                 \
__kernel void zip_##name(__global const real* A, const int a_rs, const int a_cs, \
                         __global const real* B, const int b_rs, const int b_cs, \
                         __global real* C, const int rows, const int cols) {     \
    const size_t gid = get_global_id(0);                                        \
    if (gid < (size_t) rows * (size_t) cols) {                                  \
        const int i = (int) gid;                                                \
        const int r = i / cols;                                                 \
        const int c = i - r * cols;                                             \
        const real x = A[r * a_rs + c * a_cs];                                  \
        const real y = B[r * b_rs + c * b_cs];                                  \
        C[i] = (expression);                                                    \
    }                                                                           \
}                                                                               \
__kernel void zip_scalar_##name(__global const real* A, const real s,           \
                                const int scalar_first,                         \
                                __global real* C, const int n) {                \
    const size_t i = get_global_id(0);                                          \
    if (i < (size_t) n) {                                                       \
        const real x = scalar_first ? s : A[i];                                 \
        const real y = scalar_first ? A[i] : s;                                 \
        C[i] = (expression);                                                    \
    }                                                                           \
}

BINARY(add,           x + y)
BINARY(subtract,      x - y)
BINARY(multiply,      x * y)
BINARY(divide,        x / y)
BINARY(power,         y == 2 ? x * x : pow(x, y))
BINARY(maximum,       nan_max(x, y))
BINARY(minimum,       nan_min(x, y))
BINARY(greater,       x > y ? ONE : ZERO)
BINARY(greater_equal, x >= y ? ONE : ZERO)
BINARY(less,          x < y ? ONE : ZERO)
BINARY(less_equal,    x <= y ? ONE : ZERO)
BINARY(equal,         x == y ? ONE : ZERO)


// --------------------------------------------------------------------------------------------
// np.full: every element the same value.
// --------------------------------------------------------------------------------------------
__kernel void fill(__global real* C, const real value, const int n) {
    const size_t i = get_global_id(0);
    if (i < (size_t) n) {
        C[i] = value;
    }
}
