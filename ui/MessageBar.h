// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Error.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace certdeck::ui {

/// The inline message line the screens share: a plain sentence (an Error's userMessage, or a
/// success) with the technical detail behind "Details…". Colours come from the palette, so it reads
/// in light and dark themes. Child objectNames are `<name>Text`, `<name>Details` (the button) and
/// `<name>DetailText`, where `<name>` is the objectName given to the constructor.
class MessageBar : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Info, Success, Error };

    MessageBar(const QString& objectName, QWidget* parent = nullptr);

    void showError(const Error& error);
    void showMessage(const QString& text, Kind kind = Kind::Info, const QString& detail = {});
    void clear();

    [[nodiscard]] QString text() const;
    [[nodiscard]] Kind kind() const { return m_kind; }

private:
    QLabel* m_text = nullptr;
    QPushButton* m_details = nullptr;
    QPlainTextEdit* m_detailText = nullptr;
    Kind m_kind = Kind::Info;
};

} // namespace certdeck::ui
