#include "ui/sync/RejectedChangesPanel.h"

#include "services/sync/SyncEngine.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

// "Changed: name, notes" / "Deleted" / "Added", from the queued change.
QString whatChanged(const SyncRejectedChange& change)
{
    if (change.op == QLatin1String("delete"))
        return RejectedChangesPanel::tr("Deleted");
    QStringList fields = QJsonDocument::fromJson(change.fields.toUtf8()).object().keys();
    fields.removeAll(QStringLiteral("updated_at"));
    return RejectedChangesPanel::tr("Changed: %1").arg(fields.join(QStringLiteral(", ")));
}
} // namespace

RejectedChangesPanel::RejectedChangesPanel(SyncEngine* engine, QWidget* parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_title(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_dismiss(new QPushButton(tr("&Dismiss"), this))
{
    setObjectName(QStringLiteral("rejectedChangesPanel"));
    m_title->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("rejectedChangesList"));
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_dismiss->setObjectName(QStringLiteral("dismissRejectedButton"));
    connect(m_dismiss, &QPushButton::clicked, this, &RejectedChangesPanel::dismissSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
        [this] { m_dismiss->setEnabled(!m_list->selectedItems().isEmpty()); });
    auto* actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_dismiss);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_list, 1);
    layout->addLayout(actions);
    if (m_engine)
        connect(m_engine, &SyncEngine::rejectedChangesChanged, this, &RejectedChangesPanel::reload);
    reload();
}

void RejectedChangesPanel::reload()
{
    const QList<SyncRejectedChange> changes = m_engine ? m_engine->rejectedChanges() : QList<SyncRejectedChange>();
    m_list->clear();
    for (const SyncRejectedChange& change : changes) {
        auto* item
            = new QListWidgetItem(tr("%1\n%2 · %3")
                                      .arg(change.message, whatChanged(change),
                                          QLocale().toString(change.rejectedAt.toLocalTime(), QLocale::ShortFormat)),
                m_list);
        item->setData(kIdRole, change.id);
        item->setToolTip(change.fields);
    }
    m_title->setText(tr("%n change(s) could not be applied:", nullptr, int(changes.size())));
    m_dismiss->setEnabled(false);
    setVisible(!changes.isEmpty());
}

void RejectedChangesPanel::dismissSelected()
{
    if (!m_engine)
        return;
    for (const QListWidgetItem* item : m_list->selectedItems())
        m_engine->dismissRejected(item->data(kIdRole).toLongLong(), this);
}
