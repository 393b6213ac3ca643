#include "services/hygiene/FuzzyNameMatcher.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace {
int letterBin(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'a' && u <= u'z')
        return u - u'a';
    if (u >= u'0' && u <= u'9')
        return 26 + (u - u'0');
    return u == u' ' ? 36 : 37;
}

QString reversed(const QString& text)
{
    QString result(text.size(), Qt::Uninitialized);
    std::reverse_copy(text.cbegin(), text.cend(), result.begin());
    return result;
}

quint64 pairKey(int a, int b)
{
    return (quint64(quint32(a)) << 32) | quint32(b);
}
} // namespace

FuzzyNameMatcher::FuzzyNameMatcher(const QStringList& names, double threshold)
    : m_names(names)
    , m_threshold(threshold)
{
    m_sorted.reserve(names.size());
    m_letters.resize(static_cast<size_t>(names.size()));
    m_commonWords.resize(static_cast<size_t>(names.size()));
    QHash<QString, int> namesWithWord;
    for (const QString& name : names) {
        const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& word : QSet<QString>(words.cbegin(), words.cend()))
            ++namesWithWord[word];
    }
    const qsizetype common = std::max<qsizetype>(kCommonWordMinNames, names.size() * kCommonWordPerMille / 1000);
    QHash<QString, int> commonWordIds;
    for (auto it = namesWithWord.cbegin(); it != namesWithWord.cend(); ++it) {
        if (it.value() >= common) {
            commonWordIds.insert(it.key(), int(m_commonWordLength.size()));
            m_commonWordLength.push_back(int(it.key().size()));
        }
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString& name = names.at(i);
        if (!commonWordIds.isEmpty()) {
            for (const QString& word : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                const int id = commonWordIds.value(word, -1);
                auto& ids = m_commonWords[static_cast<size_t>(i)];
                if (id >= 0 && std::find(ids.begin(), ids.end(), id) == ids.end())
                    ids.push_back(id);
            }
        }
        const QString sorted = name.contains(QLatin1Char(' ')) ? sortedWords(name) : QString();
        m_sorted.append(sorted == name ? QString() : sorted);
        auto& counts = m_letters[static_cast<size_t>(i)];
        counts.fill(0);
        for (const QChar c : name) {
            std::uint8_t& count = counts[static_cast<size_t>(letterBin(c))];
            if (count < 255)
                ++count;
        }
    }
}

QString FuzzyNameMatcher::sortedWords(const QString& name)
{
    QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    std::sort(words.begin(), words.end());
    return words.join(QLatin1Char(' '));
}

int FuzzyNameMatcher::boundedDistance(QStringView a, QStringView b, int limit)
{
    const int la = static_cast<int>(a.size());
    const int lb = static_cast<int>(b.size());
    const int beyond = limit + 1;
    if (std::abs(la - lb) > limit)
        return beyond;
    if (la == 0 || lb == 0)
        return std::max(la, lb);
    // Three rows of the dynamic programme (two back for swaps), restricted to the diagonal band |i − j| <= limit:
    // a cell outside it is already over the limit.
    thread_local std::vector<int> storage;
    storage.assign(3 * static_cast<size_t>(lb + 2), beyond);
    int* older = storage.data();
    int* previous = older + lb + 2;
    int* current = previous + lb + 2;
    for (int j = 0; j <= lb; ++j)
        previous[j] = std::min(j, beyond);
    for (int i = 1; i <= la; ++i) {
        const int low = std::max(1, i - limit);
        const int high = std::min(lb, i + limit);
        current[low - 1] = low == 1 ? std::min(i, beyond) : beyond;
        int rowMinimum = current[low - 1];
        const QChar ca = a[i - 1];
        for (int j = low; j <= high; ++j) {
            const QChar cb = b[j - 1];
            int value = previous[j - 1] + (ca == cb ? 0 : 1);
            value = std::min(value, previous[j] + 1);
            value = std::min(value, current[j - 1] + 1);
            if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == cb)
                value = std::min(value, older[j - 2] + 1);
            current[j] = std::min(value, beyond);
            rowMinimum = std::min(rowMinimum, current[j]);
        }
        if (high < lb)
            current[high + 1] = beyond;
        if (rowMinimum > limit)
            return beyond;
        std::swap(older, previous);
        std::swap(previous, current);
    }
    return std::min(previous[lb], beyond);
}

double FuzzyNameMatcher::similarity(const QString& a, const QString& b)
{
    const int longer = static_cast<int>(std::max(a.size(), b.size()));
    if (a.isEmpty() || b.isEmpty())
        return 0.0;
    int distance = boundedDistance(a, b, longer);
    if (distance > 0 && a.contains(QLatin1Char(' ')) && b.contains(QLatin1Char(' ')))
        distance = std::min(distance, boundedDistance(sortedWords(a), sortedWords(b), longer));
    return 1.0 - double(distance) / longer;
}

int FuzzyNameMatcher::maxDistance(int lengthA, int lengthB) const
{
    // The largest distance whose similarity still reaches the threshold; the epsilon keeps 0.15 * 20 at 3.
    return static_cast<int>(std::floor((1.0 - m_threshold) * std::max(lengthA, lengthB) + 1e-9));
}

double FuzzyNameMatcher::score(int a, int b)
{
    const QString& nameA = m_names.at(a);
    const QString& nameB = m_names.at(b);
    const int lengthA = static_cast<int>(nameA.size());
    const int lengthB = static_cast<int>(nameB.size());
    const int limit = maxDistance(lengthA, lengthB);
    if (limit <= 0 || std::abs(lengthA - lengthB) > limit)
        return 0.0;
    // Letter counts bound the distance from below: every letter one name has more of costs at least one edit.
    const auto& countsA = m_letters[static_cast<size_t>(a)];
    const auto& countsB = m_letters[static_cast<size_t>(b)];
    int surplusA = 0;
    int surplusB = 0;
    for (int bin = 0; bin < kBins; ++bin) {
        const int difference = int(countsA[bin]) - int(countsB[bin]);
        if (difference > 0)
            surplusA += difference;
        else
            surplusB -= difference;
    }
    if (std::max(surplusA, surplusB) > limit)
        return 0.0;
    ++m_stats.distances;
    int distance = boundedDistance(nameA, nameB, limit);
    if (distance > limit && (!m_sorted.at(a).isNull() || !m_sorted.at(b).isNull())) {
        const QString& sortedA = m_sorted.at(a).isNull() ? nameA : m_sorted.at(a);
        const QString& sortedB = m_sorted.at(b).isNull() ? nameB : m_sorted.at(b);
        distance = boundedDistance(sortedA, sortedB, limit);
    }
    if (distance > limit)
        return 0.0;
    double length = std::max(lengthA, lengthB);
    for (const int word : m_commonWords[static_cast<size_t>(a)]) {
        const auto& wordsB = m_commonWords[static_cast<size_t>(b)];
        if (std::find(wordsB.cbegin(), wordsB.cend(), word) != wordsB.cend())
            length -= m_commonWordLength[static_cast<size_t>(word)] / 2.0;
    }
    return std::max(0.0, 1.0 - distance / length);
}

QList<FuzzyNameMatcher::Match> FuzzyNameMatcher::matches(const Progress& progress)
{
    QList<Match> found;
    QSet<quint64> seen;
    std::vector<Entry> entries;
    const int passes = 2;
    for (int pass = 0; pass < passes; ++pass) {
        entries.clear();
        entries.reserve(static_cast<size_t>(m_names.size()) * (pass == 0 ? 3 : 1));
        for (qsizetype i = 0; i < m_names.size(); ++i) {
            const QString& name = m_names.at(i);
            if (pass == 1) {
                entries.push_back({ reversed(name), int(i) });
                continue;
            }
            entries.push_back({ name, int(i) });
            const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            for (qsizetype r = 1; r < std::min<qsizetype>(words.size(), kMaxRotations); ++r) {
                QStringList rotation = words.mid(r);
                rotation.append(words.mid(0, r));
                entries.push_back({ rotation.join(QLatin1Char(' ')), int(i) });
            }
        }
        std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) { return x.key < y.key; });

        const size_t count = entries.size();
        const size_t step = std::max<size_t>(1, count / 50);
        for (size_t p = 0; p < count; ++p) {
            if (progress && p % step == 0 && !progress((pass + double(p) / count) / passes))
                return found;
            const size_t end = std::min(count, p + 1 + kWindow);
            for (size_t q = p + 1; q < end; ++q) {
                int a = entries[p].name;
                int b = entries[q].name;
                if (a == b)
                    continue;
                if (a > b)
                    std::swap(a, b);
                ++m_stats.candidates;
                const quint64 key = pairKey(a, b);
                if (seen.contains(key))
                    continue;
                const double similarity = score(a, b);
                if (similarity > 0 && similarity >= m_threshold - 1e-9) {
                    seen.insert(key);
                    found.append({ a, b, similarity });
                }
            }
        }
    }
    if (progress)
        progress(1.0);
    return found;
}
