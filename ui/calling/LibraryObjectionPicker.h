#pragma once

#include "models/calling/Objection.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

// Picks library objections to link to a script: a searchable, checkable list (category, objection, answer).
class LibraryObjectionPicker : public QDialog
{
    Q_OBJECT

public:
    LibraryObjectionPicker(const QList<Objection>& available, QWidget* parent = nullptr);

    QStringList chosenIds() const;
    QListWidget* list() const { return m_list; }

private:
    void filter(const QString& text);

    QLineEdit* m_search;
    QListWidget* m_list;
};
