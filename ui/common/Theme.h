#pragma once

#include <QColor>
#include <QHash>
#include <QObject>

class QApplication;

// Light and dark look following the system: a palette for native widgets plus QSS built from one colour table.
class Theme : public QObject
{
    Q_OBJECT

public:
    static Theme* instance();
    void apply(QApplication* app);
    bool isDark() const { return m_dark; }
    QColor color(const QString& name) const { return m_colors.value(name); }

signals:
    void changed();

private:
    explicit Theme(QObject* parent = nullptr);
    bool systemPrefersDark() const;
    void load(bool dark);

    QHash<QString, QColor> m_colors;
    bool m_dark = false;
    QApplication* m_app = nullptr;
};
