#include "tests/fuzz/CsvReaderFuzz.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString problem = CsvReaderFuzz::run(QByteArrayView(data, qsizetype(size)));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "fuzz_csvreader: %s\n", qPrintable(problem));
        std::abort();
    }
    return 0;
}
