#pragma once

#include "models/Lead.h"
#include "models/PipelineStage.h"

#include <QFrame>

class IntelligencePanel;
class LeadContactActions;
class LeadForm;
class LeadStore;
class QLabel;
class QPushButton;
class QTabWidget;
class QVBoxLayout;
class QUndoStack;
class TimelineStore;
class TimelineWidget;

// The slide-over for one lead: Details (validated form) and Activity (timeline).
class LeadDetailPanel : public QFrame
{
    Q_OBJECT

public:
    LeadDetailPanel(LeadStore* leads, TimelineStore* timeline, QUndoStack* undoStack, QWidget* parent = nullptr);

    void setStages(const PipelineStages& stages);
    void openLead(const QString& leadId);
    QString leadId() const { return m_lead.id; }
    LeadForm* form() const { return m_form; }
    TimelineWidget* timeline() const { return m_timeline; }
    QTabWidget* tabs() const { return m_tabs; }
    // Adds the Intelligence tab; the panel then follows the lead shown here.
    void setIntelligencePanel(IntelligencePanel* panel);
    IntelligencePanel* intelligencePanel() const { return m_intelligence; }
    // Adds the AI call / call from my phone / text row under the title; it then follows the lead shown here.
    void setContactActions(LeadContactActions* actions);
    LeadContactActions* contactActions() const { return m_contact; }

public slots:
    void save();
    void closePanel();

signals:
    void closed();

private:
    void showLead(const Lead& lead);

    LeadStore* m_leads;
    QUndoStack* m_undoStack;
    Lead m_lead;
    QLabel* m_title;
    QLabel* m_status;
    QTabWidget* m_tabs;
    LeadForm* m_form;
    TimelineWidget* m_timeline;
    QPushButton* m_save;
    QPushButton* m_revert;
    IntelligencePanel* m_intelligence = nullptr;
    LeadContactActions* m_contact = nullptr;
    QVBoxLayout* m_layout;
};
