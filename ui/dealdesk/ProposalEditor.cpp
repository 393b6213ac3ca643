#include "ui/dealdesk/ProposalEditor.h"

#include "models/ProposalRules.h"
#include "services/dealdesk/ProposalStore.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/common/MessageBoxes.h"
#include "ui/common/Theme.h"
#include "ui/dealdesk/DeleteProposalCommand.h"
#include "ui/dealdesk/LeadPicker.h"
#include "ui/dealdesk/PricingEditor.h"
#include "ui/dealdesk/ProposalActionsBar.h"
#include "ui/dealdesk/ProposalPdfExport.h"
#include "ui/dealdesk/SectionsEditor.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
const QStringList kCurrencies { QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"),
    QStringLiteral("CHF"), QStringLiteral("CAD"), QStringLiteral("AUD"), QStringLiteral("SEK"), QStringLiteral("NOK"),
    QStringLiteral("DKK"), QStringLiteral("PLN"), QStringLiteral("CZK") };
} // namespace

ProposalEditor::ProposalEditor(
    WorkspaceSession* session, DealPipelineService* pipeline, QUndoStack* undoStack, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_undoStack(undoStack)
    , m_actions(new ProposalActionsBar(this))
    , m_notice(new QLabel(this))
    , m_message(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_leadPicker(new LeadPicker(session->leads(), this))
    , m_currency(new QComboBox(this))
    , m_hasExpiry(new QCheckBox(tr("Valid until"), this))
    , m_validUntil(new QDateEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_sections(new SectionsEditor(this))
    , m_pricing(new PricingEditor(this))
    , m_pdfExport(new ProposalPdfExport(session, pipeline, this))
{
    setObjectName(QStringLiteral("proposalEditor"));
    setWindowTitle(tr("New proposal"));
    setSizeGripEnabled(true);
    resize(980, 760);
    m_notice->setObjectName(QStringLiteral("editorNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* buttons = new QDialogButtonBox(this);
    // No default button: Return belongs to the field being edited (a pricing cell, the title), never to "Save".
    QPushButton* saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::ActionRole);
    saveButton->setObjectName(QStringLiteral("saveProposalButton"));
    saveButton->setAutoDefault(false);
    saveButton->setToolTip(tr("Save the proposal (Ctrl+S)"));
    saveButton->setProperty("primary", true);
    QPushButton* close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeEditorButton"));
    close->setAutoDefault(false);
    // The Save button saves and stays open: Send, Export and more follow on the saved proposal.
    connect(saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(close, &QPushButton::clicked, this, &ProposalEditor::reject);

    auto* contentError = new QLabel(this);
    contentError->setObjectName(QStringLiteral("FieldError"));
    contentError->hide();
    m_errorLabels.insert(QStringLiteral("content"), contentError);
    m_tabs->setObjectName(QStringLiteral("editorTabs"));
    m_tabs->addTab(m_sections, tr("Sections"));
    m_tabs->addTab(m_pricing, tr("Pricing"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_actions);
    layout->addWidget(m_notice);
    layout->addWidget(m_message);
    layout->addWidget(buildForm());
    layout->addWidget(m_tabs, 1);
    layout->addWidget(contentError);
    layout->addWidget(buttons);

    const auto shortcut = [this](const QKeySequence& key, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence::Save, [this] { save(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_E), &ProposalEditor::exportPdf);

    connect(m_actions, &ProposalActionsBar::statusRequested, this, &ProposalEditor::requestStatus);
    connect(m_actions, &ProposalActionsBar::exportRequested, this, &ProposalEditor::exportPdf);
    connect(m_pdfExport, &ProposalPdfExport::finished, this, [this](bool ok, const QString& message) {
        setBusy(false);
        showMessage(message, !ok);
        if (ok)
            emit statusMessage(message);
    });
    connect(m_actions, &ProposalActionsBar::deleteRequested, this, &ProposalEditor::deleteProposal);
    connect(m_title, &QLineEdit::textEdited, this, &ProposalEditor::markDirty);
    connect(m_leadPicker, &LeadPicker::leadChanged, this, [this] {
        // A new proposal follows the lead's currency until it has prices in another one.
        const Lead& lead = m_leadPicker->pickedLead();
        if (m_proposal.id.isEmpty() && m_pricing->lines().isEmpty() && !lead.currency.isEmpty())
            m_currency->setCurrentText(lead.currency);
        markDirty();
    });
    connect(m_currency, &QComboBox::currentTextChanged, this, [this](const QString& text) {
        m_pricing->setCurrency(text.trimmed().toUpper());
        markDirty();
    });
    connect(m_hasExpiry, &QCheckBox::toggled, this, [this](bool on) {
        m_validUntil->setEnabled(on && m_proposal.status == Proposal::Status::Draft);
        markDirty();
    });
    connect(m_validUntil, &QDateEdit::dateChanged, this, &ProposalEditor::markDirty);
    connect(m_sections, &SectionsEditor::changed, this, &ProposalEditor::markDirty);
    connect(m_pricing, &PricingEditor::changed, this, &ProposalEditor::markDirty);
    refreshState();
}

QWidget* ProposalEditor::buildForm()
{
    auto* form = new QWidget(this);
    auto* layout = new QFormLayout(form);
    layout->setContentsMargins(0, 4, 0, 4);
    const auto errorLabel = [this, form](const QString& field) {
        auto* label = new QLabel(form);
        label->setObjectName(QStringLiteral("FieldError"));
        label->setProperty("field", field);
        label->setWordWrap(true);
        label->hide();
        m_errorLabels.insert(field, label);
        return label;
    };
    const auto withError = [form](QWidget* editor, QLabel* error) {
        auto* box = new QWidget(form);
        auto* column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(2);
        column->addWidget(editor);
        column->addWidget(error);
        return box;
    };

    m_title->setObjectName(QStringLiteral("proposalTitle"));
    m_title->setPlaceholderText(tr("e.g. Website redesign for Acme"));
    layout->addRow(tr("&Title"), withError(m_title, errorLabel(QStringLiteral("title"))));

    auto* openLead = new QToolButton(form);
    openLead->setObjectName(QStringLiteral("openLeadButton"));
    openLead->setText(tr("Open lead"));
    openLead->setToolTip(tr("Show this lead in the Leads view"));
    connect(openLead, &QToolButton::clicked, this, [this] {
        if (!m_leadPicker->leadId().isEmpty())
            emit leadRequested(m_leadPicker->leadId());
    });
    connect(m_leadPicker, &LeadPicker::leadChanged, openLead,
        [openLead](const QString& id) { openLead->setEnabled(!id.isEmpty()); });
    auto* leadRow = new QWidget(form);
    auto* leadLayout = new QHBoxLayout(leadRow);
    leadLayout->setContentsMargins(0, 0, 0, 0);
    leadLayout->addWidget(m_leadPicker, 1);
    leadLayout->addWidget(openLead);
    layout->addRow(tr("&Lead"), withError(leadRow, errorLabel(QStringLiteral("leadId"))));

    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    m_currency->setEditable(true);
    m_currency->addItems(kCurrencies);
    m_currency->setToolTip(tr("Three-letter ISO 4217 code, e.g. EUR"));
    m_hasExpiry->setObjectName(QStringLiteral("validUntilCheck"));
    m_validUntil->setObjectName(QStringLiteral("validUntilEdit"));
    m_validUntil->setCalendarPopup(true);
    m_validUntil->setDate(QDate::currentDate().addDays(30));
    auto* terms = new QWidget(form);
    auto* termsLayout = new QHBoxLayout(terms);
    termsLayout->setContentsMargins(0, 0, 0, 0);
    termsLayout->addWidget(withError(m_currency, errorLabel(QStringLiteral("currency"))));
    termsLayout->addSpacing(24);
    termsLayout->addWidget(m_hasExpiry);
    termsLayout->addWidget(withError(m_validUntil, errorLabel(QStringLiteral("validUntil"))));
    termsLayout->addStretch();
    layout->addRow(tr("&Currency"), terms);
    return form;
}

void ProposalEditor::setProposal(const Proposal& proposal, const QString& leadLabel)
{
    m_proposal = proposal;
    m_loading = true;
    m_leadPicker->setLead(proposal.leadId, leadLabel);
    m_loading = false;
    loadFields();
    // A proposal that is not stored yet (a new one or an AI draft) has nothing to lose only while it is empty.
    m_dirty = proposal.id.isEmpty() && (!proposal.sections.isEmpty() || !proposal.lines.isEmpty());
    refreshState();
}

void ProposalEditor::setNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ProposalEditor::loadFields()
{
    m_loading = true;
    m_title->setText(m_proposal.title);
    if (m_currency->findText(m_proposal.currency) < 0)
        m_currency->addItem(m_proposal.currency);
    m_currency->setCurrentText(m_proposal.currency);
    m_pricing->setCurrency(m_proposal.currency);
    m_hasExpiry->setChecked(m_proposal.validUntil.isValid());
    m_validUntil->setDate(m_proposal.validUntil.isValid() ? m_proposal.validUntil : QDate::currentDate().addDays(30));
    m_sections->setSections(m_proposal.sections);
    m_pricing->setLines(m_proposal.lines);
    m_loading = false;
    m_dirty = false;
    showErrors({});
}

Proposal ProposalEditor::current() const
{
    Proposal proposal = m_proposal;
    proposal.title = m_title->text().simplified();
    proposal.leadId = m_leadPicker->leadId();
    proposal.currency = m_currency->currentText().trimmed().toUpper();
    proposal.validUntil = m_hasExpiry->isChecked() ? m_validUntil->date() : QDate();
    proposal.sections = m_sections->sections();
    proposal.lines = m_pricing->lines();
    return proposal;
}

void ProposalEditor::markDirty()
{
    if (m_loading || m_proposal.status != Proposal::Status::Draft)
        return;
    m_dirty = true;
    refreshState();
}

void ProposalEditor::setBusy(bool busy)
{
    m_busy = busy;
    refreshState();
}

void ProposalEditor::refreshState()
{
    const bool editable = m_proposal.status == Proposal::Status::Draft && !m_busy;
    for (QWidget* widget : { static_cast<QWidget*>(m_title), static_cast<QWidget*>(m_leadPicker),
             static_cast<QWidget*>(m_currency), static_cast<QWidget*>(m_hasExpiry) }) {
        widget->setEnabled(editable);
    }
    m_validUntil->setEnabled(editable && m_hasExpiry->isChecked());
    m_sections->setReadOnly(!editable);
    m_pricing->setReadOnly(!editable);
    m_actions->setState(m_proposal.status, !m_proposal.id.isEmpty(), m_busy);
    if (auto* save = findChild<QPushButton*>(QStringLiteral("saveProposalButton")))
        save->setEnabled(editable && (m_dirty || m_proposal.id.isEmpty()));
    const QString title = m_proposal.title.isEmpty() ? tr("New proposal") : m_proposal.title;
    setWindowTitle((m_dirty ? QStringLiteral("• ") : QString()) + tr("Proposal — %1").arg(title));
}

void ProposalEditor::showMessage(const QString& text, bool error)
{
    const QColor color = Theme::instance()->color(error ? QStringLiteral("danger") : QStringLiteral("accent"));
    m_message->setStyleSheet(
        color.isValid() ? QStringLiteral("QLabel { color: %1; font-weight: 600; }").arg(color.name()) : QString());
    m_message->setProperty("error", error);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ProposalEditor::showErrors(const FieldErrors& errors)
{
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString message = errorFor(errors, it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    const QList<QPair<QString, QWidget*>> editors { { QStringLiteral("title"), m_title },
        { QStringLiteral("leadId"), m_leadPicker } };
    for (const auto& [field, editor] : editors) {
        editor->setProperty("invalid", !errorFor(errors, field).isEmpty());
        editor->style()->unpolish(editor);
        editor->style()->polish(editor);
    }
    m_pricing->showErrors(errors);
    for (const FieldError& error : errors) {
        if (error.field.startsWith(QLatin1String("lines"))) {
            m_tabs->setCurrentWidget(m_pricing);
            break;
        }
    }
}

void ProposalEditor::save(std::function<void(bool ok)> then)
{
    if (m_busy || m_proposal.status != Proposal::Status::Draft) {
        if (then)
            then(false);
        return;
    }
    // Everything that is missing is shown at once; the store checks again and has the last word.
    const Proposal proposal = current();
    FieldErrors errors = ProposalRules::validate(proposal);
    if (proposal.leadId.isEmpty())
        errors.append({ QStringLiteral("leadId"), tr("Choose the lead this proposal is for.") });
    if (!errors.isEmpty()) {
        showErrors(errors);
        showMessage(tr("Not saved: %1").arg(errors.first().message), true);
        if (then)
            then(false);
        return;
    }
    setBusy(true);
    m_session->proposals()->save(proposal, this, [this, then](const ProposalWriteOutcome& outcome) {
        setBusy(false);
        if (!outcome.ok || outcome.changed.isEmpty()) {
            showErrors(outcome.fieldErrors);
            showMessage(tr("Not saved: %1").arg(outcome.error), true);
            if (then)
                then(false);
            return;
        }
        m_proposal = outcome.changed.first();
        m_dirty = false;
        showErrors({});
        showMessage(tr("Saved."), false);
        refreshState();
        emit saved(m_proposal);
        emit statusMessage(tr("Proposal “%1” saved").arg(m_proposal.title));
        if (then)
            then(true);
    });
}

void ProposalEditor::requestStatus(Proposal::Status target)
{
    if (m_busy)
        return;
    if (target == Proposal::Status::Rejected) {
        auto* dialog = new QInputDialog(this);
        dialog->setObjectName(QStringLiteral("rejectReasonDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Mark rejected"));
        dialog->setLabelText(tr("Why did the client decline? The reason goes on the lead's timeline."));
        dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
        dialog->setOkButtonText(tr("Mark rejected"));
        connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& reason) {
            if (reason.trimmed().isEmpty())
                showMessage(tr("Say why the proposal was rejected; nothing was changed."), true);
            else
                changeStatus(Proposal::Status::Rejected, reason.trimmed());
        });
        dialog->open();
        return;
    }
    if (target != Proposal::Status::Sent) {
        changeStatus(target, {});
        return;
    }
    // Sending: check here first so the user sees every missing piece next to its field.
    const Proposal proposal = current();
    FieldErrors errors = ProposalRules::validate(proposal);
    if (proposal.leadId.isEmpty())
        errors.append({ QStringLiteral("leadId"), tr("Choose the lead this proposal is for.") });
    if (proposal.validUntil.isValid() && proposal.validUntil < QDate::currentDate())
        errors.append({ QStringLiteral("validUntil"), tr("The proposal has expired; extend it before sending.") });
    if (!errors.isEmpty()) {
        showErrors(errors);
        showMessage(tr("Not sent: %1").arg(errors.first().message), true);
        return;
    }
    if (m_dirty || m_proposal.id.isEmpty()) {
        save([this](bool ok) {
            if (ok)
                changeStatus(Proposal::Status::Sent, {});
        });
        return;
    }
    changeStatus(Proposal::Status::Sent, {});
}

void ProposalEditor::changeStatus(Proposal::Status target, const QString& reason)
{
    if (m_proposal.id.isEmpty() || m_busy)
        return;
    setBusy(true);
    m_session->proposals()->changeStatus(
        m_proposal.id, target, reason, this, [this, target](const ProposalWriteOutcome& outcome) {
            setBusy(false);
            if (!outcome.ok || outcome.changed.isEmpty()) {
                showErrors(outcome.fieldErrors);
                showMessage(tr("Status not changed: %1").arg(outcome.error), true);
                return;
            }
            m_proposal = outcome.changed.first();
            loadFields();
            refreshState();
            const QString text = tr("Marked as %1; the change is on the lead's timeline.")
                                     .arg(Proposal::statusLabel(target).toLower());
            showMessage(
                target == Proposal::Status::Draft ? tr("Back to draft: you can edit the proposal again.") : text,
                false);
            emit saved(m_proposal);
            emit statusMessage(tr("Proposal “%1”: %2").arg(m_proposal.title, Proposal::statusLabel(target)));
        });
}

void ProposalEditor::exportPdf()
{
    if (m_busy)
        return;
    const Proposal proposal = current();
    if (proposal.leadId.isEmpty()) {
        showErrors({ { QStringLiteral("leadId"), tr("Choose the lead this proposal is for.") } });
        showMessage(tr("Choose the lead first: the PDF is addressed to it."), true);
        return;
    }
    // What is on screen is exported, saved or not: the user sees exactly what the client will get.
    if (m_pdfExport->start(proposal))
        setBusy(true);
}

void ProposalEditor::deleteProposal()
{
    if (m_proposal.id.isEmpty() || m_busy)
        return;
    m_undoStack->push(new DeleteProposalCommand(m_session->proposals(), m_proposal.id, m_proposal.title));
    emit statusMessage(tr("Deleted “%1” — Ctrl+Z to undo").arg(m_proposal.title));
    m_dirty = false;
    QDialog::reject();
}

void ProposalEditor::reject()
{
    if (!m_dirty) {
        QDialog::reject();
        return;
    }
    const QString title = current().title.isEmpty() ? tr("this proposal") : current().title;
    const auto answer
        = MessageBoxes::question(this, tr("Unsaved changes"), tr("Save the changes to “%1” before closing?").arg(title),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        save([this](bool ok) {
            if (ok)
                QDialog::reject();
        });
    } else if (answer == QMessageBox::Discard) {
        m_dirty = false;
        QDialog::reject();
    }
}
