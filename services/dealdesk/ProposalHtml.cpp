#include "services/dealdesk/ProposalHtml.h"

#include <QRegularExpression>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>
#include <QTextList>

namespace {
enum class ListKind { None, Bullet, Numbered };

// Bold and italic markers inside one line of already escaped text.
QString inlineMarkup(QString escaped)
{
    static const QRegularExpression bold(QStringLiteral("\\*\\*(\\S(?:.*?\\S)?)\\*\\*"));
    static const QRegularExpression boldUnderscore(QStringLiteral("(?<!\\w)__(\\S(?:.*?\\S)?)__(?!\\w)"));
    static const QRegularExpression italic(QStringLiteral("(?<![\\w*])\\*(\\S(?:.*?\\S)?)\\*(?![\\w*])"));
    static const QRegularExpression italicUnderscore(QStringLiteral("(?<!\\w)_(\\S(?:.*?\\S)?)_(?!\\w)"));
    escaped.replace(bold, QStringLiteral("<b>\\1</b>"));
    escaped.replace(boldUnderscore, QStringLiteral("<b>\\1</b>"));
    escaped.replace(italic, QStringLiteral("<i>\\1</i>"));
    escaped.replace(italicUnderscore, QStringLiteral("<i>\\1</i>"));
    return escaped;
}

QString listTag(ListKind kind)
{
    return kind == ListKind::Numbered ? QStringLiteral("ol") : QStringLiteral("ul");
}

// Collects lines into paragraphs and lists and writes them out.
class MarkdownWriter
{
public:
    void paragraphLine(const QString& text)
    {
        closeList();
        m_paragraph.append(inlineMarkup(text.toHtmlEscaped()));
    }

    void heading(const QString& text)
    {
        closeBlocks();
        m_html += QStringLiteral("<p><b>") + inlineMarkup(text.toHtmlEscaped()) + QStringLiteral("</b></p>");
    }

    void listItem(ListKind kind, const QString& text)
    {
        closeParagraph();
        if (m_list != kind) {
            closeList();
            m_html += QLatin1Char('<') + listTag(kind) + QLatin1Char('>');
            m_list = kind;
        }
        m_html += QStringLiteral("<li>") + inlineMarkup(text.toHtmlEscaped()) + QStringLiteral("</li>");
    }

    void closeBlocks()
    {
        closeParagraph();
        closeList();
    }

    QString html() const { return m_html; }

private:
    void closeParagraph()
    {
        if (m_paragraph.isEmpty())
            return;
        m_html += QStringLiteral("<p>") + m_paragraph.join(QStringLiteral("<br/>")) + QStringLiteral("</p>");
        m_paragraph.clear();
    }

    void closeList()
    {
        if (m_list == ListKind::None)
            return;
        m_html += QStringLiteral("</") + listTag(m_list) + QLatin1Char('>');
        m_list = ListKind::None;
    }

    QString m_html;
    QStringList m_paragraph;
    ListKind m_list = ListKind::None;
};

QString fragmentHtml(const QTextFragment& fragment)
{
    QString text = fragment.text().toHtmlEscaped();
    text.replace(QChar::LineSeparator, QStringLiteral("<br/>"));
    text.replace(QChar::Nbsp, QStringLiteral("&nbsp;"));
    const QTextCharFormat format = fragment.charFormat();
    if (format.fontUnderline())
        text = QStringLiteral("<u>") + text + QStringLiteral("</u>");
    if (format.fontItalic())
        text = QStringLiteral("<i>") + text + QStringLiteral("</i>");
    if (format.fontWeight() >= QFont::DemiBold)
        text = QStringLiteral("<b>") + text + QStringLiteral("</b>");
    return text;
}

QString blockHtml(const QTextBlock& block)
{
    QString html;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        if (it.fragment().isValid())
            html += fragmentHtml(it.fragment());
    }
    return html;
}

ListKind listKind(const QTextList* list)
{
    if (!list)
        return ListKind::None;
    switch (list->format().style()) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return ListKind::Numbered;
    default:
        return ListKind::Bullet;
    }
}
} // namespace

namespace ProposalHtml {

QString fromMarkdown(const QString& text)
{
    static const QRegularExpression bullet(QStringLiteral("^\\s*[-*•]\\s+(.*)$"));
    static const QRegularExpression numbered(QStringLiteral("^\\s*\\d{1,3}[.)]\\s+(.*)$"));
    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$"));
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    MarkdownWriter writer;
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty()) {
            writer.closeBlocks();
            continue;
        }
        if (const QRegularExpressionMatch match = heading.match(line); match.hasMatch())
            writer.heading(match.captured(1));
        else if (const QRegularExpressionMatch item = bullet.match(line); item.hasMatch())
            writer.listItem(ListKind::Bullet, item.captured(1).trimmed());
        else if (const QRegularExpressionMatch step = numbered.match(line); step.hasMatch())
            writer.listItem(ListKind::Numbered, step.captured(1).trimmed());
        else
            writer.paragraphLine(line.trimmed());
    }
    writer.closeBlocks();
    return writer.html();
}

QString fromDocument(const QTextDocument& document)
{
    QString html;
    const QTextList* openList = nullptr;
    ListKind openKind = ListKind::None;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QTextList* list = block.textList();
        if (list != openList && openList) {
            html += QStringLiteral("</") + listTag(openKind) + QLatin1Char('>');
            openList = nullptr;
        }
        const QString content = blockHtml(block);
        if (list) {
            if (!openList) {
                openList = list;
                openKind = listKind(list);
                html += QLatin1Char('<') + listTag(openKind) + QLatin1Char('>');
            }
            html += QStringLiteral("<li>") + content + QStringLiteral("</li>");
        } else if (!block.text().trimmed().isEmpty()) {
            html += QStringLiteral("<p>") + content + QStringLiteral("</p>");
        }
    }
    if (openList)
        html += QStringLiteral("</") + listTag(openKind) + QLatin1Char('>');
    return html;
}

QString toPlainText(const QString& html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

} // namespace ProposalHtml
