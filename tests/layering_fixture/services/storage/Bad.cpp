#include "services/storage/Bad.h" // ok
#include <QtWidgets>              // VIOLATION 4
  #  include <QApplication>      // VIOLATION 5
#include <QAction>                // ok: QtGui in Qt 6
#include <QSqlQuery>              // ok: services may talk SQL
static const char* kSql = "SELECT id FROM leads WHERE x = [1]; -- ok in services";
