# Sourced by ./workshop and benchmarks/compare.sh: the JVM's memory options for the workshop's programs, so that the
# benchmarks measure the JVM a student's ./workshop starts.
#
# A training loop allocates every matrix anew, so it runs through the young generation fast. On these VMs the first
# touch of a page costs about 10 µs, and a large default young generation (a third of the heap) is touched page by
# page for its first pass: 0.2–0.3 s of the first planar nn_model. So the young generation is 32 MB, and on Linux,
# where the kernel hands out transparent huge pages on request, the heap asks for them (one fault per 2 MB). The
# cold planar run went 0.77 → 0.61 s with both; the MNIST-sized MLP epoch stayed at 1.0–1.5 s (measured 2026-12-07).
workshop_jvm_options() {
  printf '%s\n' -XX:+UseSerialGC -Xmn32m
  # "always" backs the heap with huge pages already; "madvise" only when asked; the flag warns where there are none
  if grep -qs '\[always\]\|\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
    printf '%s\n' -XX:+UseTransparentHugePages
  fi
}
