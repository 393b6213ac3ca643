#include "ui/dealdesk/PricingEditor.h"

#include "models/Money.h"
#include "ui/dealdesk/PricingLinesModel.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

PricingEditor::PricingEditor(QWidget* parent)
    : QWidget(parent)
    , m_model(new PricingLinesModel(this))
    , m_table(new QTableView(this))
    , m_message(new QLabel(this))
    , m_subtotal(new QLabel(this))
    , m_tax(new QLabel(this))
    , m_total(new QLabel(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
{
    setObjectName(QStringLiteral("pricingEditor"));
    m_table->setObjectName(QStringLiteral("pricingTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setTabKeyNavigation(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->horizontalHeader()->setSectionResizeMode(PricingLinesModel::Item, QHeaderView::Stretch);
    for (int column : { PricingLinesModel::Quantity, PricingLinesModel::UnitPrice, PricingLinesModel::TaxRate,
             PricingLinesModel::LineTotal }) {
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
        m_table->setColumnWidth(column, column == PricingLinesModel::TaxRate ? 80 : 120);
    }

    m_message->setObjectName(QStringLiteral("FieldError"));
    m_message->setWordWrap(true);
    m_message->hide();

    const auto setup = [](QToolButton* button, const QString& name, const QString& icon, const QString& text,
                           const QString& toolTip) {
        button->setObjectName(name);
        if (!icon.isEmpty())
            button->setIcon(QIcon(icon));
        button->setText(text);
        button->setToolTip(toolTip);
        button->setToolButtonStyle(icon.isEmpty() ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
    };
    setup(m_add, QStringLiteral("addLine"), QStringLiteral(":/icons/plus.svg"), tr("Add line"),
        tr("Add a pricing line (Ctrl+L)"));
    setup(m_remove, QStringLiteral("removeLine"), QStringLiteral(":/icons/trash.svg"), tr("Remove"),
        tr("Remove the chosen line"));
    setup(m_up, QStringLiteral("lineUp"), {}, QStringLiteral("↑"), tr("Move the line up"));
    setup(m_down, QStringLiteral("lineDown"), {}, QStringLiteral("↓"), tr("Move the line down"));
    connect(m_add, &QToolButton::clicked, this, &PricingEditor::addLine);
    connect(m_remove, &QToolButton::clicked, this, &PricingEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    auto* addShortcut = new QAction(this);
    addShortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    addShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(addShortcut, &QAction::triggered, this, &PricingEditor::addLine);
    addAction(addShortcut);
    auto* removeShortcut = new QAction(m_table);
    removeShortcut->setShortcut(QKeySequence::Delete);
    removeShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QAction::triggered, this, &PricingEditor::removeCurrent);
    m_table->addAction(removeShortcut);

    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch();

    m_subtotal->setObjectName(QStringLiteral("subtotalLabel"));
    m_tax->setObjectName(QStringLiteral("taxLabel"));
    m_total->setObjectName(QStringLiteral("totalLabel"));
    QFont totalFont = m_total->font();
    totalFont.setBold(true);
    totalFont.setPointSizeF(totalFont.pointSizeF() * 1.2);
    m_total->setFont(totalFont);
    auto* totals = new QFormLayout;
    totals->setLabelAlignment(Qt::AlignRight);
    totals->setFormAlignment(Qt::AlignRight | Qt::AlignTop);
    for (QLabel* label : { m_subtotal, m_tax, m_total })
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    totals->addRow(tr("Subtotal"), m_subtotal);
    totals->addRow(tr("Tax"), m_tax);
    auto* totalCaption = new QLabel(tr("Total"), this);
    totalCaption->setFont(totalFont);
    totals->addRow(totalCaption, m_total);

    auto* bottom = new QHBoxLayout;
    bottom->addLayout(buttons, 1);
    bottom->addLayout(totals);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(bottom);

    connect(m_model, &PricingLinesModel::linesChanged, this, [this] {
        m_message->hide();
        updateTotals();
        updateButtons();
        emit changed();
    });
    connect(m_model, &PricingLinesModel::inputRejected, this, [this](const QString& message) {
        m_message->setText(message);
        m_message->show();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &PricingEditor::updateButtons);
    updateTotals();
    updateButtons();
}

void PricingEditor::setLines(const QList<PricingLine>& lines)
{
    const QSignalBlocker blocker(this);
    m_model->setLines(lines);
    m_message->hide();
}

QList<PricingLine> PricingEditor::lines() const
{
    return m_model->lines();
}

void PricingEditor::setCurrency(const QString& currency)
{
    m_currency = currency;
    m_model->setCurrency(currency);
    updateTotals();
}

void PricingEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_model->setReadOnly(readOnly);
    updateButtons();
}

void PricingEditor::showErrors(const FieldErrors& errors)
{
    m_model->setErrors(errors);
    QStringList messages;
    for (const FieldError& error : errors) {
        if (error.field == QLatin1String("lines")) {
            messages.append(error.message);
        } else if (error.field.startsWith(QLatin1String("lines."))) {
            const int row = error.field.section(QLatin1Char('.'), 1, 1).toInt();
            messages.append(tr("Line %1: %2").arg(row + 1).arg(error.message));
        }
    }
    m_message->setText(messages.join(QLatin1Char('\n')));
    m_message->setVisible(!messages.isEmpty());
}

void PricingEditor::addLine()
{
    if (m_readOnly)
        return;
    const int row = m_model->addLine();
    const QModelIndex item = m_model->index(row, PricingLinesModel::Item);
    m_table->setCurrentIndex(item);
    m_table->setFocus();
    m_table->edit(item);
}

void PricingEditor::removeCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    if (m_readOnly || !current.isValid())
        return;
    m_model->removeLine(current.row());
}

void PricingEditor::moveCurrent(int delta)
{
    const QModelIndex current = m_table->currentIndex();
    if (m_readOnly || !current.isValid())
        return;
    const int target = current.row() + delta;
    m_model->moveLine(current.row(), target);
    m_table->setCurrentIndex(m_model->index(target, current.column()));
}

void PricingEditor::updateTotals()
{
    const ProposalTotals totals = Proposal::computeTotals(m_model->lines());
    if (totals.overflow) {
        for (QLabel* label : { m_subtotal, m_tax, m_total })
            label->setText(tr("Too large"));
        return;
    }
    m_subtotal->setText(Money::format(totals.subtotalMinor, m_currency, true));
    m_tax->setText(Money::format(totals.taxMinor, m_currency, true));
    m_total->setText(Money::format(totals.totalMinor, m_currency, true));
}

void PricingEditor::updateButtons()
{
    const QModelIndex current = m_table->currentIndex();
    const int rows = m_model->rowCount();
    m_add->setEnabled(!m_readOnly);
    m_remove->setEnabled(!m_readOnly && current.isValid());
    m_up->setEnabled(!m_readOnly && current.isValid() && current.row() > 0);
    m_down->setEnabled(!m_readOnly && current.isValid() && current.row() < rows - 1);
}
