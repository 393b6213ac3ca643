#include "services/imports/Windows1252.h"

#include <array>

namespace {

constexpr char16_t Specials[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, // 0x80–0x87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, // 0x88–0x8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, // 0x90–0x97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, // 0x98–0x9F
};

// Bytes 0x80–0xFF; 0xA0–0xFF are the same code points as in Latin-1.
constexpr std::array<char16_t, 128> HighHalf = [] {
    std::array<char16_t, 128> table {};
    for (int i = 0; i < 128; ++i)
        table[i] = i < 32 ? Specials[i] : char16_t(0x80 + i);
    return table;
}();

} // namespace

QString Windows1252::toUnicode(QByteArrayView bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    auto* out = reinterpret_cast<char16_t*>(text.data());
    const auto* in = reinterpret_cast<const uchar*>(bytes.data());
    for (qsizetype i = 0, size = bytes.size(); i < size; ++i)
        out[i] = in[i] < 0x80 ? char16_t(in[i]) : HighHalf[in[i] - 0x80];
    return text;
}
