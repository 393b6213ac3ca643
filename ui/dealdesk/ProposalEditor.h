#pragma once

#include "models/FieldError.h"
#include "models/Proposal.h"

#include <QDialog>
#include <QHash>

#include <functional>

class DealPipelineService;
class LeadPicker;
class PricingEditor;
class ProposalActionsBar;
class ProposalPdfExport;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTabWidget;
class QUndoStack;
class SectionsEditor;
class WorkspaceSession;

// Creates and edits one proposal: title, lead, currency, valid-until, sections and pricing lines with live totals;
// shows the store's validation messages next to their fields; moves the status; exports a PDF; deletes with undo.
// Only drafts can be edited (the store's rule); a sent proposal is moved back to draft to be revised.
class ProposalEditor : public QDialog
{
    Q_OBJECT

public:
    ProposalEditor(
        WorkspaceSession* session, DealPipelineService* pipeline, QUndoStack* undoStack, QWidget* parent = nullptr);

    // An existing proposal, or a new one (empty id) such as an AI draft; leadLabel is what the lead field shows.
    void setProposal(const Proposal& proposal, const QString& leadLabel);
    // A line above the form, e.g. where an AI draft came from.
    void setNotice(const QString& text);
    // The proposal as the fields describe it now.
    Proposal current() const;
    const Proposal& stored() const { return m_proposal; }
    bool isDirty() const { return m_dirty; }
    bool isBusy() const { return m_busy; }

    void save(std::function<void(bool ok)> then = {});
    void requestStatus(Proposal::Status target);
    void changeStatus(Proposal::Status target, const QString& reason);
    void exportPdf();
    void deleteProposal();

    ProposalActionsBar* actions() const { return m_actions; }
    PricingEditor* pricing() const { return m_pricing; }
    SectionsEditor* sections() const { return m_sections; }
    LeadPicker* leadPicker() const { return m_leadPicker; }
    QLabel* messageLabel() const { return m_message; }

public slots:
    void reject() override;

signals:
    void saved(const Proposal& proposal);
    void leadRequested(const QString& leadId);
    void statusMessage(const QString& text);

private:
    QWidget* buildForm();
    void loadFields();
    void markDirty();
    void setBusy(bool busy);
    void refreshState();
    void showMessage(const QString& text, bool error);
    void showErrors(const FieldErrors& errors);

    WorkspaceSession* m_session;
    QUndoStack* m_undoStack;
    Proposal m_proposal;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_loading = false;
    ProposalActionsBar* m_actions;
    QLabel* m_notice;
    QLabel* m_message;
    QLineEdit* m_title;
    LeadPicker* m_leadPicker;
    QComboBox* m_currency;
    QCheckBox* m_hasExpiry;
    QDateEdit* m_validUntil;
    QTabWidget* m_tabs;
    SectionsEditor* m_sections;
    PricingEditor* m_pricing;
    ProposalPdfExport* m_pdfExport;
    QHash<QString, QLabel*> m_errorLabels;
};
