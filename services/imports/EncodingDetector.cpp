#include "services/imports/EncodingDetector.h"

#include <cstring>

CsvFormat::Encoding EncodingDetector::detect(const QByteArray& sample, bool atEnd)
{
    if (sample.startsWith("\xEF\xBB\xBF"))
        return CsvFormat::Encoding::Utf8Bom;
    if (sample.startsWith("\xFF\xFE"))
        return CsvFormat::Encoding::Utf16LE;
    if (sample.startsWith("\xFE\xFF"))
        return CsvFormat::Encoding::Utf16BE;

    QByteArrayView view(sample);
    if (view.size() > SampleSize) {
        view = view.first(SampleSize);
        atEnd = false;
    }
    return checkUtf8(view, atEnd).invalid ? CsvFormat::Encoding::Windows1252 : CsvFormat::Encoding::Utf8;
}

EncodingDetector::Utf8Check EncodingDetector::checkUtf8(QByteArrayView bytes, bool atEnd)
{
    const auto* data = reinterpret_cast<const uchar*>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        // Most CSV text is ASCII: skip eight bytes at a time while no byte has its high bit set.
        while (i + 8 <= size) {
            quint64 word;
            std::memcpy(&word, data + i, sizeof word);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // Unicode table 3-7: the second byte's range depends on the lead byte.
        int length = 0;
        uchar low = 0x80;
        uchar high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead == 0xE0) {
            length = 3;
            low = 0xA0;
        } else if (lead == 0xED) {
            length = 3;
            high = 0x9F;
        } else if (lead >= 0xE1 && lead <= 0xEF) {
            length = 3;
        } else if (lead == 0xF0) {
            length = 4;
            low = 0x90;
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            length = 4;
        } else if (lead == 0xF4) {
            length = 4;
            high = 0x8F;
        } else {
            return { i, true };
        }
        for (int k = 1; k < length; ++k) {
            if (i + k >= size)
                return { i, atEnd };
            const uchar byte = data[i + k];
            if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF))
                return { i, true };
        }
        i += length;
    }
    return { size, false };
}
