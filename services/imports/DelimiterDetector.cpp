#include "services/imports/DelimiterDetector.h"

#include <QList>
#include <QMap>

namespace {

constexpr char16_t Candidates[] = { u',', u';', u'\t', u'|' };

// Delimiters outside quotes in each of the first records. Blank lines do not count, and neither does a last record
// without a line end when there are others: the sample may have cut it.
QList<int> countsPerRecord(QStringView text, char16_t delimiter)
{
    QList<int> counts;
    const qsizetype size = text.size();
    qsizetype i = 0;
    int count = 0;
    bool fieldStart = true;
    bool inRecord = false;
    while (i < size && counts.size() < DelimiterDetector::SampleRecords) {
        const char16_t c = text[i].unicode();
        if (fieldStart && c == u'"') {
            for (++i; i < size; ++i) {
                if (text[i] == u'"') {
                    if (i + 1 < size && text[i + 1] == u'"')
                        ++i;
                    else
                        break;
                }
            }
            if (i >= size)
                return counts.isEmpty() ? QList<int> { count } : counts;
            fieldStart = false;
            inRecord = true;
        } else if (c == delimiter) {
            ++count;
            fieldStart = true;
            inRecord = true;
        } else if (c == u'\r' || c == u'\n') {
            if (inRecord)
                counts.append(count);
            count = 0;
            fieldStart = true;
            inRecord = false;
        } else {
            fieldStart = false;
            inRecord = true;
        }
        ++i;
    }
    if (inRecord && counts.isEmpty())
        counts.append(count);
    return counts;
}

struct Score {
    qsizetype consistent = 0; // records whose count is the most common one
    qsizetype total = 0;
    int mode = 0; // the most common count (the larger one on a tie)
};

Score score(const QList<int>& counts)
{
    QMap<int, qsizetype> frequency;
    for (int count : counts)
        ++frequency[count];
    Score result;
    result.total = counts.size();
    for (auto it = frequency.cbegin(); it != frequency.cend(); ++it) {
        if (it.value() >= result.consistent) {
            result.consistent = it.value();
            result.mode = it.key();
        }
    }
    return result;
}

} // namespace

QChar DelimiterDetector::detect(const QString& sample)
{
    // Excel honours (and some exports write) a first line "sep=;" that names the delimiter.
    if (sample.startsWith(QLatin1String("sep=")) && sample.size() >= 6
        && (sample.at(5) == u'\n' || sample.at(5) == u'\r')) {
        for (char16_t candidate : Candidates) {
            if (sample.at(4) == candidate)
                return QChar(candidate);
        }
    }
    char16_t best = u',';
    Score bestScore;
    for (char16_t candidate : Candidates) {
        const Score current = score(countsPerRecord(sample, candidate));
        if (current.mode == 0 || current.total == 0)
            continue;
        if (bestScore.total == 0) {
            best = candidate;
            bestScore = current;
            continue;
        }
        // Compare the shares of consistent records without rounding; then more fields wins; then the earlier candidate.
        const qsizetype left = current.consistent * bestScore.total;
        const qsizetype right = bestScore.consistent * current.total;
        if (left > right || (left == right && current.mode > bestScore.mode)) {
            best = candidate;
            bestScore = current;
        }
    }
    return QChar(best);
}
