#include "tests/bench/BenchWorkspace.h"

#include "services/demo/DemoDataGenerator.h"

#include <QElapsedTimer>

BenchWorkspace::BenchWorkspace()
    : m_dir(QDir::tempPath() + QStringLiteral("/hub-bench-XXXXXX"))
{
}

BenchWorkspace::~BenchWorkspace()
{
    close();
}

QString BenchWorkspace::create(int n, quint32 seed)
{
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary folder: ") + m_dir.errorString();
    m_path = m_dir.filePath(QStringLiteral("bench.hubdb"));
    m_executor = std::make_unique<DatabaseExecutor>();
    const OpenResult opened = m_executor->openBlocking(m_path);
    if (!opened.ok())
        return opened.message;

    QString error;
    QElapsedTimer timer;
    timer.start();
    m_executor->runBlocking([&](QSqlDatabase& db) {
        m_identity = WorkspaceInitializer::identity(db);
        DemoDataGenerator::Options options;
        options.leads = n;
        options.seed = seed;
        options.activities = false;
        error = DemoDataGenerator::generate(db, m_identity, options);
    });
    m_generateMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return error;
}

void BenchWorkspace::close()
{
    m_executor.reset();
}
