#include "ui/dealdesk/ProposalPdfExport.h"

#include "services/dealdesk/DealPipelineService.h"
#include "services/dealdesk/ProposalPdfExporter.h"
#include "services/leads/LeadStore.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/FileDialogs.h"
#include "ui/common/MessageBoxes.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrl>

ProposalPdfExport::ProposalPdfExport(WorkspaceSession* session, DealPipelineService* pipeline, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_pipeline(pipeline)
    , m_window(window)
{ }

bool ProposalPdfExport::start(const Proposal& proposal)
{
    QString name = proposal.title.simplified();
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|]"));
    name.remove(unsafe);
    if (name.isEmpty())
        name = tr("Proposal");
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = FileDialogs::saveFileName(m_window, tr("Export proposal as PDF"),
        QDir(folder).filePath(name + QStringLiteral(".pdf")), tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    write(proposal, path);
    return true;
}

void ProposalPdfExport::write(const Proposal& proposal, const QString& path)
{
    m_session->leads()->fetchLead(proposal.leadId, this, [this, proposal, path](const std::optional<Lead>& lead) {
        if (!lead) {
            emit finished(false, tr("The lead of this proposal no longer exists; nothing was exported."));
            return;
        }
        m_pipeline->loadOrganizationName(
            m_session->identity().orgId, this, [this, proposal, path, client = *lead](const QString& organization) {
                QApplication::setOverrideCursor(Qt::WaitCursor);
                const QString error = ProposalPdfExporter(organization.isEmpty() ? tr("Business Hub") : organization)
                                          .exportTo(proposal, client, path);
                QApplication::restoreOverrideCursor();
                if (!error.isEmpty()) {
                    emit finished(false, tr("Not exported: %1").arg(error));
                    MessageBoxes::critical(m_window, tr("Export failed"), error);
                    return;
                }
                emit finished(true, tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
                const auto answer = MessageBoxes::question(m_window, tr("PDF exported"),
                    tr("The proposal was saved as %1. Open it now?").arg(QDir::toNativeSeparators(path)),
                    QMessageBox::Open | QMessageBox::Close, QMessageBox::Open);
                if (answer == QMessageBox::Open)
                    QDesktopServices::openUrl(QUrl::fromLocalFile(path));
            });
    });
}
