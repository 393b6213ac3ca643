#pragma once

#include <QByteArrayView>
#include <QString>

// One fuzz input through the importer's reading path: sniff, readHeader, next until the end, an error or a record
// cap; the last byte picks options (chunk size, forced encoding or delimiter, a small field limit) so that small
// chunk boundaries and every decoder are reached. Returns what went wrong, or an empty string: a broken invariant
// (record numbers, progress, an error without a message), or records that do not survive CsvWriter → CsvReader.
// Shared by the libFuzzer target and tst_csvfuzzcorpus.
namespace CsvReaderFuzz {

QString run(QByteArrayView input);

} // namespace CsvReaderFuzz
