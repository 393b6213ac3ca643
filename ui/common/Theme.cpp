#include "ui/common/Theme.h"

#include <QApplication>
#include <QFile>
#include <QPalette>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>

Theme::Theme(QObject* parent)
    : QObject(parent)
{
}

Theme* Theme::instance()
{
    static Theme* theme = new Theme(qApp);
    return theme;
}

bool Theme::systemPrefersDark() const
{
    const QByteArray forced = qgetenv("BUSINESSHUB_THEME");
    if (!forced.isEmpty())
        return forced == "dark";
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    if (QGuiApplication::styleHints()->colorScheme() != Qt::ColorScheme::Unknown)
        return QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
#endif
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void Theme::apply(QApplication* app)
{
    m_app = app;
    app->setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    load(systemPrefersDark());
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this,
        [this] { load(systemPrefersDark()); });
#endif
}

void Theme::load(bool dark)
{
    m_dark = dark;
    m_colors.clear();
    QFile colors(dark ? QStringLiteral(":/themes/dark.colors") : QStringLiteral(":/themes/light.colors"));
    if (colors.open(QIODevice::ReadOnly | QIODevice::Text)) {
        const QStringList lines = QString::fromUtf8(colors.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq > 0)
                m_colors.insert(line.left(eq).trimmed(), QColor(line.mid(eq + 1).trimmed()));
        }
    }
    QFile base(QStringLiteral(":/themes/base.qss"));
    QString qss;
    if (base.open(QIODevice::ReadOnly | QIODevice::Text))
        qss = QString::fromUtf8(base.readAll());
    static const QRegularExpression placeholder(QStringLiteral("@(\\w+)"));
    QString resolved;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(qss);
    while (it.hasNext()) {
        const auto match = it.next();
        resolved += qss.mid(last, match.capturedStart() - last);
        resolved += m_colors.value(match.captured(1), QColor(Qt::magenta)).name();
        last = match.capturedEnd();
    }
    resolved += qss.mid(last);

    if (m_app) {
        QPalette palette = m_app->style()->standardPalette();
        palette.setColor(QPalette::Window, color(QStringLiteral("canvas")));
        palette.setColor(QPalette::Base, color(QStringLiteral("surface")));
        palette.setColor(QPalette::AlternateBase, color(QStringLiteral("canvas")));
        palette.setColor(QPalette::Text, color(QStringLiteral("text")));
        palette.setColor(QPalette::WindowText, color(QStringLiteral("text")));
        palette.setColor(QPalette::ButtonText, color(QStringLiteral("text")));
        palette.setColor(QPalette::Button, color(QStringLiteral("surface")));
        palette.setColor(QPalette::Highlight, color(QStringLiteral("accent")));
        palette.setColor(QPalette::PlaceholderText, color(QStringLiteral("muted")));
        m_app->setPalette(palette);
        m_app->setStyleSheet(resolved);
    }
    emit changed();
}
