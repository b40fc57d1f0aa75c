// libFuzzer's entry for programs that have a main of their own (LLVM 11 and later):
// it parses libFuzzer's options from argc and argv and runs `test` on each input.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test)(const uint8_t *data, size_t size));
