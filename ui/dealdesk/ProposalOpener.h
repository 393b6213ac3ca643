#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

Q_MOC_INCLUDE("ui/dealdesk/ProposalEditor.h")

class DealPipelineService;
class ProposalDraftGenerator;
class ProposalEditor;
class QUndoStack;
class QWidget;
class WorkspaceSession;
struct Proposal;

// Opens proposals in editor windows: an existing one (raised if already open), a new one, or an AI draft for a
// lead (with progress and cancel, and an explanation of what to configure when AI is not set up).
class ProposalOpener : public QObject
{
    Q_OBJECT

public:
    ProposalOpener(WorkspaceSession* session, DealPipelineService* pipeline, ProposalDraftGenerator* generator,
        QUndoStack* undoStack, QWidget* window);

    void openExisting(const QString& id, const QString& leadLabel);
    void openNew();
    // Asks for the lead (suggesting one when given), then drafts.
    void askAndGenerate(const QString& suggestedLeadId = {}, const QString& suggestedLabel = {});
    void generateFor(const QString& leadId, const QString& leadLabel);

    // "Lead: name, company · Analysis: summary · AI profile: pain points" for the facts a draft was built from.
    static QString describeFields(const QStringList& fields);

signals:
    void editorOpened(ProposalEditor* editor);
    void leadRequested(const QString& leadId);
    void openAiSettingsRequested();
    void statusMessage(const QString& text);

private:
    ProposalEditor* createEditor();
    void show(ProposalEditor* editor);
    void explainAiSetup();

    WorkspaceSession* m_session;
    DealPipelineService* m_pipeline;
    ProposalDraftGenerator* m_generator;
    QUndoStack* m_undoStack;
    QWidget* m_window;
    QHash<QString, QPointer<ProposalEditor>> m_editors;
};
