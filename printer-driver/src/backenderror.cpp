#include "backenderror.h"

#include <cerrno>
#include <cups/backend.h>

namespace einvoice::backend {

int BackendError::exitCodeForWriteErrno(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
    case EIO:
    case EROFS:
    case EFBIG:
        return CUPS_BACKEND_RETRY;
    default:
        return CUPS_BACKEND_FAILED;
    }
}

} // namespace einvoice::backend
