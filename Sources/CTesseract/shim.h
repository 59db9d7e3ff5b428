// Shim over the Tesseract C API and Leptonica for Swift.
// Debian/Ubuntu: apt install libtesseract-dev libleptonica-dev
#ifndef INVOICECAPTURE_CTESSERACT_SHIM_H
#define INVOICECAPTURE_CTESSERACT_SHIM_H

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#endif
