#include "ui/dealdesk/SectionsEditor.h"

#include "services/dealdesk/ProposalHtml.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

SectionsEditor::SectionsEditor(QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_title(new QLineEdit(this))
    , m_body(new QTextEdit(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
{
    setObjectName(QStringLiteral("sectionsEditor"));
    m_list->setObjectName(QStringLiteral("sectionList"));
    m_list->setMaximumWidth(220);
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_title->setPlaceholderText(tr("Section title, e.g. Scope or Timeline"));
    m_body->setObjectName(QStringLiteral("sectionBody"));
    m_body->setPlaceholderText(tr("What you will do, how, and when. Use the buttons above for bold, italic and "
                                  "lists."));
    m_body->setAcceptRichText(true);
    m_body->setTabChangesFocus(true);

    const auto setup = [](QToolButton* button, const QString& name, const QString& icon, const QString& text,
                           const QString& toolTip) {
        button->setObjectName(name);
        if (!icon.isEmpty())
            button->setIcon(QIcon(icon));
        button->setText(text);
        button->setToolTip(toolTip);
        button->setToolButtonStyle(icon.isEmpty() ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
    };
    setup(m_add, QStringLiteral("addSection"), QStringLiteral(":/icons/plus.svg"), tr("Add"), tr("Add a section"));
    setup(m_remove, QStringLiteral("removeSection"), QStringLiteral(":/icons/trash.svg"), tr("Remove"),
        tr("Remove the chosen section"));
    setup(m_up, QStringLiteral("sectionUp"), {}, QStringLiteral("↑"), tr("Move the section up"));
    setup(m_down, QStringLiteral("sectionDown"), {}, QStringLiteral("↓"), tr("Move the section down"));
    connect(m_add, &QToolButton::clicked, this, [this] { addSection(); });
    connect(m_remove, &QToolButton::clicked, this, &SectionsEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });

    auto* listButtons = new QHBoxLayout;
    listButtons->setSpacing(2);
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    listButtons->addStretch();
    listButtons->addWidget(m_up);
    listButtons->addWidget(m_down);
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto* toolbar = new QHBoxLayout;
    toolbar->setSpacing(2);
    QToolButton* bold = formatButton(QStringLiteral("sectionBold"), tr("B"), tr("Bold (Ctrl+B)"), QKeySequence::Bold);
    QFont boldFont = bold->font();
    boldFont.setBold(true);
    bold->setFont(boldFont);
    QToolButton* italic
        = formatButton(QStringLiteral("sectionItalic"), tr("I"), tr("Italic (Ctrl+I)"), QKeySequence::Italic);
    QFont italicFont = italic->font();
    italicFont.setItalic(true);
    italic->setFont(italicFont);
    QToolButton* bullets = formatButton(QStringLiteral("sectionBullets"), tr("• List"), tr("Bulleted list"), {});
    QToolButton* numbered = formatButton(QStringLiteral("sectionNumbered"), tr("1. List"), tr("Numbered list"), {});
    connect(bold, &QToolButton::clicked, this, &SectionsEditor::toggleBold);
    connect(italic, &QToolButton::clicked, this, &SectionsEditor::toggleItalic);
    connect(bullets, &QToolButton::clicked, this, [this] { toggleList(false); });
    connect(numbered, &QToolButton::clicked, this, [this] { toggleList(true); });
    for (QToolButton* button : { bold, italic, bullets, numbered })
        toolbar->addWidget(button);
    toolbar->addStretch();

    auto* editorPage = new QWidget(this);
    auto* editor = new QVBoxLayout(editorPage);
    editor->setContentsMargins(0, 0, 0, 0);
    editor->addWidget(m_title);
    editor->addLayout(toolbar);
    editor->addWidget(m_body, 1);

    auto* emptyPage = new QLabel(tr("No sections yet. Click Add to write one, such as a summary, the scope or the "
                                    "timeline."),
        this);
    emptyPage->setObjectName(QStringLiteral("EmptyStateText"));
    emptyPage->setWordWrap(true);
    emptyPage->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(emptyPage);
    m_pages->addWidget(editorPage);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left);
    layout->addWidget(m_pages, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading || row == m_current)
            return;
        commitCurrent();
        m_current = row;
        showCurrent();
    });
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString& text) {
        if (m_current < 0)
            return;
        m_sections[m_current].title = text;
        if (QListWidgetItem* item = m_list->item(m_current))
            item->setText(text.trimmed().isEmpty() ? tr("(untitled)") : text);
        emit changed();
    });
    connect(m_body, &QTextEdit::textChanged, this, [this] {
        if (!m_loading && m_current >= 0)
            emit changed();
    });
    showCurrent();
}

QToolButton* SectionsEditor::formatButton(
    const QString& objectName, const QString& text, const QString& toolTip, const QKeySequence& shortcut)
{
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setFocusPolicy(Qt::NoFocus);
    if (!shortcut.isEmpty()) {
        auto* action = new QAction(button);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, button, &QToolButton::click);
        m_body->addAction(action);
    }
    m_formatButtons.append(button);
    return button;
}

void SectionsEditor::setSections(const QList<ProposalSection>& sections)
{
    m_loading = true;
    m_sections = sections;
    m_list->clear();
    for (const ProposalSection& section : sections)
        m_list->addItem(section.title.trimmed().isEmpty() ? tr("(untitled)") : section.title);
    m_current = sections.isEmpty() ? -1 : 0;
    m_list->setCurrentRow(m_current);
    m_loading = false;
    showCurrent();
}

QList<ProposalSection> SectionsEditor::sections() const
{
    QList<ProposalSection> result;
    for (int i = 0; i < m_sections.size(); ++i) {
        ProposalSection section = m_sections.at(i);
        if (i == m_current) {
            section.title = m_title->text();
            section.html = ProposalHtml::fromDocument(*m_body->document());
        }
        section.title = section.title.simplified();
        if (section.title.isEmpty() && ProposalHtml::toPlainText(section.html).trimmed().isEmpty())
            continue;
        result.append(section);
    }
    return result;
}

void SectionsEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_title->setReadOnly(readOnly);
    m_body->setReadOnly(readOnly);
    updateButtons();
}

void SectionsEditor::commitCurrent()
{
    if (m_current < 0 || m_current >= m_sections.size())
        return;
    m_sections[m_current].title = m_title->text();
    m_sections[m_current].html = ProposalHtml::fromDocument(*m_body->document());
}

void SectionsEditor::showCurrent()
{
    const bool has = m_current >= 0 && m_current < m_sections.size();
    m_pages->setCurrentIndex(has ? 1 : 0);
    m_loading = true;
    m_title->setText(has ? m_sections.at(m_current).title : QString());
    m_body->setHtml(has ? m_sections.at(m_current).html : QString());
    m_loading = false;
    updateButtons();
}

void SectionsEditor::updateButtons()
{
    const bool has = m_current >= 0;
    m_add->setEnabled(!m_readOnly);
    m_remove->setEnabled(!m_readOnly && has);
    m_up->setEnabled(!m_readOnly && m_current > 0);
    m_down->setEnabled(!m_readOnly && has && m_current < m_sections.size() - 1);
    for (QToolButton* button : std::as_const(m_formatButtons))
        button->setEnabled(!m_readOnly && has);
}

int SectionsEditor::addSection(const QString& title)
{
    commitCurrent();
    m_sections.append({ title, {} });
    m_loading = true;
    m_list->addItem(title.isEmpty() ? tr("(untitled)") : title);
    m_current = static_cast<int>(m_sections.size()) - 1;
    m_list->setCurrentRow(m_current);
    m_loading = false;
    showCurrent();
    m_title->setFocus();
    emit changed();
    return m_current;
}

void SectionsEditor::removeCurrent()
{
    if (m_current < 0)
        return;
    m_loading = true;
    m_sections.removeAt(m_current);
    delete m_list->takeItem(m_current);
    m_current = std::min(m_current, static_cast<int>(m_sections.size()) - 1);
    m_list->setCurrentRow(m_current);
    m_loading = false;
    showCurrent();
    emit changed();
}

void SectionsEditor::moveCurrent(int delta)
{
    const int target = m_current + delta;
    if (m_current < 0 || target < 0 || target >= m_sections.size())
        return;
    commitCurrent();
    m_loading = true;
    m_sections.move(m_current, target);
    QListWidgetItem* item = m_list->takeItem(m_current);
    m_list->insertItem(target, item);
    m_current = target;
    m_list->setCurrentRow(target);
    m_loading = false;
    updateButtons();
    emit changed();
}

void SectionsEditor::setCurrent(int row)
{
    m_list->setCurrentRow(row);
}

void SectionsEditor::toggleBold()
{
    QTextCharFormat format;
    format.setFontWeight(m_body->fontWeight() >= QFont::DemiBold ? QFont::Normal : QFont::Bold);
    m_body->mergeCurrentCharFormat(format);
    m_body->setFocus();
}

void SectionsEditor::toggleItalic()
{
    QTextCharFormat format;
    format.setFontItalic(!m_body->fontItalic());
    m_body->mergeCurrentCharFormat(format);
    m_body->setFocus();
}

void SectionsEditor::toggleList(bool numbered)
{
    QTextCursor cursor = m_body->textCursor();
    const QTextListFormat::Style style = numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc;
    cursor.beginEditBlock();
    if (QTextList* list = cursor.currentList(); list && list->format().style() == style) {
        // Same list again: back to plain paragraphs.
        QTextBlockFormat block = cursor.blockFormat();
        list->remove(cursor.block());
        block.setIndent(0);
        block.setObjectIndex(-1);
        cursor.setBlockFormat(block);
    } else if (list) {
        QTextListFormat format = list->format();
        format.setStyle(style);
        list->setFormat(format);
    } else {
        cursor.createList(style);
    }
    cursor.endEditBlock();
    m_body->setFocus();
}
