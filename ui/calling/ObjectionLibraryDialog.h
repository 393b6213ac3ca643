#pragma once

#include "services/calling/CallScriptStore.h"

#include <QDialog>

class PlaybookEditor;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;

// The objection library and playbooks shared by every script (seed 001 §19): objections with their answers,
// categories and tags, and playbooks with qualifying questions and talk tracks. Saves go straight to the store;
// deletes can be undone.
class ObjectionLibraryDialog : public QDialog
{
    Q_OBJECT

public:
    ObjectionLibraryDialog(CallScriptStore* store, QUndoStack* undoStack, const CallScriptLibrary& library,
        QWidget* parent = nullptr);

    void newObjection();
    void saveObjection();
    void deleteObjection();
    QListWidget* objectionList() const { return m_list; }

signals:
    void objectionSaved(const QString& id);

private:
    QWidget* buildObjectionsPage();
    void reload();
    void showLibrary(const CallScriptLibrary& library);
    void showObjection(const QString& id);
    void showError(const QString& message);

    CallScriptStore* m_store;
    QUndoStack* m_undoStack;
    CallScriptLibrary m_library;
    QString m_currentId;
    QLineEdit* m_search = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_objection = nullptr;
    QPlainTextEdit* m_response = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_tags = nullptr;
    QLabel* m_usage = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_undo = nullptr;
    PlaybookEditor* m_playbooks = nullptr;
};
