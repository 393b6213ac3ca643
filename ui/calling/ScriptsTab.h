#pragma once

#include "services/calling/CallScriptStore.h"

#include <QWidget>

class AudioPlayback;
class CallScriptListModel;
class CallingConfiguration;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QUndoStack;
class ScriptEditor;
class VoicePreview;
class WorkspaceSession;

// Calling → Scripts: the list of call scripts (usage count, industry, purpose) and the editor of the chosen one, with
// voice preview, the shared objection library and delete with undo.
class ScriptsTab : public QWidget
{
    Q_OBJECT

public:
    ScriptsTab(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent = nullptr);

    void start();
    void reload();
    // Offers to save or discard unsaved edits; false when the user wants to keep editing.
    bool confirmLeave();
    void newScript();
    void openScript(const QString& id);
    void deleteSelected();
    void openLibrary();
    void reloadVoices();

    // The audio output of voice previews (tests install one that records what it gets).
    void setAudioPlayback(AudioPlayback* playback);
    ScriptEditor* editor() const { return m_editor; }
    QTableView* table() const { return m_table; }
    CallScriptListModel* model() const { return m_model; }
    const CallScriptLibrary& library() const { return m_library; }

signals:
    void statusMessage(const QString& text);
    // Every reload that reached the screen (tests wait on it).
    void loaded();
    void saved(const QString& id);

private:
    QWidget* buildEmptyState();
    void applyLibrary(const CallScriptLibrary& library);
    void onCurrentChanged(const QModelIndex& current, const QModelIndex& previous);
    void save(const CallScriptEntry& entry);
    void refreshState();
    void selectRow(const QString& id);

    WorkspaceSession* m_session;
    CallScriptStore* m_store;
    CallingConfiguration* m_calling;
    QUndoStack* m_undoStack;
    VoicePreview* m_preview;
    AudioPlayback* m_defaultPlayback;
    CallScriptLibrary m_library;
    CallScriptListModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_search;
    QTableView* m_table;
    QPushButton* m_delete;
    QStackedWidget* m_stack;
    ScriptEditor* m_editor;
    QString m_selectAfterLoad;
    bool m_started = false;
    bool m_loadedOnce = false;
    bool m_reverting = false;
    bool m_composing = false; // a new script is being written
    QObject* m_voiceContext = nullptr;
};
