#pragma once

#include "models/Proposal.h"

#include <QWidget>

class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTextEdit;
class QToolButton;

// The proposal's sections: a list to add, remove and reorder them, and for the chosen one its title and a rich
// text body with bold, italic and list buttons. Bodies are kept in ProposalHtml's small subset.
class SectionsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit SectionsEditor(QWidget* parent = nullptr);

    void setSections(const QList<ProposalSection>& sections);
    // Sections as edited; ones with neither title nor text are left out.
    QList<ProposalSection> sections() const;
    void setReadOnly(bool readOnly);

    int addSection(const QString& title = {});
    void removeCurrent();
    void moveCurrent(int delta);
    void setCurrent(int row);

    QListWidget* list() const { return m_list; }
    QLineEdit* titleEdit() const { return m_title; }
    QTextEdit* bodyEdit() const { return m_body; }

signals:
    void changed();

private:
    void commitCurrent();
    void showCurrent();
    void toggleBold();
    void toggleItalic();
    void toggleList(bool numbered);
    void updateButtons();
    QToolButton* formatButton(
        const QString& objectName, const QString& text, const QString& toolTip, const QKeySequence& shortcut);

    QList<ProposalSection> m_sections;
    int m_current = -1;
    bool m_loading = false;
    bool m_readOnly = false;
    QListWidget* m_list;
    QStackedWidget* m_pages;
    QLineEdit* m_title;
    QTextEdit* m_body;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_up;
    QToolButton* m_down;
    QList<QToolButton*> m_formatButtons;
};
