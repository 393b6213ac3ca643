#pragma once

#include <QDialog>

class QComboBox;

// Edit → Preferences: settings that are not secrets (stored with QSettings).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    void accept() override;
    QComboBox* regionCombo() const { return m_region; }

private:
    QComboBox* m_region;
};
