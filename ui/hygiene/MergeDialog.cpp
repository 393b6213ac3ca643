#include "ui/hygiene/MergeDialog.h"

#include "models/LeadJson.h"
#include "models/Money.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonObject>
#include <QLocale>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

MergeDialog::MergeDialog(const QList<Lead>& leads, const QString& reason, QWidget* parent)
    : QDialog(parent)
    , m_leads(leads)
    , m_fields(LeadMerger::mergeableFields())
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("MergeDialog"));
    setWindowTitle(tr("Merge %n lead(s)", nullptr, static_cast<int>(leads.size())));
    auto* intro = new QLabel(tr("<b>%1</b><br>Choose the lead that stays and, for each field, the value it keeps. "
                                "Tags are combined and every activity moves to the lead that stays. "
                                "You can undo the merge with Ctrl+Z.")
                                 .arg(reason.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("mergeTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("mergeButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(std::min(300 + 260 * static_cast<int>(leads.size()), 1400), 680);
    fill();
}

QString MergeDialog::label(const QString& field)
{
    static const QHash<QString, const char*> labels {
        { QStringLiteral("name"), QT_TR_NOOP("Name") }, { QStringLiteral("company"), QT_TR_NOOP("Company") },
        { QStringLiteral("contact_person"), QT_TR_NOOP("Contact") }, { QStringLiteral("title"), QT_TR_NOOP("Job title") },
        { QStringLiteral("email"), QT_TR_NOOP("Email") }, { QStringLiteral("phone"), QT_TR_NOOP("Phone") },
        { QStringLiteral("website"), QT_TR_NOOP("Website") }, { QStringLiteral("location"), QT_TR_NOOP("Location") },
        { QStringLiteral("status"), QT_TR_NOOP("Stage") }, { QStringLiteral("source"), QT_TR_NOOP("Source") },
        { QStringLiteral("industry"), QT_TR_NOOP("Industry") }, { QStringLiteral("notes"), QT_TR_NOOP("Notes") },
        { QStringLiteral("value_minor"), QT_TR_NOOP("Deal value") }, { QStringLiteral("owner_id"), QT_TR_NOOP("Owner") },
    };
    const char* text = labels.value(field);
    return text ? tr(text) : field;
}

void MergeDialog::fill()
{
    m_table->setColumnCount(static_cast<int>(m_leads.size()));
    QStringList headers;
    for (const Lead& lead : std::as_const(m_leads))
        headers.append(lead.name);
    m_table->setHorizontalHeaderLabels(headers);
    QStringList rows { tr("Keep this lead") };
    for (const QString& field : std::as_const(m_fields))
        rows.append(label(field));
    m_table->setRowCount(static_cast<int>(rows.size()));
    m_table->setVerticalHeaderLabels(rows);

    QList<QJsonObject> values;
    for (const Lead& lead : std::as_const(m_leads))
        values.append(LeadJson::toJson(lead));
    for (int row = 0; row < rows.size(); ++row) {
        auto* group = new QButtonGroup(this);
        m_groups.append(group);
        const QString field = row == 0 ? QString() : m_fields.at(row - 1);
        int chosen = -1;
        for (int column = 0; column < m_leads.size(); ++column) {
            QString text;
            if (row == 0)
                text = tr("Keep (created %1)").arg(QLocale().toString(m_leads.at(column).createdAt.toLocalTime().date(),
                    QLocale::ShortFormat));
            else if (field == QLatin1String("value_minor"))
                text = m_leads.at(column).valueMinor
                    ? Money::format(m_leads.at(column).valueMinor, m_leads.at(column).currency)
                    : QString();
            else
                text = values.at(column).value(field).toVariant().toString();
            auto* button = new QRadioButton(text.left(120), m_table);
            button->setObjectName(QStringLiteral("choice_%1_%2").arg(row == 0 ? QStringLiteral("master") : field).arg(column));
            button->setToolTip(text.left(2000));
            group->addButton(button, column);
            m_table->setCellWidget(row, column, button);
            if (chosen < 0 && (row == 0 || !text.isEmpty()))
                chosen = column; // the oldest lead, or the first that has a value
        }
        if (chosen >= 0)
            group->button(chosen)->setChecked(true);
        if (row == 0)
            connect(group, &QButtonGroup::idClicked, this, [this] { applyDefaults(); });
        else
            connect(group, &QButtonGroup::idClicked, this, [this, field] { m_touched.insert(field); });
    }
    m_values = values;
    applyDefaults();
    m_table->resizeRowsToContents();
}

void MergeDialog::applyDefaults()
{
    // What the merge does with a field nobody chose: the master's value, or the first other value if it has none
    // (notes: all different notes joined).
    const int master = std::max(0, m_groups.first()->checkedId());
    for (int i = 0; i < m_fields.size(); ++i) {
        const QString& field = m_fields.at(i);
        if (m_touched.contains(field))
            continue;
        int column = master;
        if (m_values.at(master).value(field).toVariant().toString().isEmpty()) {
            for (int other = 0; other < m_values.size(); ++other) {
                if (other != master && !m_values.at(other).value(field).toVariant().toString().isEmpty()) {
                    column = other;
                    break;
                }
            }
        }
        m_groups.at(i + 1)->button(column)->setChecked(true);
    }
}

void MergeDialog::setMaster(int column)
{
    m_groups.first()->button(column)->setChecked(true);
    applyDefaults();
}

void MergeDialog::choose(const QString& field, int column)
{
    const qsizetype row = m_fields.indexOf(field);
    if (row < 0)
        return;
    m_groups.at(row + 1)->button(column)->setChecked(true);
    m_touched.insert(field);
}

MergeRequest MergeDialog::request() const
{
    MergeRequest request;
    const int master = std::max(0, m_groups.first()->checkedId());
    request.masterId = m_leads.at(master).id;
    for (int column = 0; column < m_leads.size(); ++column) {
        if (column != master)
            request.duplicateIds.append(m_leads.at(column).id);
    }
    for (int i = 0; i < m_fields.size(); ++i) {
        const int column = m_groups.at(i + 1)->checkedId();
        if (column >= 0 && m_touched.contains(m_fields.at(i)))
            request.fieldChoices.insert(m_fields.at(i), m_leads.at(column).id);
    }
    return request;
}

QString MergeDialog::masterName() const
{
    return m_leads.at(std::max(0, m_groups.first()->checkedId())).name;
}
