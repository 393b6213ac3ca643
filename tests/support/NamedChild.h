#pragma once

#include <QLineEdit>
#include <QObject>
#include <QString>
#include <QTest>
#include <QWidget>

namespace HubTest {

// The child of parent with this object name; a missing one is reported by name (the caller's QVERIFY then fails).
template <typename T> T* child(QObject* parent, const char* name)
{
    T* object = parent->findChild<T*>(QString::fromLatin1(name));
    if (!object)
        qWarning("no child named %s", name);
    return object;
}

// Replaces the text of the line edit with this object name as a user would: select all, erase, type.
inline void retype(QWidget* parent, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(parent, name);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

} // namespace HubTest
