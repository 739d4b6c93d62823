// A kernel with a deliberate mistake, for the test that a build failure reports the compiler's log.
__kernel void broken(__global float* x) {
    x[0] = undeclared_variable;
}
