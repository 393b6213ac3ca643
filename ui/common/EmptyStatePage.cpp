#include "ui/common/EmptyStatePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
constexpr int kTextWidth = 480;
}

EmptyStatePage::EmptyStatePage(const QString& iconPath, const QString& title, const QString& text, QWidget* parent)
    : QWidget(parent)
    , m_buttons(new QHBoxLayout)
    , m_layout(new QVBoxLayout(this))
{
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(iconPath).pixmap(56, 56));
    icon->setAlignment(Qt::AlignCenter);
    auto* titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("EmptyStateTitle"));
    titleLabel->setAlignment(Qt::AlignCenter);
    m_text = makeTextLabel(QStringLiteral("EmptyStateText"));
    setText(text);

    m_buttons->addStretch();
    m_buttons->addStretch();
    m_layout->addStretch(2);
    m_layout->addWidget(icon);
    m_layout->addWidget(titleLabel);
    m_layout->addWidget(m_text, 0, Qt::AlignHCenter);
    m_layout->addSpacing(12);
    m_layout->addLayout(m_buttons);
    m_layout->addStretch(3);
}

QPushButton* EmptyStatePage::addButton(const QString& text, const QString& objectName, bool primary, const QIcon& icon)
{
    auto* button = new QPushButton(icon, text, this);
    button->setObjectName(objectName);
    if (primary)
        button->setProperty("primary", true);
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    return button;
}

QLabel* EmptyStatePage::addNote()
{
    QLabel* note = makeTextLabel(QStringLiteral("EmptyStateText"));
    const int stretchIndex = m_layout->count() - 1;
    m_layout->insertSpacing(stretchIndex, 12);
    m_layout->insertWidget(stretchIndex + 1, note, 0, Qt::AlignHCenter);
    return note;
}

void EmptyStatePage::setText(const QString& text)
{
    m_text->setText(text);
    // A wrapped label centred in a layout is given its one-line height unless its width is fixed and its height
    // asked for that width.
    m_text->ensurePolished();
    m_text->setMinimumHeight(m_text->heightForWidth(kTextWidth));
}

QLabel* EmptyStatePage::makeTextLabel(const QString& objectName)
{
    auto* label = new QLabel(this);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setFixedWidth(kTextWidth);
    return label;
}
