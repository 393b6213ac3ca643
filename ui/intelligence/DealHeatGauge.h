#pragma once

#include <QWidget>

#include <optional>

// Deal heat 0-100 as a half-circle gauge with the number in the middle, coloured cool / warm / hot like the Kanban
// badge (warm from 40, hot from 70). Shows a dash when the lead was never analysed.
class DealHeatGauge : public QWidget
{
    Q_OBJECT

public:
    explicit DealHeatGauge(QWidget* parent = nullptr);

    void setHeat(std::optional<int> heat);
    std::optional<int> heat() const { return m_heat; }
    // "Hot", "Warm", "Cool" (translated), empty without a heat.
    static QString bandLabel(int heat);
    static QString colorName(int heat); // theme colour: heatHot, heatWarm, heatCool

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<int> m_heat;
};
