#include "filesystemprobe.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <sys/vfs.h>

namespace einvoice {

namespace {

struct FsType
{
    quint64 magic;
    const char *name;
    bool remote;  // changes can come from another machine
    bool polling; // inotify cannot be trusted
};

// Magic numbers from linux/magic.h and the file systems' sources; spelled out so the table does not
// depend on which kernel headers are installed.
constexpr FsType kTypes[] = {
    {0xEF53, "ext4", false, false},        {0x58465342, "xfs", false, false},
    {0x9123683E, "btrfs", false, false},   {0x01021994, "tmpfs", false, false},
    {0x794C7630, "overlay", false, false}, {0x2FC12FC1, "zfs", false, false},
    {0xF2F52010, "f2fs", false, false},    {0x5346544E, "ntfs", false, false},
    {0x7366746E, "ntfs3", false, false},   {0x6969, "nfs", true, true},
    {0x517B, "smb", true, true},           {0xFF534D42, "cifs", true, true},
    {0xFE534D42, "smb2", true, true},      {0x2011BAB0, "exfat", false, true},
    {0x4D44, "vfat", false, true},         {0x65735546, "fuse", false, true},
    {0x01021997, "9p", true, true},        {0x00C36400, "ceph", true, true},
    {0x5346414F, "afs", true, true},       {0x73757245, "coda", true, true},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice::FilesystemProbe", text);
}

} // namespace

FilesystemProbe::Result FilesystemProbe::classify(quint64 magic, const QString &path)
{
    Result r;
    r.ok = true;
    r.magic = magic;
    r.typeName = QStringLiteral("unknown");
    for (const FsType &t : kTypes) {
        if (t.magic != magic)
            continue;
        r.typeName = QString::fromLatin1(t.name);
        r.needsPolling = t.polling;
        if (t.remote)
            r.reason = tr("The folder %1 is on a network drive (%2). Changes made from other computers "
                          "are not announced, so the folder is checked at regular intervals instead.")
                           .arg(path, r.typeName);
        else if (t.polling)
            r.reason = tr("The folder %1 is on a %2 drive, which does not announce changes reliably, "
                          "so it is checked at regular intervals instead.")
                           .arg(path, r.typeName);
        break;
    }
    return r;
}

FilesystemProbe::Result FilesystemProbe::probe(const QString &path)
{
    struct statfs st
    {
    };
    const QByteArray native = QFile::encodeName(path);
    int rc;
    do {
        rc = ::statfs(native.constData(), &st);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
        Result r;
        r.reason = tr("Cannot examine the folder %1: %2").arg(path, qt_error_string(errno));
        return r;
    }
    return classify(static_cast<quint64>(static_cast<unsigned long>(st.f_type)) & 0xFFFFFFFFu, path);
}

} // namespace einvoice
