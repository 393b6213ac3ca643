#pragma once

#include <QString>

class QTextDocument;

// The small HTML subset proposal sections are stored in: paragraphs, line breaks, bullet and numbered lists, bold,
// italic and underline. Everything else (fonts, sizes, colours, pasted styles) is dropped so that every section looks
// the same in the editor and in the exported PDF. All text is escaped.
namespace ProposalHtml {

// Plain text with light Markdown (blank-line paragraphs, "- " / "1. " lists, "# " headings, **bold**, *italic*),
// as language models write it.
QString fromMarkdown(const QString& text);

// What the rich text editor holds.
QString fromDocument(const QTextDocument& document);

// The text without markup, e.g. to check that a section says anything at all.
QString toPlainText(const QString& html);

} // namespace ProposalHtml
