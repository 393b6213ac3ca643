#pragma once

#include <QIcon>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

// The page a view shows while it has nothing to show: an icon, a title, what to do, and buttons that do it.
class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    EmptyStatePage(const QString& iconPath, const QString& title, const QString& text, QWidget* parent = nullptr);

    // Adds a button to the centred row; a primary one is drawn as the main action.
    QPushButton* addButton(const QString& text, const QString& objectName, bool primary = false, const QIcon& icon = {});
    // Adds a wrapped line of muted text under the buttons, for the view to fill in.
    QLabel* addNote();
    void setText(const QString& text);

private:
    QLabel* makeTextLabel(const QString& objectName);

    QLabel* m_text;
    QHBoxLayout* m_buttons;
    QVBoxLayout* m_layout;
};
