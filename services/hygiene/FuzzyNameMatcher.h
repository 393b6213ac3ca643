#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

// Pairs of distinct normalised names (DuplicateFinder::normalizedName) whose edit similarity reaches a threshold,
// found without comparing all pairs. Candidates come from sorted neighbourhoods: the names are sorted once per
// rotation of their words ("acme john smith", "john smith acme", "smith acme john") and once reversed, and each
// entry is compared with the next few entries only, so a typo anywhere leaves at least one ordering in which the
// two names sit side by side. Cheap bounds (length, letter counts) reject most candidates before the edit distance.
//
// The score is similarity() with one refinement: a word that many names in the set contain (a trade such as
// "consulting", a common first name) says little about identity, so where both names share it, it counts half
// towards their length. "Velpelos Travel" and "Yelyelos Travel" then stay apart in a workspace of travel agencies.
class FuzzyNameMatcher
{
public:
    struct Match {
        int a = 0; // index into the names, a < b
        int b = 0;
        double score = 0;
    };
    struct Stats {
        qint64 candidates = 0; // neighbour pairs looked at
        qint64 distances = 0; // pairs that needed an edit distance
    };
    // Receives the fraction done (0..1); returning false stops the search, which then returns what it found.
    using Progress = std::function<bool(double)>;

    FuzzyNameMatcher(const QStringList& names, double threshold);

    QList<Match> matches(const Progress& progress = {});
    const Stats& stats() const { return m_stats; }

    // 1 − (edit distance / length of the longer name), where the distance counts insertions, deletions,
    // substitutions and swaps of neighbouring letters, and the better of the names as written and with their
    // words sorted (so "smith john" equals "john smith"). 1.0 for equal names, 0.0 when either is empty.
    static double similarity(const QString& a, const QString& b);
    // Optimal string alignment distance, computed only within limit: any distance above it returns limit + 1.
    static int boundedDistance(QStringView a, QStringView b, int limit);
    // The names' words in sorted order, joined by single spaces.
    static QString sortedWords(const QString& name);

private:
    static constexpr int kBins = 38;
    // Both the ordering passes and the neighbours compared in each are bounded; these are the blocking caps.
    static constexpr int kWindow = 8;
    static constexpr int kMaxRotations = 5;
    // A word is common when at least this many names, and this share of them, contain it.
    static constexpr int kCommonWordMinNames = 20;
    static constexpr int kCommonWordPerMille = 2;

    struct Entry {
        QString key;
        int name = 0;
    };

    double score(int a, int b);
    int maxDistance(int lengthA, int lengthB) const;

    QStringList m_names;
    double m_threshold;
    QStringList m_sorted; // empty where the words were already in order
    std::vector<std::array<std::uint8_t, kBins>> m_letters;
    std::vector<std::vector<int>> m_commonWords; // per name: ids of its common words
    std::vector<int> m_commonWordLength; // per common word id
    Stats m_stats;
};
