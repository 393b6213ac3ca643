# Layering check, run as: cmake -DSOURCE_DIR=<repo> [-DEXPECT_VIOLATIONS=N] -P check_layering.cmake
#
#  * models/ and services/ must not include QtWidgets (any <QtWidgets...> header or a QtWidgets class header).
#  * ui/ must not contain SQL in string literals ("SELECT ..., "INSERT INTO, "UPDATE ..., "DELETE FROM) and must
#    not use QNetworkAccessManager: storage and network belong in services/.
#
# Without EXPECT_VIOLATIONS the script fails on any violation; with it, it fails unless exactly that many are found
# (used by the layering_selftest test on a fixture tree).
cmake_minimum_required(VERSION 3.21)

if(NOT SOURCE_DIR OR NOT IS_DIRECTORY "${SOURCE_DIR}")
    message(FATAL_ERROR "check_layering: SOURCE_DIR is not a directory: '${SOURCE_DIR}'")
endif()

# Every public class header of QtWidgets in Qt 6 (QAction, QShortcut, QUndoStack live in QtGui since Qt 6).
set(WIDGET_HEADERS
    QAbstractButton QAbstractGraphicsShapeItem QAbstractItemDelegate QAbstractItemView QAbstractScrollArea
    QAbstractSlider QAbstractSpinBox QAccessibleWidget QApplication QBoxLayout QButtonGroup QCalendarWidget
    QCheckBox QColorDialog QColormap QColumnView QComboBox QCommandLinkButton QCommonStyle QCompleter
    QDataWidgetMapper QDateEdit QDateTimeEdit QDial QDialog QDialogButtonBox QDockWidget QDoubleSpinBox
    QErrorMessage QFileDialog QFileIconProvider QFocusFrame QFontComboBox QFontDialog QFormLayout QFrame QGesture
    QGestureEvent QGestureRecognizer QGraphicsAnchor QGraphicsAnchorLayout QGraphicsBlurEffect
    QGraphicsColorizeEffect QGraphicsDropShadowEffect QGraphicsEffect QGraphicsEllipseItem QGraphicsGridLayout
    QGraphicsItem QGraphicsItemAnimation QGraphicsItemGroup QGraphicsLayout QGraphicsLayoutItem QGraphicsLineItem
    QGraphicsLinearLayout QGraphicsObject QGraphicsOpacityEffect QGraphicsPathItem QGraphicsPixmapItem
    QGraphicsPolygonItem QGraphicsProxyWidget QGraphicsRectItem QGraphicsRotation QGraphicsScale QGraphicsScene
    QGraphicsSceneContextMenuEvent QGraphicsSceneDragDropEvent QGraphicsSceneEvent QGraphicsSceneHelpEvent
    QGraphicsSceneHoverEvent QGraphicsSceneMouseEvent QGraphicsSceneMoveEvent QGraphicsSceneResizeEvent
    QGraphicsSceneWheelEvent QGraphicsSimpleTextItem QGraphicsTextItem QGraphicsTransform QGraphicsView
    QGraphicsWidget QGridLayout QGroupBox QHBoxLayout QHeaderView QInputDialog QItemDelegate QItemEditorCreator
    QItemEditorCreatorBase QItemEditorFactory QKeySequenceEdit QLCDNumber QLabel QLayout QLayoutItem QLineEdit
    QListView QListWidget QListWidgetItem QMainWindow QMdiArea QMdiSubWindow QMenu QMenuBar QMessageBox QPanGesture
    QPinchGesture QPlainTextDocumentLayout QPlainTextEdit QProgressBar QProgressDialog QProxyStyle QPushButton
    QRadioButton QRubberBand QScrollArea QScrollBar QScroller QScrollerProperties QSizeGrip QSizePolicy QSlider
    QSpacerItem QSpinBox QSplashScreen QSplitter QSplitterHandle QStackedLayout QStackedWidget
    QStandardItemEditorCreator QStatusBar QStyle QStyleFactory QStyleHintReturn QStyleHintReturnMask
    QStyleHintReturnVariant QStyleOption QStyleOptionButton QStyleOptionComboBox QStyleOptionComplex
    QStyleOptionDockWidget QStyleOptionFocusRect QStyleOptionFrame QStyleOptionGraphicsItem QStyleOptionGroupBox
    QStyleOptionHeader QStyleOptionHeaderV2 QStyleOptionMenuItem QStyleOptionProgressBar QStyleOptionRubberBand
    QStyleOptionSizeGrip QStyleOptionSlider QStyleOptionSpinBox QStyleOptionTab QStyleOptionTabBarBase
    QStyleOptionTabWidgetFrame QStyleOptionTitleBar QStyleOptionToolBar QStyleOptionToolBox QStyleOptionToolButton
    QStyleOptionViewItem QStylePainter QStylePlugin QStyledItemDelegate QSwipeGesture QSystemTrayIcon QTabBar
    QTabWidget QTableView QTableWidget QTableWidgetItem QTableWidgetSelectionRange QTapAndHoldGesture QTapGesture
    QTextBrowser QTextEdit QTileRules QTimeEdit QToolBar QToolBox QToolButton QToolTip QTreeView QTreeWidget
    QTreeWidgetItem QTreeWidgetItemIterator QUndoView QVBoxLayout QWhatsThis QWidget QWidgetAction QWidgetData
    QWidgetItem QWidgetItemV2 QWizard QWizardPage
)

set(violations "")
set(source_globs *.h *.hpp *.hh *.cpp *.cc *.cxx *.mm)

function(hub_glob out dir)
    set(patterns "")
    foreach(glob IN LISTS source_globs)
        list(APPEND patterns "${SOURCE_DIR}/${dir}/${glob}")
    endforeach()
    file(GLOB_RECURSE files LIST_DIRECTORIES false ${patterns})
    list(SORT files)
    set(${out} "${files}" PARENT_SCOPE)
endfunction()

# Reads a file as a CMake list of lines. ';', '[' and ']' would split or glue list elements, so they are replaced
# by placeholders here and restored by hub_restore() for messages.
function(hub_read_lines out file)
    file(READ "${file}" content)
    string(REPLACE ";" "<sc>" content "${content}")
    string(REPLACE "[" "<lb>" content "${content}")
    string(REPLACE "]" "<rb>" content "${content}")
    string(REPLACE "\r" "" content "${content}")
    string(REPLACE "\n" ";" content "${content}")
    set(${out} "${content}" PARENT_SCOPE)
endfunction()

function(hub_restore out text)
    string(REPLACE "<sc>" ";" text "${text}")
    string(REPLACE "<lb>" "[" text "${text}")
    string(REPLACE "<rb>" "]" text "${text}")
    string(STRIP "${text}" text)
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# models/ and services/: no QtWidgets includes.
foreach(layer models services)
    hub_glob(files ${layer})
    foreach(file IN LISTS files)
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
        hub_read_lines(lines "${file}")
        set(number 0)
        foreach(line IN LISTS lines)
            math(EXPR number "${number} + 1")
            if(NOT line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]")
                continue()
            endif()
            if(line MATCHES "#[ \t]*include[ \t]*[<\"]QtWidgets([/>\"]|$)")
                list(APPEND violations "${rel}:${number}: QtWidgets include in ${layer}/: ${line}")
            elseif(line MATCHES "#[ \t]*include[ \t]*[<\"](Q[A-Za-z0-9]+)(\\.h)?[>\"]")
                set(header "${CMAKE_MATCH_1}")
                if(header IN_LIST WIDGET_HEADERS)
                    list(APPEND violations "${rel}:${number}: QtWidgets class header <${header}> in ${layer}/: ${line}")
                endif()
            endif()
        endforeach()
    endforeach()
endforeach()

# ui/: no SQL in string literals, no direct network access.
hub_glob(files ui)
foreach(file IN LISTS files)
    file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
    hub_read_lines(lines "${file}")
    set(number 0)
    foreach(line IN LISTS lines)
        math(EXPR number "${number} + 1")
        if(line MATCHES "\"[ \t]*(SELECT[ \t]|INSERT[ \t]+INTO|UPDATE[ \t]|DELETE[ \t]+FROM)")
            list(APPEND violations "${rel}:${number}: SQL in ui/ (move it to a repository in services/): ${line}")
        endif()
        if(line MATCHES "QNetworkAccessManager")
            list(APPEND violations
                "${rel}:${number}: QNetworkAccessManager in ui/ (network access belongs in services/): ${line}")
        endif()
    endforeach()
endforeach()

list(LENGTH violations count)
foreach(violation IN LISTS violations)
    hub_restore(text "${violation}")
    message("layering violation: ${text}")
endforeach()

if(DEFINED EXPECT_VIOLATIONS)
    if(NOT count EQUAL EXPECT_VIOLATIONS)
        message(FATAL_ERROR "check_layering self-test: expected ${EXPECT_VIOLATIONS} violations, found ${count}")
    endif()
    message(STATUS "check_layering self-test: found the ${count} expected violations")
elseif(count GREATER 0)
    message(FATAL_ERROR "check_layering: ${count} layering violation(s); dependencies must point ui -> services -> models")
else()
    message(STATUS "check_layering: models/, services/ and ui/ respect the layering")
endif()
