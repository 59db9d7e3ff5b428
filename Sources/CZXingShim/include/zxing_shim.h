// A C interface to the one zxing-cpp call InvoiceCapture needs: read the QR codes of a grey image.
// zxing-cpp 3 (built by scripts/fetch-zxing) has a C++ API; Swift calls this instead.
#ifndef INVOICECAPTURE_ZXING_SHIM_H
#define INVOICECAPTURE_ZXING_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One decoded QR code. `text` is NUL-terminated UTF-8 owned by the result list.
typedef struct {
    char *text;
    int left, top, right, bottom;  // bounding box of the symbol's corners, pixels
    int orientation;               // degrees the symbol is turned clockwise (0, 90, 180, 270 ± a few)
} ics_qr_result;

/// Decodes up to `capacity` QR codes from an 8-bit grey image (`stride` bytes per row).
/// Writes them to `results` and returns how many were found, or -1 when zxing failed (never throws).
/// Free the texts with `ics_qr_free(results, count)`.
int ics_qr_decode(const uint8_t *pixels, int width, int height, int stride, ics_qr_result *results, int capacity);

/// Frees the texts of `count` results.
void ics_qr_free(ics_qr_result *results, int count);

#ifdef __cplusplus
}
#endif
#endif
