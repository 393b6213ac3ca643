#pragma once

#include "ui/common/EmptyStatePage.h"

class QPushButton;

// Shown when the workspace has no leads yet: says what to do and offers to start.
class EmptyLeadsState : public EmptyStatePage
{
    Q_OBJECT

public:
    explicit EmptyLeadsState(QWidget* parent = nullptr);
    QPushButton* sampleButton() const { return m_sample; }

signals:
    void newLeadRequested();
    void sampleDataRequested();

private:
    QPushButton* m_sample = nullptr;
};
