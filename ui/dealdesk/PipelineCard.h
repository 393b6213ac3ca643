#pragma once

#include <QAbstractButton>
#include <QColor>

// One clickable group of the Deal Desk pipeline: a caption, a big count and the money in it. Checkable; a checked
// card is the list's active filter.
class PipelineCard : public QAbstractButton
{
    Q_OBJECT

public:
    PipelineCard(const QString& caption, const QColor& accent, QWidget* parent = nullptr);

    void setFigures(int count, const QString& amount);
    int count() const { return m_count; }
    QString amount() const { return m_amount; }
    QString caption() const { return m_caption; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QString m_caption;
    QColor m_accent;
    int m_count = 0;
    QString m_amount;
    bool m_hovered = false;
};
