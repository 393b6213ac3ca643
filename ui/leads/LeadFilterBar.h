#pragma once

#include "models/LeadFilter.h"
#include "models/PipelineStage.h"
#include "services/leads/LeadStore.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

// Search box and filter pickers above the lead views. Emits the combined filter, debounced while typing.
class LeadFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit LeadFilterBar(QWidget* parent = nullptr);

    void setStages(const PipelineStages& stages);
    void setChoices(const FilterChoices& choices);
    void setStageFilterVisible(bool visible);
    LeadFilter filter() const;
    QLineEdit* searchEdit() const { return m_search; }
    void clear();

signals:
    void filterChanged(const LeadFilter& filter);

private:
    static void fillCombo(QComboBox* combo, const QString& allText, const QStringList& values);

    QLineEdit* m_search;
    QComboBox* m_stage;
    QComboBox* m_source;
    QComboBox* m_industry;
    QComboBox* m_tag;
    QToolButton* m_clear;
    QTimer m_debounce;
};
