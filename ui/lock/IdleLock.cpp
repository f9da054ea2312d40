#include "ui/lock/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace pd {

IdleLock::IdleLock(int minutes, QObject* parent)
    : QObject(parent) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(qMax(1, minutes) * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_active)
            emit lockRequested();
    });
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

IdleLock::~IdleLock() {
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setIntervalMs(int ms) {
    m_timer.setInterval(ms);
    if (m_active)
        m_timer.start();
}

void IdleLock::setActive(bool active) {
    m_active = active;
    if (active)
        m_timer.start();
    else
        m_timer.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_active)
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace pd
