// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/common/Result.h"

#include <QCoroTask>
#include <QObject>
#include <QUrl>

#include <memory>

class QProcess;

namespace certdeck::workflow {

/// The offline sandbox (DESIGN.md): Debian's Pebble and pebble-challtestsrv on free loopback ports,
/// with a listener certificate generated on first use under `stateDir` and trusted by Certdeck for
/// this session only (never added to the system's trust). Every name resolves to 127.0.0.1, and Pebble
/// validates http-01 against httpPort(), where the built-in responder answers. Stops both servers
/// when destroyed (and they die with this process).
class Sandbox : public QObject {
    Q_OBJECT
public:
    ~Sandbox() override;

    static QCoro::Task<Result<std::unique_ptr<Sandbox>>> start(const QString& stateDir);

    [[nodiscard]] QUrl directoryUrl() const;
    [[nodiscard]] QString caFile() const { return m_caFile; }
    [[nodiscard]] quint16 httpPort() const { return m_httpPort; }
    [[nodiscard]] quint16 dnsPort() const { return m_dnsPort; }
    [[nodiscard]] quint16 managementPort() const { return m_challMgmtPort; }

private:
    Sandbox() = default;
    void stop();

    QString m_caFile;
    quint16 m_port = 0;
    quint16 m_httpPort = 0;
    quint16 m_dnsPort = 0;
    quint16 m_challMgmtPort = 0;
    QProcess* m_pebble = nullptr;
    QProcess* m_chall = nullptr;
};

} // namespace certdeck::workflow
