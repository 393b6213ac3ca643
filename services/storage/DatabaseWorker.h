#pragma once

#include "services/storage/OpenResult.h"

#include <QObject>
#include <QSqlDatabase>

#include <functional>

// Lives on the database thread and holds its connection.
class DatabaseWorker : public QObject
{
    Q_OBJECT

public:
    explicit DatabaseWorker(QString connectionName);
    ~DatabaseWorker() override;

    OpenResult open(const QString& path);
    void execute(const std::function<void(QSqlDatabase&)>& task);
    void close();

private:
    QString m_connectionName;
    QSqlDatabase m_db;
};
