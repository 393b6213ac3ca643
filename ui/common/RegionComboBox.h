#pragma once

#include <QComboBox>

// Countries libphonenumber knows, by name, holding their two-letter region code.
class RegionComboBox : public QComboBox
{
    Q_OBJECT

public:
    explicit RegionComboBox(QWidget* parent = nullptr);
    QString region() const { return currentData().toString(); }
    void setRegion(const QString& region);
};
