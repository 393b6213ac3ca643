#pragma once

#include "models/calling/Playbook.h"

#include <QWidget>

class CallScriptStore;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;
class StringListEditor;

// The playbooks page of the library (seed 001 §19.2): per pipeline stage, recommended actions, qualifying questions
// and talk tracks for opening, value proposition and close.
class PlaybookEditor : public QWidget
{
    Q_OBJECT

public:
    PlaybookEditor(CallScriptStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    void setLibrary(const QList<Playbook>& playbooks);
    void newPlaybook();
    void savePlaybook();
    void deletePlaybook();

private:
    void showPlaybook(const QString& id);

    CallScriptStore* m_store;
    QUndoStack* m_undoStack;
    QList<Playbook> m_playbooks;
    QString m_currentId;
    QListWidget* m_list;
    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QLineEdit* m_stage;
    StringListEditor* m_actions;
    StringListEditor* m_questions;
    QPlainTextEdit* m_opening;
    QPlainTextEdit* m_value;
    QPlainTextEdit* m_close;
    QLabel* m_error;
    QPushButton* m_delete;
};
