#include "ui/shell/NotificationBell.h"

#include "services/leads/NotificationCenter.h"
#include "ui/common/Theme.h"

#include <QLocale>
#include <QMenu>
#include <QPainter>

NotificationBell::NotificationBell(NotificationCenter* center, QWidget* parent)
    : QToolButton(parent)
    , m_center(center)
{
    setObjectName(QStringLiteral("NotificationBell"));
    setIcon(QIcon(QStringLiteral(":/icons/bell.svg")));
    setIconSize(QSize(20, 20));
    setPopupMode(QToolButton::InstantPopup);
    setMenu(new QMenu(this));
    setAccessibleName(tr("Notifications"));
    connect(center, &NotificationCenter::changed, this, &NotificationBell::reload);
}

void NotificationBell::reload()
{
    m_center->load(this, [this](const QList<Notification>& notifications) {
        QMenu* list = menu();
        list->clear();
        m_unread = 0;
        for (const Notification& notification : notifications) {
            if (!notification.read)
                ++m_unread;
            auto* action = list->addAction((notification.read ? QString() : QStringLiteral("● ")) + notification.title
                + QStringLiteral(" — ") + notification.body);
            const QString leadId = notification.leadId;
            connect(action, &QAction::triggered, this, [this, leadId] { emit leadRequested(leadId); });
        }
        if (notifications.isEmpty())
            list->addAction(tr("You're all caught up. Won and lost deals will show up here."))->setEnabled(false);
        else {
            list->addSeparator();
            list->addAction(tr("Mark all as read"), m_center, &NotificationCenter::markAllRead);
        }
        setToolTip(m_unread ? tr("%n unread notification(s)", nullptr, m_unread) : tr("Notifications"));
        update();
    });
}

void NotificationBell::paintEvent(QPaintEvent* event)
{
    QToolButton::paintEvent(event);
    if (m_unread == 0)
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(width() - 16, 2, 14, 14);
    painter.setBrush(Theme::instance()->color(QStringLiteral("danger")));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(badge);
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPointSizeF(7);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(badge, Qt::AlignCenter, m_unread > 9 ? QStringLiteral("9+") : QString::number(m_unread));
}
