// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/StoreExecutor.h"

namespace certdeck::store {

StoreExecutor::StoreExecutor(QString dataDir)
    : m_dataDir(std::move(dataDir)) {
    // One thread for the Store's life: the QSqlDatabase connection belongs to it.
    m_thread.setObjectName(QStringLiteral("certdeck-store"));
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

StoreExecutor::~StoreExecutor() {
    // Queued after every call already sent: they finish first, then the Store closes on its thread.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_store.reset();
            delete m_context;
            m_context = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

Store* StoreExecutor::storeOnThisThread() {
    if (!m_tried) {
        m_tried = true;
        auto opened = Store::open(m_dataDir);
        if (opened)
            m_store = std::move(*opened);
        else
            m_openError = opened.error();
    }
    return m_store.get();
}

} // namespace certdeck::store
