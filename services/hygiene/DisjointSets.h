#pragma once

#include <numeric>
#include <vector>

// Union-find over 0..n-1 with path halving and union by size: groups pairs transitively in near-linear time.
class DisjointSets
{
public:
    explicit DisjointSets(int count)
        : m_parent(static_cast<size_t>(count))
        , m_size(static_cast<size_t>(count), 1)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }

    int find(int item)
    {
        while (m_parent[item] != item) {
            m_parent[item] = m_parent[m_parent[item]];
            item = m_parent[item];
        }
        return item;
    }

    // Returns false when both were already in one set.
    bool unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b)
            return false;
        if (m_size[a] < m_size[b])
            std::swap(a, b);
        m_parent[b] = a;
        m_size[a] += m_size[b];
        return true;
    }

    int sizeOf(int item) { return m_size[find(item)]; }

private:
    std::vector<int> m_parent;
    std::vector<int> m_size;
};
