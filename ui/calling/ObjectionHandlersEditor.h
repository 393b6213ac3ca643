#pragma once

#include "models/calling/CallScript.h"
#include "models/calling/Objection.h"

#include <QWidget>

class QListWidget;
class QTableWidget;

// A script's objection handling: handlers of its own (objection + answer, edited in a table) and library objections
// it links (shared with other scripts; edited in the library). Child widgets: ownHandlersTable, addHandlerButton,
// removeHandlerButton, linkedObjectionsList, pickFromLibraryButton, unlinkObjectionButton.
class ObjectionHandlersEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ObjectionHandlersEditor(QWidget* parent = nullptr);

    QList<ObjectionHandler> handlers() const;
    void setHandlers(const QList<ObjectionHandler>& handlers);
    QStringList linkedIds() const { return m_linked; }
    void setLinkedIds(const QStringList& ids);
    // The library to pick from and to show linked entries with.
    void setLibrary(const QList<Objection>& library);

    void addHandler(const QString& objection = {}, const QString& response = {});
    void removeCurrentHandler();
    // Opens the picker over the library entries not linked yet.
    void pickFromLibrary();
    void link(const QStringList& ids);
    void unlinkCurrent();

signals:
    void changed();
    void editLibraryRequested();

private:
    void showLinked();

    QTableWidget* m_table;
    QListWidget* m_linkedList;
    QList<Objection> m_library;
    QStringList m_linked;
};
