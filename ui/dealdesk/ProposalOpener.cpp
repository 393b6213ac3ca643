#include "ui/dealdesk/ProposalOpener.h"

#include "services/dealdesk/ProposalDraftGenerator.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/providers/LlmTypes.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/MessageBoxes.h"
#include "ui/dealdesk/LeadPicker.h"
#include "ui/dealdesk/LeadPickerDialog.h"
#include "ui/dealdesk/ProposalEditor.h"

#include <QMap>
#include <QPointer>
#include <QProgressDialog>

ProposalOpener::ProposalOpener(WorkspaceSession* session, DealPipelineService* pipeline,
    ProposalDraftGenerator* generator, QUndoStack* undoStack, QWidget* window)
    : QObject(window)
    , m_session(session)
    , m_pipeline(pipeline)
    , m_generator(generator)
    , m_undoStack(undoStack)
    , m_window(window)
{ }

ProposalEditor* ProposalOpener::createEditor()
{
    auto* editor = new ProposalEditor(m_session, m_pipeline, m_undoStack, m_window);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ProposalEditor::leadRequested, this, &ProposalOpener::leadRequested);
    connect(editor, &ProposalEditor::statusMessage, this, &ProposalOpener::statusMessage);
    connect(editor, &ProposalEditor::saved, this,
        [this, editor](const Proposal& proposal) { m_editors.insert(proposal.id, editor); });
    return editor;
}

void ProposalOpener::show(ProposalEditor* editor)
{
    editor->show();
    editor->raise();
    editor->activateWindow();
    emit editorOpened(editor);
}

void ProposalOpener::openExisting(const QString& id, const QString& leadLabel)
{
    if (id.isEmpty())
        return;
    if (ProposalEditor* open = m_editors.value(id)) {
        show(open);
        return;
    }
    m_session->proposals()->fetch(id, this, [this, id, leadLabel](const std::optional<Proposal>& proposal) {
        if (!proposal || proposal->deleted) {
            emit statusMessage(tr("That proposal no longer exists."));
            return;
        }
        if (ProposalEditor* open = m_editors.value(id)) {
            show(open);
            return;
        }
        ProposalEditor* editor = createEditor();
        editor->setProposal(*proposal, leadLabel);
        m_editors.insert(id, editor);
        show(editor);
    });
}

void ProposalOpener::openNew()
{
    ProposalEditor* editor = createEditor();
    editor->setProposal(Proposal(), {});
    show(editor);
    editor->leadPicker()->setFocus();
}

void ProposalOpener::askAndGenerate(const QString& suggestedLeadId, const QString& suggestedLabel)
{
    if (!m_generator->isConfigured()) {
        explainAiSetup();
        return;
    }
    auto* dialog = new LeadPickerDialog(m_session->leads(), tr("Generate draft"),
        tr("Which lead is the proposal for? The AI sees only this lead's details, its analysis and its AI profile, "
           "plus your price list."),
        m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!suggestedLeadId.isEmpty())
        dialog->setLead(suggestedLeadId, suggestedLabel);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { generateFor(dialog->leadId(), dialog->leadLabel()); });
    dialog->open();
}

void ProposalOpener::generateFor(const QString& leadId, const QString& leadLabel)
{
    if (leadId.isEmpty())
        return;
    if (!m_generator->isConfigured()) {
        explainAiSetup();
        return;
    }
    // Deleting the call object cancels the request: the gateway and the client drop answers for a dead context.
    QPointer<QObject> call = new QObject(this);
    auto* progress
        = new QProgressDialog(tr("Drafting a proposal for %1…").arg(leadLabel), tr("Cancel"), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("draftProgress"));
    progress->setWindowTitle(tr("Generate draft"));
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    connect(progress, &QProgressDialog::canceled, this, [this, call, progress] {
        delete call.data();
        progress->deleteLater();
        emit statusMessage(tr("Draft cancelled; nothing was changed."));
    });
    progress->show();

    m_generator->generate(leadId, call, [this, call, progress, leadLabel](const ProposalDraftResult& result) {
        call->deleteLater();
        progress->disconnect(this);
        progress->deleteLater();
        if (!result.ok) {
            if (result.error.kind == LlmError::NotConfigured)
                explainAiSetup();
            else
                MessageBoxes::critical(m_window, tr("No draft"), result.error.message);
            return;
        }
        ProposalEditor* editor = createEditor();
        editor->setProposal(result.proposal, leadLabel);
        editor->setNotice(tr("Drafted by AI from %1. Check every statement and price before you send it; nothing is "
                             "saved until you click Save.")
                              .arg(describeFields(result.fieldsUsed)));
        show(editor);
        emit statusMessage(tr("Draft ready for review"));
    });
}

void ProposalOpener::explainAiSetup()
{
    const QString text = LlmError::make(LlmError::NotConfigured).message + QStringLiteral("\n\n")
        + tr("Generate draft writes a first version of the proposal from the lead's details. Open the settings now?");
    const auto answer = MessageBoxes::question(
        m_window, tr("AI is not set up"), text, QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
    if (answer == QMessageBox::Open)
        emit openAiSettingsRequested();
}

QString ProposalOpener::describeFields(const QStringList& fields)
{
    const QList<QPair<QString, QString>> groups { { QStringLiteral("lead"), tr("the lead's %1") },
        { QStringLiteral("intelligence"), tr("its analysis (%1)") },
        { QStringLiteral("ai_profile"), tr("its AI profile (%1)") } };
    QStringList parts;
    for (const auto& [prefix, pattern] : groups) {
        QStringList names;
        for (const QString& field : fields) {
            if (field.startsWith(prefix + QLatin1Char('.')))
                names.append(field.mid(prefix.size() + 1).replace(QLatin1Char('_'), QLatin1Char(' ')));
        }
        if (!names.isEmpty())
            parts.append(pattern.arg(names.join(QStringLiteral(", "))));
    }
    if (fields.contains(QStringLiteral("price_list")))
        parts.append(tr("your price list"));
    return parts.isEmpty() ? tr("the lead's record") : parts.join(QStringLiteral("; "));
}
