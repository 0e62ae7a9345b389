// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractScrollArea>
#include <QDateTime>
#include <QPersistentModelIndex>
#include <QPointer>

class QAbstractItemModel;

namespace certdeck::ui {

/// The dashboard's expiry timeline: one row per certificate with a bar from notBefore to notAfter,
/// a "today" line, the planned renewal time (a diamond) and the CA's ARI window (shaded), each bar in
/// the colour of its state. Zooms between 30 days, 90 days and a year; scrolls in time and rows.
///
/// Reads any model that answers CertificateTableModel's roles on column 0 (usually the dashboard's
/// sort/filter proxy, so the timeline shows the table's order). Paints only the rows in view, so
/// 10,000 rows cost what 30 do. Colours follow the palette (light or dark). Keyboard: Up/Down/Page
/// keys move, Enter opens, +/- zoom, Left/Right move in time.
class ExpiryTimelineWidget : public QAbstractScrollArea {
    Q_OBJECT
public:
    enum class Zoom { Days30, Days90, Year };
    Q_ENUM(Zoom)

    explicit ExpiryTimelineWidget(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model);
    [[nodiscard]] QAbstractItemModel* model() const { return m_model; }

    /// The instant "today" stands for (tests and screenshots set it; the dashboard keeps it current).
    void setNow(const QDateTime& now);
    [[nodiscard]] QDateTime now() const { return m_now; }

    void setZoom(Zoom zoom);
    [[nodiscard]] Zoom zoom() const { return m_zoom; }
    [[nodiscard]] static int zoomDays(Zoom zoom);

    [[nodiscard]] int rowHeight() const { return m_rowHeight; }
    [[nodiscard]] int headerHeight() const { return m_headerHeight; }
    [[nodiscard]] int labelWidth() const { return m_labelWidth; }
    /// The model row under a viewport position, or -1.
    [[nodiscard]] int rowAt(const QPoint& viewportPos) const;
    /// Where a model row is drawn, in viewport coordinates (may lie outside the viewport).
    [[nodiscard]] QRect rowRect(int row) const;
    /// The x of an instant in viewport coordinates, and back.
    [[nodiscard]] double xForTime(const QDateTime& t) const;
    [[nodiscard]] QDateTime timeAtX(double x) const;
    /// The first instant shown at the left edge of the chart.
    [[nodiscard]] QDateTime viewStart() const;

    [[nodiscard]] int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);
    /// Scrolls so `row` is visible.
    void ensureRowVisible(int row);

    /// How many rows the last paint drew (the test that only visible rows are painted reads it).
    [[nodiscard]] int lastPaintedRows() const { return m_lastPaintedRows; }

    [[nodiscard]] QSize sizeHint() const override;

Q_SIGNALS:
    /// The user clicked a certificate or pressed Enter on it: open its details. The index is the
    /// model's (column 0).
    void certificateActivated(const QModelIndex& index);
    void currentRowChanged(int row);
    void zoomChanged(certdeck::ui::ExpiryTimelineWidget::Zoom zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateMetrics();
    void updateScrollBars();
    void centreOnToday();
    void modelChanged();
    void paintHeader(QPainter& p, const QRect& chart) const;
    void paintRow(QPainter& p, int row, const QRect& rect, const QRect& chart) const;
    [[nodiscard]] QRect chartRect() const;
    [[nodiscard]] qint64 spanSeconds() const;

    QPointer<QAbstractItemModel> m_model;
    QDateTime m_now;
    QDateTime m_base; ///< the horizontal scroll bar counts hours from here
    Zoom m_zoom = Zoom::Days90;
    int m_rowHeight = 28;
    int m_headerHeight = 40;
    int m_labelWidth = 240;
    int m_currentRow = -1;
    mutable int m_lastPaintedRows = 0;
};

} // namespace certdeck::ui
