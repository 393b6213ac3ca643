#pragma once

#include <QDialog>

class RegionComboBox;

// Edit → Preferences: settings that are not secrets (stored with QSettings).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override;
    RegionComboBox* regionCombo() const { return m_region; }

private:
    RegionComboBox* m_region;
};
