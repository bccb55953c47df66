#ifndef HEADCOUNT_FUZZ_SUPPORT_H
#define HEADCOUNT_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver with `callback` as the fuzz target.
///
/// SwiftPM links an executable target's entry point as `<module>_main` (it renames `main`), so a
/// target built with -parse-as-library defines `@_cdecl("<module>_main")` and calls this; libFuzzer's
/// own `main` is then never linked in. Needs the fuzzer runtime (-sanitize=fuzzer).
int headcount_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size));

/// Writes the fuzz input to this process's scratch file (`/tmp/headcount-fuzz-<pid>.csv`, rewritten for
/// every input: the file readers take paths) and returns its path (static storage; never NULL).
const char *headcount_fuzz_file(const uint8_t *data, size_t size);

#endif
