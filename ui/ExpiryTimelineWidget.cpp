// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ExpiryTimelineWidget.h"

#include "ui/CertificateTableModel.h"
#include "ui/Formatting.h"

#include <QAbstractItemModel>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace certdeck::ui {

namespace {
// The horizontal scroll range: two years either side of today is more than any certificate spans.
constexpr qint64 kRangeDays = 730;
// Where today sits when the view is (re)centred: a quarter from the left, so most of the view shows
// what is coming.
constexpr double kTodayAt = 0.25;

QColor blend(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}
} // namespace

ExpiryTimelineWidget::ExpiryTimelineWidget(QWidget* parent)
    : QAbstractScrollArea(parent)
    , m_now(QDateTime::currentDateTimeUtc()) {
    setObjectName(QStringLiteral("expiryTimeline"));
    setAccessibleName(tr("Expiry timeline"));
    setAccessibleDescription(tr("One row per certificate: a bar from the start to the end of its validity, "
                                "coloured by its state."));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setObjectName(QStringLiteral("timelineTimeScroll"));
    verticalScrollBar()->setObjectName(QStringLiteral("timelineRowScroll"));
    updateMetrics();
    m_base = m_now.addDays(-kRangeDays);
    updateScrollBars();
    centreOnToday();
}

QSize ExpiryTimelineWidget::sizeHint() const {
    return {900, m_headerHeight + 8 * m_rowHeight};
}

void ExpiryTimelineWidget::setModel(QAbstractItemModel* model) {
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_currentRow = -1;
    if (m_model) {
        const auto changed = [this] {
            modelChanged();
        };
        connect(m_model, &QAbstractItemModel::modelReset, this, changed);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, changed);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, changed);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, changed);
        connect(m_model, &QAbstractItemModel::rowsMoved, this, changed);
        connect(m_model, &QAbstractItemModel::dataChanged, viewport(), qOverload<>(&QWidget::update));
    }
    modelChanged();
}

void ExpiryTimelineWidget::modelChanged() {
    const int rows = m_model ? m_model->rowCount() : 0;
    if (m_currentRow >= rows)
        m_currentRow = rows - 1;
    updateScrollBars();
    viewport()->update();
}

void ExpiryTimelineWidget::setNow(const QDateTime& now) {
    m_now = now.toUTC();
    m_base = m_now.addDays(-kRangeDays);
    centreOnToday();
    viewport()->update();
}

int ExpiryTimelineWidget::zoomDays(Zoom zoom) {
    switch (zoom) {
    case Zoom::Days30:
        return 30;
    case Zoom::Days90:
        return 90;
    case Zoom::Year:
        return 365;
    }
    return 90;
}

void ExpiryTimelineWidget::setZoom(Zoom zoom) {
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    updateScrollBars();
    centreOnToday();
    viewport()->update();
    Q_EMIT zoomChanged(zoom);
}

qint64 ExpiryTimelineWidget::spanSeconds() const {
    return qint64(zoomDays(m_zoom)) * 24 * 3600;
}

void ExpiryTimelineWidget::updateMetrics() {
    const QFontMetrics fm(font());
    m_rowHeight = std::max(26, fm.height() + 12);
    m_headerHeight = fm.height() * 2 + 10;
    m_labelWidth = std::clamp(fm.averageCharWidth() * 38, 200, 340);
}

QRect ExpiryTimelineWidget::chartRect() const {
    const QRect vp = viewport()->rect();
    return {m_labelWidth, 0, std::max(1, vp.width() - m_labelWidth), vp.height()};
}

void ExpiryTimelineWidget::updateScrollBars() {
    const int rows = m_model ? m_model->rowCount() : 0;
    const int visible = std::max(0, viewport()->height() - m_headerHeight);
    QScrollBar* v = verticalScrollBar();
    v->setSingleStep(m_rowHeight);
    v->setPageStep(std::max(m_rowHeight, visible - m_rowHeight));
    v->setRange(0, std::max(0, rows * m_rowHeight - visible));

    QScrollBar* h = horizontalScrollBar();
    const int spanHours = static_cast<int>(spanSeconds() / 3600);
    h->setRange(0, static_cast<int>(2 * kRangeDays * 24) - spanHours);
    h->setPageStep(spanHours);
    h->setSingleStep(std::max(1, spanHours / 20));
}

void ExpiryTimelineWidget::centreOnToday() {
    const qint64 todayHours = m_base.secsTo(m_now) / 3600;
    const qint64 spanHours = spanSeconds() / 3600;
    horizontalScrollBar()->setValue(static_cast<int>(todayHours - qint64(spanHours * kTodayAt)));
}

QDateTime ExpiryTimelineWidget::viewStart() const {
    return m_base.addSecs(qint64(horizontalScrollBar()->value()) * 3600);
}

double ExpiryTimelineWidget::xForTime(const QDateTime& t) const {
    const QRect chart = chartRect();
    const double secs = double(viewStart().msecsTo(t)) / 1000.0;
    return chart.left() + secs * chart.width() / double(spanSeconds());
}

QDateTime ExpiryTimelineWidget::timeAtX(double x) const {
    const QRect chart = chartRect();
    const double secs = (x - chart.left()) * double(spanSeconds()) / chart.width();
    return viewStart().addMSecs(qint64(secs * 1000.0));
}

int ExpiryTimelineWidget::rowAt(const QPoint& pos) const {
    if (!m_model || pos.y() < m_headerHeight)
        return -1;
    const int row = (pos.y() - m_headerHeight + verticalScrollBar()->value()) / m_rowHeight;
    return row < m_model->rowCount() ? row : -1;
}

QRect ExpiryTimelineWidget::rowRect(int row) const {
    return {0, m_headerHeight + row * m_rowHeight - verticalScrollBar()->value(), viewport()->width(), m_rowHeight};
}

void ExpiryTimelineWidget::setCurrentRow(int row) {
    const int rows = m_model ? m_model->rowCount() : 0;
    row = rows == 0 ? -1 : std::clamp(row, 0, rows - 1);
    if (row == m_currentRow)
        return;
    m_currentRow = row;
    if (row >= 0) {
        ensureRowVisible(row);
        // Screen readers announce the focused row through the description.
        setAccessibleDescription(m_model->data(m_model->index(row, 0), Qt::AccessibleTextRole).toString());
    }
    viewport()->update();
    Q_EMIT currentRowChanged(row);
}

void ExpiryTimelineWidget::ensureRowVisible(int row) {
    QScrollBar* v = verticalScrollBar();
    const int top = row * m_rowHeight;
    const int visible = viewport()->height() - m_headerHeight;
    if (top < v->value())
        v->setValue(top);
    else if (top + m_rowHeight > v->value() + visible)
        v->setValue(top + m_rowHeight - visible);
}

void ExpiryTimelineWidget::scrollContentsBy(int, int) {
    viewport()->update();
}

void ExpiryTimelineWidget::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void ExpiryTimelineWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
    }
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        viewport()->update();
    QAbstractScrollArea::changeEvent(event);
}

void ExpiryTimelineWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    const int row = rowAt(event->position().toPoint());
    if (row < 0)
        return;
    setCurrentRow(row);
    Q_EMIT certificateActivated(m_model->index(row, 0));
}

void ExpiryTimelineWidget::keyPressEvent(QKeyEvent* event) {
    const int page = std::max(1, (viewport()->height() - m_headerHeight) / m_rowHeight - 1);
    const int rows = m_model ? m_model->rowCount() : 0;
    switch (event->key()) {
    case Qt::Key_Down:
        setCurrentRow(m_currentRow + 1);
        break;
    case Qt::Key_Up:
        setCurrentRow(std::max(0, m_currentRow - 1));
        break;
    case Qt::Key_PageDown:
        setCurrentRow(m_currentRow + page);
        break;
    case Qt::Key_PageUp:
        setCurrentRow(std::max(0, m_currentRow - page));
        break;
    case Qt::Key_Home:
        setCurrentRow(0);
        break;
    case Qt::Key_End:
        setCurrentRow(rows - 1);
        break;
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setZoom(m_zoom == Zoom::Year ? Zoom::Days90 : Zoom::Days30);
        break;
    case Qt::Key_Minus:
        setZoom(m_zoom == Zoom::Days30 ? Zoom::Days90 : Zoom::Year);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_currentRow >= 0 && m_model)
            Q_EMIT certificateActivated(m_model->index(m_currentRow, 0));
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void ExpiryTimelineWidget::wheelEvent(QWheelEvent* event) {
    // Ctrl+wheel zooms like in every other timeline; Shift+wheel moves in time.
    if (event->modifiers() & Qt::ControlModifier) {
        const int dy = event->angleDelta().y();
        if (dy > 0)
            setZoom(m_zoom == Zoom::Year ? Zoom::Days90 : Zoom::Days30);
        else if (dy < 0)
            setZoom(m_zoom == Zoom::Days30 ? Zoom::Days90 : Zoom::Year);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool ExpiryTimelineWidget::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), m_model->data(m_model->index(row, 0), Qt::ToolTipRole).toString(),
                               viewport(), rowRect(row));
        else if (help->pos().y() < m_headerHeight && help->pos().x() >= m_labelWidth)
            QToolTip::showText(help->globalPos(), Formatting::date(timeAtX(help->pos().x())), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void ExpiryTimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const QPalette& pal = palette();
    const QRect vp = viewport()->rect();
    p.fillRect(vp, pal.color(QPalette::Base));
    const QRect chart = chartRect();

    int painted = 0;
    if (m_model) {
        const int rows = m_model->rowCount();
        const int scroll = verticalScrollBar()->value();
        const int first = scroll / m_rowHeight;
        const int last = std::min(rows - 1, (scroll + vp.height() - m_headerHeight) / m_rowHeight);
        p.save();
        p.setClipRect(QRect(0, m_headerHeight, vp.width(), vp.height() - m_headerHeight));
        for (int row = first; row <= last; ++row) {
            paintRow(p, row, rowRect(row), chart);
            ++painted;
        }
        p.restore();
    }
    m_lastPaintedRows = painted;

    // Vertical separator between names and chart.
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(m_labelWidth - 1, 0, m_labelWidth - 1, vp.height());
    paintHeader(p, chart);

    // Today: one strong line through the header and every row.
    const double todayX = xForTime(m_now);
    if (todayX >= chart.left() && todayX <= chart.right()) {
        const QColor accent = Formatting::isDark(pal) ? QColor(0xff, 0x87, 0x87) : QColor(0xd6, 0x33, 0x6c);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.fillRect(QRectF(todayX - 1, m_headerHeight - 6, 2, vp.height()), accent);
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        const QString label = tr("Today");
        const QFontMetrics fm(f);
        const int w = fm.horizontalAdvance(label) + 10;
        QRectF badge(todayX - w / 2.0, m_headerHeight - fm.height() - 8, w, fm.height() + 2);
        badge.moveLeft(std::clamp(badge.left(), double(chart.left()), double(chart.right()) - w));
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawRoundedRect(badge, 4, 4);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, label);
        p.setFont(font());
    }

    if (!m_model || m_model->rowCount() == 0) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(vp.adjusted(0, m_headerHeight, 0, 0), Qt::AlignCenter, tr("No certificates to show."));
    }
    if (hasFocus() && m_currentRow < 0) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(vp.adjusted(0, 0, -1, -1));
    }
}

void ExpiryTimelineWidget::paintHeader(QPainter& p, const QRect& chart) const {
    const QPalette& pal = palette();
    const QRect header(0, 0, viewport()->width(), m_headerHeight);
    p.fillRect(header, pal.color(QPalette::Window));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, m_headerHeight - 1, header.right(), m_headerHeight - 1);

    const QFontMetrics fm(font());
    p.setPen(pal.color(QPalette::WindowText));
    const QString zoomText = tr("%1 days").arg(zoomDays(m_zoom));
    p.drawText(QRect(10, 0, m_labelWidth - 20, m_headerHeight), Qt::AlignVCenter | Qt::AlignLeft,
               zoomDays(m_zoom) == 365 ? tr("One year") : zoomText);

    // Ticks: days (30-day view), weeks starting Monday (90 days) or months (a year). Labels every tick
    // in the first two, every month in the year view; grid lines run down through the rows.
    const QDateTime start = viewStart().toLocalTime();
    const QDateTime end = timeAtX(chart.right() + 1).toLocalTime();
    QDate d = start.date();
    const QLocale locale;
    p.save();
    p.setClipRect(QRect(chart.left(), 0, chart.width(), viewport()->height()));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.08f);
    QColor minor = pal.color(QPalette::Text);
    minor.setAlphaF(0.35f);
    const auto tickAt = [&](QDate day, const QString& label, bool strong) {
        const double x = xForTime(QDateTime(day, QTime(0, 0)).toUTC());
        p.setPen(strong ? pal.color(QPalette::WindowText) : minor);
        p.drawLine(QPointF(x, m_headerHeight - (strong ? 8 : 4)), QPointF(x, m_headerHeight - 1));
        if (strong) {
            p.setPen(grid);
            p.drawLine(QPointF(x, m_headerHeight), QPointF(x, viewport()->height()));
        }
        if (!label.isEmpty()) {
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(QPointF(x + 3, fm.ascent() + 4), label);
        }
    };
    while (QDateTime(d, QTime(0, 0)) <= end) {
        switch (m_zoom) {
        case Zoom::Days30:
            tickAt(d, d.dayOfWeek() == 1 ? locale.toString(d, QStringLiteral("d MMM")) : QString(), d.dayOfWeek() == 1);
            d = d.addDays(1);
            break;
        case Zoom::Days90:
            if (d.dayOfWeek() == 1)
                tickAt(d, d.day() <= 7 ? locale.toString(d, QStringLiteral("d MMM")) : QString(), d.day() <= 7);
            d = d.addDays(1);
            break;
        case Zoom::Year:
            if (d.day() == 1)
                tickAt(d,
                       d.month() == 1 ? locale.toString(d, QStringLiteral("MMM yyyy"))
                                      : locale.toString(d, QStringLiteral("MMM")),
                       true);
            d = d.addDays(1);
            break;
        }
    }
    p.restore();
}

void ExpiryTimelineWidget::paintRow(QPainter& p, int row, const QRect& rect, const QRect& chart) const {
    const QPalette& pal = palette();
    const QModelIndex index = m_model->index(row, 0);
    const auto state = static_cast<CertificateState>(index.data(CertificateTableModel::StateRole).toInt());
    const QColor color = Formatting::stateColor(state, pal);
    const QColor base = pal.color(QPalette::Base);

    if (row == m_currentRow) {
        QColor hl = pal.color(QPalette::Highlight);
        hl.setAlphaF(hasFocus() ? 0.28f : 0.16f);
        p.fillRect(rect, hl);
    } else if (row % 2 == 1) {
        p.fillRect(rect, pal.color(QPalette::AlternateBase));
    }

    // Label: a state dot and the names.
    p.setRenderHint(QPainter::Antialiasing);
    const int dot = 10;
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(12, rect.center().y() - dot / 2.0 + 0.5, dot, dot));
    p.setPen(pal.color(QPalette::Text));
    const QRect labelRect(12 + dot + 8, rect.top(), m_labelWidth - dot - 32, rect.height());
    const QString names = Formatting::namesSummary(index.data(CertificateTableModel::NamesRole).toStringList());
    p.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
               p.fontMetrics().elidedText(names, Qt::ElideMiddle, labelRect.width()));

    p.save();
    p.setClipRect(chart.intersected(rect));
    const double barH = std::round(rect.height() * 0.5);
    const double barTop = rect.top() + (rect.height() - barH) / 2.0;

    // ARI window: the CA's suggested renewal window, shaded across the row's height.
    const QDateTime ariStart = index.data(CertificateTableModel::AriWindowStartRole).toDateTime();
    const QDateTime ariEnd = index.data(CertificateTableModel::AriWindowEndRole).toDateTime();
    if (ariStart.isValid() && ariEnd.isValid()) {
        QColor shade = Formatting::stateColor(CertificateState::RenewalDue, pal);
        shade.setAlphaF(0.22f);
        const double x1 = xForTime(ariStart);
        const double x2 = std::max(x1 + 2, xForTime(ariEnd));
        p.fillRect(QRectF(x1, rect.top() + 3, x2 - x1, rect.height() - 6), QBrush(shade, Qt::BDiagPattern));
        shade.setAlphaF(0.12f);
        p.fillRect(QRectF(x1, rect.top() + 3, x2 - x1, rect.height() - 6), shade);
    }

    // The validity bar: paler for the part already used, full colour for what is left.
    const QDateTime nb = index.data(CertificateTableModel::NotBeforeRole).toDateTime();
    const QDateTime na = index.data(CertificateTableModel::NotAfterRole).toDateTime();
    if (nb.isValid() && na.isValid()) {
        const double x1 = xForTime(nb);
        const double x2 = std::max(x1 + 3, xForTime(na));
        const double xNow = std::clamp(xForTime(m_now), x1, x2);
        QPainterPath bar;
        bar.addRoundedRect(QRectF(x1, barTop, x2 - x1, barH), barH / 2.5, barH / 2.5);
        p.setPen(Qt::NoPen);
        p.setBrush(blend(color, base, state == CertificateState::Expired ? 0.55 : 0.6));
        p.drawPath(bar);
        p.save();
        p.setClipRect(QRectF(xNow, rect.top(), x2 - xNow + 1, rect.height()), Qt::IntersectClip);
        p.setBrush(state == CertificateState::Expired ? blend(color, base, 0.3) : color);
        p.drawPath(bar);
        p.restore();

        // The expiry in words just past the bar's end, when it is in view.
        if (x2 < chart.right() - 40) {
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.88);
            p.setFont(small);
            p.setPen(state == CertificateState::Fine ? pal.color(QPalette::PlaceholderText) : color);
            const QString text =
                state == CertificateState::Expired ? Formatting::stateLabel(state) : Formatting::relative(na, m_now);
            // A bar that ended left of the view keeps its words at the chart's edge rather than clipped.
            const double textX = std::max(x2 + 6, double(chart.left() + 6));
            p.drawText(QRectF(textX, rect.top(), chart.right() - textX, rect.height()),
                       Qt::AlignVCenter | Qt::AlignLeft, text);
            p.setFont(font());
        }
    }

    // Planned renewal: a diamond on the bar.
    const QDateTime planned = index.data(CertificateTableModel::PlannedRenewalRole).toDateTime();
    if (planned.isValid() && state != CertificateState::Expired) {
        const double x = xForTime(planned);
        const double r = barH / 2.0 + 1;
        const double cy = barTop + barH / 2.0;
        QPolygonF diamond({QPointF(x, cy - r), QPointF(x + r, cy), QPointF(x, cy + r), QPointF(x - r, cy)});
        p.setPen(QPen(base, 1.5));
        p.setBrush(pal.color(QPalette::Text));
        p.drawPolygon(diamond);
    }
    p.restore();
    p.setRenderHint(QPainter::Antialiasing, false);
}

} // namespace certdeck::ui
