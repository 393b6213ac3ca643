#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

// For hub-bench: measures time from process start to the window's first paint and to the leads being loaded,
// then prints one JSON line with those figures and the resident memory, and quits.
class StartupReport : public QObject
{
    Q_OBJECT

public:
    StartupReport(const QElapsedTimer& sinceStart, QWidget* window, QObject* parent = nullptr);
    void leadsReady();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void finishIfReady();
    static double residentMegabytes();

    QElapsedTimer m_sinceStart;
    double m_firstPaintMs = -1;
    double m_leadsReadyMs = -1;
    bool m_done = false;
};
