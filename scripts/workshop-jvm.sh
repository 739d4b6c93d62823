# Sourced by ./workshop and benchmarks/compare.sh: the JVM's flags and memory options for the workshop's programs, as
# the array workshop_jvm_options, so that the benchmarks measure the JVM a student's ./workshop starts.
#
# The fast CPU backend (module cpu-fast) uses the JDK's Vector API, an incubator module in JDK 17
# (--add-modules), and the JDK's uninitialised arrays for its results (--add-exports, for OutputArrays; it prints
# nothing). Without them `cpu` means the plain loops, or results are zeroed first: only the speed changes.
#
# A training loop allocates every matrix anew, so it runs through the young generation fast. On these VMs the first
# touch of a page costs about 10 µs, and a large default young generation (a third of the heap) is touched page by
# page for its first pass: 0.2–0.3 s of the first planar nn_model. So the young generation is 64 MB, and on Linux,
# where the kernel hands out transparent huge pages on request, the heap asks for them (one fault per 2 MB).
# Measured on a 2-core VM (7 December 2026), the default young generation → 32, 64, 128 MB, all with huge pages:
# - the cold planar run 0.78 → 0.61, 0.62, 0.64 s;
# - an MLP epoch (784-128-10, 60 000 examples) spends 70, 54, 41 ms in young collections (146, 70, 35 of them);
# - its peak RSS in -Xmx1g 553 → 480, 504 MiB (32, 64 MB).
# 4–8 MB made the first MLP epoch 2.6 s instead of 1.5 s.
workshop_jvm_options=(--add-modules=jdk.incubator.vector --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
  -XX:+UseSerialGC)
# A heap the user sizes (WORKSHOP_JAVA_OPTS="-Xmx100m") sizes its own young generation: a 64 MB one does not fit a
# small heap, and the JVM would warn about NewSize.
if [[ " ${WORKSHOP_JAVA_OPTS:-} " != *" -Xmx"* && " ${WORKSHOP_JAVA_OPTS:-} " != *" -Xmn"* \
      && "${WORKSHOP_JAVA_OPTS:-}" != *NewSize* ]]; then
  workshop_jvm_options+=(-Xmn64m)
fi
# "always" backs the heap with huge pages already; "madvise" only when asked; the flag warns where there are none
if grep -qs '\[always\]\|\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  workshop_jvm_options+=(-XX:+UseTransparentHugePages)
fi
