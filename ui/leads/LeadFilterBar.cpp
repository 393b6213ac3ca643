#include "ui/leads/LeadFilterBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

LeadFilterBar::LeadFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_stage(new QComboBox(this))
    , m_source(new QComboBox(this))
    , m_industry(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_clear(new QToolButton(this))
{
    m_search->setObjectName(QStringLiteral("leadSearch"));
    m_search->setPlaceholderText(tr("Search name, company, email, phone, notes, tags…  ( / )"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(320);
    m_stage->setObjectName(QStringLiteral("stageFilter"));
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_industry->setObjectName(QStringLiteral("industryFilter"));
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear filters"));
    m_stage->setAccessibleName(tr("Stage filter"));
    m_source->setAccessibleName(tr("Source filter"));
    m_industry->setAccessibleName(tr("Industry filter"));
    m_tag->setAccessibleName(tr("Tag filter"));
    fillCombo(m_stage, tr("All stages"), {});
    fillCombo(m_source, tr("All sources"), {});
    fillCombo(m_industry, tr("All industries"), {});
    fillCombo(m_tag, tr("All tags"), {});

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 2);
    for (QComboBox* combo : { m_stage, m_source, m_industry, m_tag }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMaxVisibleItems(20);
        layout->addWidget(combo);
        connect(combo, &QComboBox::activated, this, [this] { emit filterChanged(filter()); });
    }
    layout->addWidget(m_clear);
    layout->addStretch(1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(60);
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(&m_debounce, &QTimer::timeout, this, [this] { emit filterChanged(filter()); });
    connect(m_clear, &QToolButton::clicked, this, [this] {
        clear();
        emit filterChanged(filter());
    });
}

void LeadFilterBar::fillCombo(QComboBox* combo, const QString& allText, const QStringList& values)
{
    const QString current = combo->currentData().toString();
    combo->clear();
    combo->addItem(allText, QString());
    for (const QString& value : values)
        combo->addItem(value, value);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void LeadFilterBar::setStages(const PipelineStages& stages)
{
    const QString current = m_stage->currentData().toString();
    m_stage->clear();
    m_stage->addItem(tr("All stages"), QString());
    for (const PipelineStage& stage : stages)
        m_stage->addItem(stage.name, stage.key);
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(current)));
}

void LeadFilterBar::setChoices(const FilterChoices& choices)
{
    fillCombo(m_source, tr("All sources"), choices.sources);
    fillCombo(m_industry, tr("All industries"), choices.industries);
    fillCombo(m_tag, tr("All tags"), choices.tags);
}

void LeadFilterBar::setStageFilterVisible(bool visible)
{
    m_stage->setVisible(visible);
}

LeadFilter LeadFilterBar::filter() const
{
    LeadFilter filter;
    filter.search = m_search->text();
    if (m_stage->isVisible())
        filter.status = m_stage->currentData().toString();
    filter.source = m_source->currentData().toString();
    filter.industry = m_industry->currentData().toString();
    filter.tag = m_tag->currentData().toString();
    return filter;
}

void LeadFilterBar::clear()
{
    m_search->clear();
    for (QComboBox* combo : { m_stage, m_source, m_industry, m_tag })
        combo->setCurrentIndex(0);
    m_debounce.stop();
}
