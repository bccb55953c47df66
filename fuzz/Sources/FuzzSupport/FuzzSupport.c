#include "FuzzSupport.h"

#include <stdio.h>
#include <unistd.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int headcount_fuzz_run(int argc, char **argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}

const char *headcount_fuzz_file(const uint8_t *data, size_t size) {
    static char path[64];
    static char scratch[80];
    if (path[0] == 0) {
        snprintf(path, sizeof path, "/tmp/headcount-fuzz-%ld.csv", (long)getpid());
        snprintf(scratch, sizeof scratch, "%s.tmp", path);
    }
    // Written beside and renamed over, so a reader never sees half an input.
    FILE *f = fopen(scratch, "wb");
    if (f != NULL) {
        if (size > 0 && data != NULL) fwrite(data, 1, size, f);
        fclose(f);
        rename(scratch, path);
    }
    return path;
}
