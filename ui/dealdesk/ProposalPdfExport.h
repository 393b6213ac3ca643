#pragma once

#include "models/Proposal.h"

#include <QObject>

class DealPipelineService;
class QWidget;
class WorkspaceSession;

// "Export PDF…": asks where to save (FileDialogs, so tests can answer), reads the client lead and the sender's name,
// writes the PDF with ProposalPdfExporter and offers to open it.
class ProposalPdfExport : public QObject
{
    Q_OBJECT

public:
    ProposalPdfExport(WorkspaceSession* session, DealPipelineService* pipeline, QWidget* window);

    // False when the user cancelled the file chooser; otherwise finished() follows.
    bool start(const Proposal& proposal);

signals:
    void finished(bool ok, const QString& message);

private:
    void write(const Proposal& proposal, const QString& path);

    WorkspaceSession* m_session;
    DealPipelineService* m_pipeline;
    QWidget* m_window;
};
