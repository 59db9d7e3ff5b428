// Shim over the zbar barcode reader for Swift. Debian/Ubuntu: apt install libzbar-dev
#ifndef INVOICECAPTURE_CZBAR_SHIM_H
#define INVOICECAPTURE_CZBAR_SHIM_H
#include <zbar.h>
#endif
