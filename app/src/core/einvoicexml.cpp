#include "einvoicexml.h"
