#include "tests/fuzz/CsvReaderFuzz.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

// Runs the libFuzzer entry point over the seed corpus and over seeded random inputs on every build, so what the
// fuzzer found once stays fixed without needing clang.
class tst_CsvFuzzCorpus : public QObject
{
    Q_OBJECT

private:
    static void check(QByteArrayView input, const QString& name)
    {
        QElapsedTimer timer;
        timer.start();
        QString problem = CsvReaderFuzz::run(input);
        if (problem.isEmpty() && timer.elapsed() > 5000)
            problem = QStringLiteral("too slow");
        if (!problem.isEmpty()) {
            const QByteArray hex = input.first(qMin<qsizetype>(input.size(), 2000)).toByteArray().toHex();
            QFAIL(qPrintable(
                name + QStringLiteral(": ") + problem + QStringLiteral("\ninput (hex): ") + QString::fromLatin1(hex)));
        }
    }

private slots:
    void seedCorpus()
    {
        const QDir dir(QStringLiteral(HUB_CSV_FUZZ_CORPUS));
        const QStringList names = dir.entryList(QDir::Files);
        QVERIFY2(names.size() >= 20, qPrintable(dir.path()));
        for (const QString& name : names) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            // Each seed once as it is and once with every option byte, so every chunk size and decoder sees it.
            check(bytes, name);
            if (QTest::currentTestFailed())
                return;
            for (int options = 0; options < 256 && !QTest::currentTestFailed(); ++options)
                check(QByteArray(bytes + char(options)), name + QStringLiteral(" + option %1").arg(options));
        }
    }

    void randomInputs()
    {
        // Uniform bytes, uniform bytes without NUL (which stops reading at once), and bytes CSV parsers trip over.
        static const QByteArray nasty("\"\",;\t|\r\n\r\n  a\xEF\xBB\xBF\xFF\xFE\xE2\x82\xAC\xF0\x9F\x98\x80\x80\x93");
        QRandomGenerator random(1234);
        for (int i = 0; i < 2000; ++i) {
            QByteArray bytes(random.bounded(i < 1900 ? 300 : 20000), Qt::Uninitialized);
            for (char& byte : bytes) {
                switch (i % 3) {
                case 0:
                    byte = char(random.bounded(256));
                    break;
                case 1:
                    byte = char(random.bounded(1, 256));
                    break;
                default:
                    byte = nasty.at(random.bounded(int(nasty.size())));
                }
            }
            check(bytes, QStringLiteral("random input %1").arg(i));
            if (QTest::currentTestFailed())
                return;
        }
    }
};

QTEST_GUILESS_MAIN(tst_CsvFuzzCorpus)
#include "tst_csvfuzzcorpus.moc"
