#pragma once

#include "models/Lead.h"
#include "models/PipelineStage.h"

#include <QDialog>

class LeadForm;

// "New lead": the lead form in a dialog that only closes once the input is valid.
class LeadDialog : public QDialog
{
    Q_OBJECT

public:
    LeadDialog(const PipelineStages& stages, const Lead& initial, QWidget* parent = nullptr);
    Lead lead() const { return m_lead; }
    LeadForm* form() const { return m_form; }
    void accept() override;

private:
    LeadForm* m_form;
    Lead m_lead;
};
