#pragma once

#include <QToolButton>

class NotificationCenter;

// The bell in the header: unread count, recent notifications in a menu, "Mark all as read".
class NotificationBell : public QToolButton
{
    Q_OBJECT

public:
    NotificationBell(NotificationCenter* center, QWidget* parent = nullptr);
    int unreadCount() const { return m_unread; }
    void reload();

signals:
    void leadRequested(const QString& leadId);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    NotificationCenter* m_center;
    int m_unread = 0;
};
