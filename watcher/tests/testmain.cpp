// The watcher's tests need a QCoreApplication: QFileSystemWatcher, QTimer and QSignalSpy::wait
// all run on its event loop.
#include <QCoreApplication>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
