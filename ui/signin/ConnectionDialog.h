// Which database this workstation works on: the embedded file, or the hospital's central PostgreSQL
// server (host, port, database, TLS mode and CA file). Each person's login and password are asked at
// sign-in and never kept.
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace pd {

class ConnectionDialog final : public QDialog {
    Q_OBJECT

public:
    explicit ConnectionDialog(const QString& location, QWidget* parent = nullptr);

    // A file path (empty = the embedded default) or postgresql://HOST:PORT/DATABASE?sslmode=… (no login).
    QString location() const { return m_location; }

    // The same, in words for a label.
    static QString describe(const QString& location);

private:
    void updateEnabled();
    void submit();

    QString m_location;
    QRadioButton* m_embedded = nullptr;
    QRadioButton* m_server = nullptr;
    QWidget* m_filePage = nullptr;
    QWidget* m_serverPage = nullptr;
    QLineEdit* m_file = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QComboBox* m_tls = nullptr;
    QLineEdit* m_caFile = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace pd
