#pragma once

#include "models/Lead.h"
#include "services/hygiene/LeadMerger.h"

#include <QDialog>
#include <QJsonObject>
#include <QSet>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

// Review a group of duplicates: pick the lead that stays (the master) and, field by field, whose value it keeps.
// Tags are combined, and every activity moves to the master.
class MergeDialog : public QDialog
{
    Q_OBJECT

public:
    MergeDialog(const QList<Lead>& leads, const QString& reason, QWidget* parent = nullptr);
    MergeRequest request() const;
    QString masterName() const;
    QTableWidget* table() const { return m_table; }
    void setMaster(int column);
    void choose(const QString& field, int column);

private:
    void fill();
    static QString label(const QString& field);
    void applyDefaults();

    QList<Lead> m_leads;
    QStringList m_fields;
    QList<QButtonGroup*> m_groups; // one per field row, plus the master row first
    QList<QJsonObject> m_values; // per lead, by storage column
    QSet<QString> m_touched; // fields the user chose a value for
    QTableWidget* m_table;
};
