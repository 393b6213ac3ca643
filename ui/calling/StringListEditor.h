#pragma once

#include <QWidget>

class QListWidget;
class QToolButton;

// An ordered list of short texts (talking points, qualifying questions): add, edit in place, remove, move up/down.
// Child widgets are named <objectName>List, <objectName>Add, <objectName>Remove, <objectName>Up, <objectName>Down.
class StringListEditor : public QWidget
{
    Q_OBJECT

public:
    StringListEditor(const QString& objectName, const QString& addLabel, const QString& placeholder,
        QWidget* parent = nullptr);

    QStringList values() const;
    void setValues(const QStringList& values);
    QListWidget* list() const { return m_list; }
    void addEntry(const QString& text = {});
    void removeCurrent();
    void moveCurrent(int delta);

signals:
    void changed();

private:
    void updateButtons();

    QListWidget* m_list;
    QToolButton* m_remove;
    QToolButton* m_up;
    QToolButton* m_down;
    QString m_placeholder;
};
