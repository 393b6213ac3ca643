#pragma once

#include <QObject>                 // ok: QtCore
#include <QColor>                  // ok: QtGui
#include <QWidget>                 // VIOLATION 1
#include "QDialog"                 // VIOLATION 2
// #include <QMessageBox>          ok: commented out
#include <QtWidgets/QLineEdit>     // VIOLATION 3
#include <QSortFilterProxyModel>   // ok: QtCore
